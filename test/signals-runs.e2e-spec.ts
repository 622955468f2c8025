import { AttendanceStatus } from '../src/common/domain/vocabulary';
import { DEFAULT_THRESHOLDS, evaluateRules, RuleRecord } from '../src/modules/signals/signal-rules';
import { NightlyPassJob } from '../src/modules/signals/jobs/nightly-pass.job';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** R1 finds a run of consecutive unauthorised absences wherever it is, as signal-rules.ts (the twin) says. */
describe('absence signal runs (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let teacher: TestUser;
  let contractId: string;
  let product: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    teacher = await createUser(t, 'teacher');
    product = ref.products['B1-ROUTE'];
    contractId = (await createContract(t.db, ref.municipalities.Enschede, [product])).id;
  });
  afterAll(() => t.close());

  async function learnerInGroup(groupId: string) {
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    const tr = await createTrajectory(t.db, { learnerId: learner.id, municipalityId: ref.municipalities.Enschede, contractId, productId: product });
    await enrol(t.db, tr.id, groupId);
    return { learnerId: learner.id, trajectoryId: tr.id };
  }

  const signalsOf = (trajectoryId: string) =>
    t.db.query(`SELECT rule, to_char(triggered_on, 'YYYY-MM-DD') AS "triggeredOn", details FROM absence_signal WHERE trajectory_id = $1 ORDER BY rule`, [trajectoryId]);

  it('raises R1 when older registers are filled in afterwards, before a lesson already marked present', async () => {
    const group = await createGroup(t.db, product, { teacherIds: [teacher.id] });
    const s = await learnerInGroup(group.id);
    const save = async (date: string, status: string) => {
      const lesson = await createLesson(t.db, group.id, { date, minutes: 90 });
      const res = await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth).send({ entries: [{ learnerId: s.learnerId, status }] }).expect(200);
      return { lessonId: lesson.id, raised: res.body.signalsRaised.map((x: { rule: string }) => x.rule) };
    };
    expect((await save('2025-03-14', 'present')).raised).toEqual([]);
    const first = await save('2025-03-03', 'absent_unauthorised');
    const second = await save('2025-03-05', 'absent_unauthorised');
    expect([first.raised, second.raised]).toEqual([[], []]);
    const third = await save('2025-03-07', 'absent_unauthorised');
    expect(third.raised).toEqual(['R1']);
    expect(await signalsOf(s.trajectoryId)).toEqual([
      { rule: 'R1', triggeredOn: '2025-03-07', details: { consecutiveLessons: 3, lessonIds: [first.lessonId, second.lessonId, third.lessonId] } },
    ]);
  });

  it('the nightly pass raises exactly what the rules say, on random attendance histories', async () => {
    const statuses: AttendanceStatus[] = ['present', 'late', 'absent_authorised', 'absent_unauthorised', 'absent_unauthorised'];
    let seed = 20251130;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const group = await createGroup(t.db, product, { teacherIds: [teacher.id] });
    // Lessons on weekdays over ten weeks, sometimes two a day (start time decides their order).
    const lessons: { id: string; date: string; startTime: string; minutes: number }[] = [];
    for (let day = 0; day < 70; day++) {
      const date = new Date(Date.UTC(2025, 0, 6 + day)).toISOString().slice(0, 10);
      if ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) || random() < 0.4) continue;
      for (const startTime of random() < 0.2 ? ['13:00', '09:00'] : ['09:00']) {
        const minutes = [90, 120, 180][Math.floor(random() * 3)];
        lessons.push({ id: (await createLesson(t.db, group.id, { date, startTime, minutes })).id, date, startTime, minutes });
      }
    }
    const people = await Promise.all(Array.from({ length: 24 }, () => learnerInGroup(group.id)));
    const expected = new Map<string, unknown[]>();
    for (const p of people) {
      const records: RuleRecord[] = lessons
        .filter(() => random() < 0.85)
        .map((l) => ({ lessonId: l.id, lessonDate: l.date, startTime: l.startTime, lessonMinutes: l.minutes, status: statuses[Math.floor(random() * statuses.length)] }));
      for (const r of records) {
        await t.db.query(
          `INSERT INTO attendance_record (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status, attended_minutes, absence_reason)
           VALUES ($1, $2, $3, $4, $5, 'physical', $6::varchar, 0, CASE WHEN $6::varchar = 'absent_authorised' THEN 'ziek' END)`,
          [r.lessonId, p.learnerId, p.trajectoryId, r.lessonDate, r.lessonMinutes, r.status],
        );
      }
      expected.set(p.trajectoryId, evaluateRules(records, DEFAULT_THRESHOLDS).map((h) => ({ rule: h.rule, triggeredOn: h.triggeredOn, details: h.details })));
    }
    await t.app.get(NightlyPassJob).handle({ asOf: '2025-12-31' });
    let fired = 0;
    for (const p of people) {
      const got = await signalsOf(p.trajectoryId);
      fired += got.length;
      expect({ trajectory: p.trajectoryId, signals: got }).toEqual({ trajectory: p.trajectoryId, signals: expected.get(p.trajectoryId) });
    }
    // The histories are varied enough to exercise both outcomes.
    expect(fired).toBeGreaterThan(0);
    expect(fired).toBeLessThan(people.length * 2);
  });
});
