import { AttendanceStatus, CEFR_LEVELS, LANGUAGE_SKILLS, PASS_FAIL_SKILLS, SKILLS } from '../src/common/domain/vocabulary';
import { AssessmentLevelRepository } from '../src/modules/assessments/assessment-level.repository';
import { Assessment } from '../src/modules/assessments/entities/assessment.entity';
import { AssessmentFact, levelIndexAtDate, levelsAtDate, passedAtDate } from '../src/modules/assessments/level-at-date';
import { attendedMinutes } from '../src/modules/attendance/attended-minutes';
import { Prng } from '../src/seed/prng';
import { createLearner } from './factories/records.factory';
import { seedReference } from './factories/reference.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * The TypeScript twins of SQL rules are test oracles: each is compared here with its SQL function on random inputs
 * (R1/R2 are compared in signals-runs.e2e-spec.ts). A failure prints the seed and the first differing case.
 */
const SEED = Number(process.env.TWIN_SEED ?? 20261201);

describe('SQL rules and their TypeScript twins', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('koers_attended_minutes equals attended-minutes.ts on random records', async () => {
    const rnd = new Prng(SEED);
    const statuses: AttendanceStatus[] = ['present', 'late', 'absent_authorised', 'absent_unauthorised'];
    const cases = Array.from({ length: 2000 }, () => {
      const minutes = rnd.int(0, 480);
      return { status: rnd.pick(statuses), minutes, late: rnd.chance(0.2) ? rnd.int(minutes, minutes + 60) : rnd.int(0, minutes) };
    });
    const rows: Array<{ m: number }> = await t.db.query(
      `SELECT koers_attended_minutes(s, m, l) AS m FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS x(s, m, l, o) ORDER BY o`,
      [cases.map((c) => c.status), cases.map((c) => c.minutes), cases.map((c) => c.late)],
    );
    const diff = cases.findIndex((c, i) => rows[i].m !== attendedMinutes(c.status, c.minutes, c.late));
    expect({ seed: SEED, case: cases[diff], sql: rows[diff]?.m }).toEqual({ seed: SEED, case: undefined, sql: undefined });
    // The stored column is the function's value: a register save writes what the rule says.
    expect(rows.length).toBe(cases.length);
  });

  it('koers_level_index_at, koers_passed_at and the levels query equal level-at-date.ts on random histories', async () => {
    const rnd = new Prng(SEED + 1);
    const ref = await seedReference(t.db);
    const day = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
    const learners: Array<{ id: string; intake: Record<string, string>; facts: AssessmentFact[] }> = [];
    for (let n = 0; n < 25; n++) {
      const intake: Record<string, string> = {};
      for (const s of LANGUAGE_SKILLS) if (rnd.chance(0.8)) intake[s] = rnd.pick(CEFR_LEVELS);
      const learner = await createLearner(t.db, ref.municipalities.Enschede, { intakeLevels: intake });
      const facts: AssessmentFact[] = [];
      const rows: Partial<Assessment>[] = [];
      for (let k = rnd.int(0, 14); k > 0; k--) {
        const skill = rnd.pick(SKILLS);
        const date = day(rnd.int(0, 120));
        const passFail = (PASS_FAIL_SKILLS as readonly string[]).includes(skill);
        const level = passFail ? null : rnd.pick(CEFR_LEVELS);
        // Level results: passed, failed or unmarked (null counts as reached); pass/fail results: true or false.
        const passed = passFail ? rnd.chance(0.5) : rnd.pick([true, false, null]);
        facts.push({ skill, date, level, passed });
        rows.push({ learnerId: learner.id, skill, date, instrument: 'property test', level, levelIndex: level ? CEFR_LEVELS.indexOf(level as never) : null, passed });
      }
      if (rows.length) await t.db.getRepository(Assessment).insert(rows);
      learners.push({ id: learner.id, intake, facts });
    }
    const probes = learners.flatMap((l) => Array.from({ length: 6 }, () => ({ learner: l, date: day(rnd.int(-5, 125)) })));
    const sql: Array<{ skill: string; idx: number | null; passed: boolean }> = await t.db.query(
      `SELECT s.skill, koers_level_index_at(p.learner, s.skill, p.day) AS idx, koers_passed_at(p.learner, s.skill, p.day) AS passed
         FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS p(learner, day, o) CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS s(skill, so)
        ORDER BY p.o, s.so`,
      [probes.map((p) => p.learner.id), probes.map((p) => p.date), [...SKILLS]],
    );
    const expected = probes.flatMap((p) =>
      SKILLS.map((skill) => ({ skill, idx: levelIndexAtDate(p.learner.intake[skill], p.learner.facts, skill, p.date), passed: passedAtDate(p.learner.facts, skill, p.date) })),
    );
    const diff = expected.findIndex((e, i) => e.idx !== sql[i].idx || e.passed !== sql[i].passed);
    expect({ seed: SEED, at: diff < 0 ? null : { probe: probes[Math.floor(diff / SKILLS.length)], sql: sql[diff], twin: expected[diff] } }).toEqual({ seed: SEED, at: null });
    expect(new Set(sql.map((r) => r.idx)).size).toBeGreaterThan(3);
    expect(sql.some((r) => r.passed)).toBe(true);

    // The levels read of the API (AssessmentLevelRepository) gives what the twin gives for the whole row.
    const repo = t.app.get(AssessmentLevelRepository);
    const rowsAt = await repo.levelsAtDates(probes.map((p) => ({ learnerId: p.learner.id, date: p.date })));
    const twin = probes.flatMap((p) => levelsAtDate({ intakeLevels: p.learner.intake, targetLevels: {}, facts: p.learner.facts }, p.date));
    const strip = rowsAt.map(({ skill, scale, intake, current, gain, passed }) => ({ skill, scale, intake, current, gain, passed }));
    expect(strip).toEqual(twin.map(({ skill, scale, intake, current, gain, passed }) => ({ skill, scale, intake, current, gain, passed })));
  });
});
