import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

type Missing = { groupId: string; lessons: Array<{ lessonId: string; expected: number; recorded: number; missing: number }> };

/**
 * The missing-registers report checks learner by learner only where the kept record count (lesson.recorded_learners)
 * differs from the enrolment sweep; these tests hold it to the plain definition on varied histories.
 */
describe('missing registers at scale (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coordinator: TestUser;
  let teacher: TestUser;
  let contractId: string;
  let product: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coordinator = await createUser(t, 'coordinator');
    teacher = await createUser(t, 'teacher');
    product = ref.products['B1-ROUTE'];
    contractId = (await createContract(t.db, ref.municipalities.Enschede, [product])).id;
  });
  afterAll(() => t.close());

  /** The definition, pair by pair: enrolled learners (koers_enrolled_on) of past, non-cancelled lessons without a record. */
  const oracle = async (): Promise<Map<string, number>> => {
    const rows: Array<{ lesson_id: string; missing: number }> = await t.db.query(`
      SELECT l.id AS lesson_id, count(*)::int AS missing
        FROM lesson l
        JOIN (SELECT DISTINCT en.group_id, tr.learner_id, en.from_date, en.to_date, tr.status, tr.end_date
                FROM enrolment en JOIN trajectory tr ON tr.id = en.trajectory_id) e ON e.group_id = l.group_id
       WHERE NOT l.cancelled AND l.date < current_date
         AND koers_enrolled_on(e.from_date, e.to_date, e.status, e.end_date, l.date)
         AND NOT EXISTS (SELECT 1 FROM attendance_record a WHERE a.lesson_id = l.id AND a.learner_id = e.learner_id)
       GROUP BY l.id`);
    // A learner with two overlapping enrolments counts once.
    const distinct: Array<{ lesson_id: string; missing: number }> = await t.db.query(`
      SELECT x.lesson_id, count(DISTINCT x.learner_id)::int AS missing FROM (
        SELECT l.id AS lesson_id, tr.learner_id
          FROM lesson l JOIN enrolment en ON en.group_id = l.group_id JOIN trajectory tr ON tr.id = en.trajectory_id
         WHERE NOT l.cancelled AND l.date < current_date
           AND koers_enrolled_on(en.from_date, en.to_date, tr.status, tr.end_date, l.date)
           AND NOT EXISTS (SELECT 1 FROM attendance_record a WHERE a.lesson_id = l.id AND a.learner_id = tr.learner_id)) x
       GROUP BY x.lesson_id`);
    expect(distinct.length).toBe(rows.length);
    return new Map(distinct.map((r) => [r.lesson_id, r.missing]));
  };

  const reported = async (): Promise<Map<string, number>> => {
    const out = new Map<string, number>();
    for (let page = 1; ; page++) {
      const res = await t.http.get(`/api/v1/attendance/missing-registers?pageSize=100&page=${page}`).set('Authorization', coordinator.auth).expect(200);
      for (const g of res.body.items as Missing[]) for (const l of g.lessons) out.set(l.lessonId, l.missing);
      if (page * 100 >= res.body.total) return out;
    }
  };

  const countsAreExact = async () => {
    const [{ wrong }] = await t.db.query(
      `SELECT count(*)::int AS wrong FROM lesson l WHERE l.recorded_learners <> (SELECT count(*) FROM attendance_record a WHERE a.lesson_id = l.id)`,
    );
    expect(wrong).toBe(0);
  };

  it('keeps the per-lesson record count exact through saves, re-saves, partial and empty registers and advance absence', async () => {
    const group = await createGroup(t.db, product, { teacherIds: [teacher.id] });
    const learners = [];
    for (let i = 0; i < 4; i++) {
      const l = await createLearner(t.db, ref.municipalities.Enschede);
      const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Enschede, contractId, productId: product });
      await enrol(t.db, tr.id, group.id);
      learners.push(l.id);
    }
    const lesson = await createLesson(t.db, group.id, { date: '2025-03-03' });
    const save = (ids: string[]) =>
      t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth).send({ entries: ids.map((learnerId) => ({ learnerId, status: 'present' })) }).expect(200);
    const count = async () => (await t.db.query(`SELECT recorded_learners AS n FROM lesson WHERE id = $1`, [lesson.id]))[0].n;
    await save(learners);
    expect(await count()).toBe(4);
    await save(learners);
    expect(await count()).toBe(4);
    await save(learners.slice(0, 2));
    expect(await count()).toBe(2);
    await save([]);
    expect(await count()).toBe(0);
    const future = await createLesson(t.db, group.id, { date: '2099-03-02' });
    await t.http.post(`/api/v1/lessons/${future.id}/advance-absence`).set('Authorization', coordinator.auth).send({ learnerId: learners[0], reason: 'Ziekenhuis' }).expect(201);
    expect((await t.db.query(`SELECT recorded_learners AS n FROM lesson WHERE id = $1`, [future.id]))[0].n).toBe(1);
    await countsAreExact();
  });

  it('agrees with the pair-by-pair definition on random groups, enrolments changed after saving and ended trajectories', async () => {
    let seed = 4242;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const day = (n: number) => new Date(Date.UTC(2025, 0, 6 + n)).toISOString().slice(0, 10);
    for (let g = 0; g < 6; g++) {
      const group = await createGroup(t.db, product, { teacherIds: [teacher.id] });
      const lessons = [];
      for (let d = 0; d < 40; d += 2 + Math.floor(random() * 3)) {
        lessons.push(await createLesson(t.db, group.id, { date: day(d), startTime: '09:00' }));
        if (random() < 0.2) lessons.push(await createLesson(t.db, group.id, { date: day(d), startTime: '14:00', cancelled: random() < 0.5 }));
      }
      const people = [];
      for (let i = 0; i < 6; i++) {
        const l = await createLearner(t.db, ref.municipalities.Enschede);
        const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Enschede, contractId, productId: product });
        const from = day(Math.floor(random() * 20));
        await enrol(t.db, tr.id, group.id, from, random() < 0.3 ? day(20 + Math.floor(random() * 20)) : null);
        people.push({ learnerId: l.id, trajectoryId: tr.id });
      }
      // Registers through the API: most complete, some partial, some never saved.
      for (const lesson of lessons) {
        if (lesson.cancelled || random() < 0.2) continue;
        const { body } = await t.http.get(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth).expect(200);
        const entries = (body.learners as Array<{ learnerId: string }>)
          .filter(() => random() < 0.9)
          .map((l) => ({ learnerId: l.learnerId, status: pick(['present', 'absent_unauthorised']) }));
        await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth).send({ entries }).expect(200);
      }
      // Afterwards: a back-dated enrolment, a shortened one, a trajectory ended early (its records stay).
      const late = await createLearner(t.db, ref.municipalities.Enschede);
      const lateTr = await createTrajectory(t.db, { learnerId: late.id, municipalityId: ref.municipalities.Enschede, contractId, productId: product });
      await enrol(t.db, lateTr.id, group.id, day(5));
      await t.db.query(`UPDATE enrolment SET to_date = greatest(from_date, $2::date) WHERE trajectory_id = $1`, [people[0].trajectoryId, day(12)]);
      await t.db.query(`UPDATE trajectory SET status = 'dropped_out', end_date = $2, dropout_reason = 'moved' WHERE id = $1`, [people[1].trajectoryId, day(15)]);
    }
    await countsAreExact();
    const [want, got] = [await oracle(), await reported()];
    expect(want.size).toBeGreaterThan(10);
    expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...want].sort()));
  });

  it('the interval form of the enrolment rule (koers_enrolled_last_day) agrees with koers_enrolled_on', async () => {
    const [{ disagreements, cases }] = await t.db.query(`
      -- As filters: koers_enrolled_on gives NULL for an ended trajectory without an end date, which excludes as false does.
      SELECT count(*) FILTER (WHERE coalesce(koers_enrolled_on(f, t, s, e, d), false) <> (f <= d AND d <= koers_enrolled_last_day(t, s, e)))::int AS disagreements,
             count(*)::int AS cases
        FROM (VALUES (DATE '2025-03-01'), (DATE '2025-03-10')) f(f)
        CROSS JOIN (VALUES (NULL::date), (DATE '2025-03-05'), (DATE '2025-03-20')) t(t)
        CROSS JOIN (VALUES ('planned'), ('active'), ('suspended'), ('completed'), ('dropped_out')) s(s)
        CROSS JOIN (VALUES (NULL::date), (DATE '2025-03-04'), (DATE '2025-03-15')) e(e)
        CROSS JOIN (SELECT x::date FROM generate_series(DATE '2025-02-25', DATE '2025-03-25', interval '1 day') x) d(d)`);
    expect(cases).toBe(2 * 3 * 5 * 3 * 29);
    expect(disagreements).toBe(0);
  });
});
