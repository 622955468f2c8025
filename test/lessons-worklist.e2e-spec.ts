import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

type LessonRow = { id: string; groupId: string; location: string; teacherName: string | null; registerState: string; expectedLearners: number; recordedLearners: number };

/** The lessons list as a worklist: filters by group, teacher and location, and how complete each register is. */
describe('lessons worklist (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coordinator: TestUser;
  let contractId: string;
  let product: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coordinator = await createUser(t, 'coordinator');
    product = ref.products['B1-ROUTE'];
    contractId = (await createContract(t.db, ref.municipalities.Enschede, [product])).id;
  });
  afterAll(() => t.close());

  /** Date and HH:MM on the college's wall clock, `minutes` from now. */
  const localAt = (minutes: number) => {
    const [date, time] = new Date(Date.now() + minutes * 60_000).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }).split(' ');
    return { date, startTime: time.slice(0, 5) };
  };

  async function groupWith(learners: number, over: Parameters<typeof createGroup>[2] = {}) {
    const group = await createGroup(t.db, product, over);
    const learnerIds: string[] = [];
    for (let i = 0; i < learners; i++) {
      const l = await createLearner(t.db, ref.municipalities.Enschede);
      const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Enschede, contractId, productId: product });
      await enrol(t.db, tr.id, group.id, '2025-01-06');
      learnerIds.push(l.id);
    }
    return { group, learnerIds };
  }

  const list = async (q: string, user: TestUser = coordinator): Promise<LessonRow[]> =>
    (await t.http.get(`/api/v1/lessons?pageSize=100&${q}`).set('Authorization', user.auth).expect(200)).body.items;

  it('marks each register complete, partial or missing, and a lesson in progress or later today not missing yet', async () => {
    const teacher = await createUser(t, 'teacher');
    const { group, learnerIds } = await groupWith(2, { teacherIds: [teacher.id] });
    const save = (lessonId: string, ids: string[]) =>
      t.http.put(`/api/v1/lessons/${lessonId}/register`).set('Authorization', teacher.auth)
        .send({ entries: ids.map((learnerId) => ({ learnerId, status: 'present' })) }).expect(200);
    const none = await createLesson(t.db, group.id, { date: '2025-03-03', startTime: '09:00' });
    const partly = await createLesson(t.db, group.id, { date: '2025-03-04', startTime: '09:00' });
    const whole = await createLesson(t.db, group.id, { date: '2025-03-05', startTime: '09:00' });
    const cancelled = await createLesson(t.db, group.id, { date: '2025-03-06', startTime: '09:00', cancelled: true, cancelReason: 'Docent ziek' });
    await save(partly.id, learnerIds.slice(0, 1));
    await save(whole.id, learnerIds);
    // Started 30 minutes ago, two hours long; starting in an hour; over since an hour ago.
    const running = await createLesson(t.db, group.id, { ...localAt(-30), minutes: 120 });
    const later = await createLesson(t.db, group.id, { ...localAt(60), minutes: 60 });
    const over = await createLesson(t.db, group.id, { ...localAt(-180), minutes: 120 });

    const rows = new Map((await list(`groupId=${group.id}`)).map((l) => [l.id, l]));
    const state = (id: string) => rows.get(id)?.registerState;
    expect(state(none.id)).toBe('missing');
    expect(state(partly.id)).toBe('partial');
    expect(state(whole.id)).toBe('complete');
    expect(state(cancelled.id)).toBe('cancelled');
    expect(state(running.id)).toBe('in_progress');
    expect(state(later.id)).toBe('upcoming');
    expect(state(over.id)).toBe('missing');
    expect(rows.get(partly.id)).toMatchObject({ expectedLearners: 2, recordedLearners: 1, location: group.location, teacherName: expect.any(String) });
    // The register filled during the lesson: complete at once.
    await save(running.id, learnerIds);
    expect((await t.http.get(`/api/v1/lessons/${running.id}`).set('Authorization', coordinator.auth).expect(200)).body)
      .toMatchObject({ registerState: 'complete', expectedLearners: 2, recordedLearners: 2 });
    // The teacher's own list (another query path) says the same.
    const mine = new Map((await list(`groupId=${group.id}`, teacher)).map((l) => [l.id, l.registerState]));
    expect(mine.get(partly.id)).toBe('partial');
    expect(mine.get(later.id)).toBe('upcoming');

    // Missing registers: the lesson that is over is listed, the one in progress or to come is not.
    const res = await t.http.get(`/api/v1/attendance/missing-registers?groupId=${group.id}&pageSize=100`).set('Authorization', coordinator.auth).expect(200);
    const missing = res.body.items.flatMap((g: { lessons: Array<{ lessonId: string }> }) => g.lessons.map((l) => l.lessonId));
    expect(missing).toEqual(expect.arrayContaining([none.id, partly.id, over.id]));
    expect(missing).not.toContain(later.id);
    expect(missing).not.toContain(whole.id);
    const [{ id: runningEmpty }] = await t.db.query(
      `INSERT INTO lesson (group_id, date, start_time, minutes, mode) VALUES ($1, $2, $3, 240, 'physical') RETURNING id`,
      [group.id, localAt(-10).date, localAt(-10).startTime],
    );
    const again = await t.http.get(`/api/v1/attendance/missing-registers?groupId=${group.id}&pageSize=100`).set('Authorization', coordinator.auth).expect(200);
    expect(again.body.items.flatMap((g: { lessons: Array<{ lessonId: string }> }) => g.lessons.map((l) => l.lessonId))).not.toContain(runningEmpty);
    expect((await list(`groupId=${group.id}`)).find((l) => l.id === runningEmpty)?.registerState).toBe('in_progress');
  });

  it('filters by group, teacher (the lesson\'s own, else the group\'s) and location, and offers those to choose from', async () => {
    const namedTeacher = async (name: string) => {
      const u = await createUser(t, 'teacher');
      await t.db.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [u.id, name]);
      return u;
    };
    const anna = await namedTeacher('Anna de Docent');
    const bram = await namedTeacher('Bram Bakker');
    const a = (await groupWith(1, { teacherIds: [anna.id], location: 'Enschede, Gronausestraat 1' })).group;
    const b = (await groupWith(1, { teacherIds: [bram.id], location: 'Hengelo, Marktstraat 5' })).group;
    const a1 = await createLesson(t.db, a.id, { date: '2025-04-07' });
    const b1 = await createLesson(t.db, b.id, { date: '2025-04-08' });
    const b2 = await createLesson(t.db, b.id, { date: '2025-04-09', teacherId: anna.id });
    const ids = (rows: LessonRow[]) => rows.map((l) => l.id);
    const span = 'from=2025-04-07&to=2025-04-09';

    expect(ids(await list(`${span}&teacherId=${anna.id}`))).toEqual([a1.id, b2.id]);
    expect(ids(await list(`${span}&teacherId=${bram.id}`))).toEqual([b1.id]);
    expect(ids(await list(`${span}&location=${encodeURIComponent('marktstraat')}`))).toEqual([b1.id, b2.id]);
    expect(ids(await list(`${span}&location=${encodeURIComponent('marktstraat')}&teacherId=${anna.id}`))).toEqual([b2.id]);
    expect(ids(await list(`${span}&groupId=${a.id}&location=Hengelo`))).toEqual([]);
    expect(ids(await list(`${span}&location=${encodeURIComponent('%')}`))).toEqual([]);
    const rows = await list(`${span}&groupId=${b.id}`);
    expect(rows.map((l) => l.teacherName)).toEqual(['Bram Bakker', 'Anna de Docent']);
    // Anna's own list: her group's lessons and the one she gives in Bram's group, filtered the same way.
    expect(ids(await list(`${span}&location=Hengelo`, anna))).toEqual([b2.id]);

    const bad = await t.http.get(`/api/v1/lessons?location=${encodeURIComponent('a\nb')}`).set('Authorization', coordinator.auth).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['location']);
    expect((await t.http.get(`/api/v1/lessons?location=${'x'.repeat(101)}`).set('Authorization', coordinator.auth).expect(400)).body.errors[0].field).toBe('location');
    expect((await t.http.get('/api/v1/lessons?teacherId=bram').set('Authorization', coordinator.auth).expect(400)).body.errors[0].field).toBe('teacherId');

    const options = (await t.http.get('/api/v1/lessons/filter-options').set('Authorization', coordinator.auth).expect(200)).body;
    expect(options.groups.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(options.teachers).toEqual(expect.arrayContaining([{ id: anna.id, displayName: 'Anna de Docent' }, { id: bram.id, displayName: 'Bram Bakker' }]));
    expect(options.locations).toEqual(expect.arrayContaining(['Enschede, Gronausestraat 1', 'Hengelo, Marktstraat 5']));
    expect(new Set(options.locations).size).toBe(options.locations.length);
    const own = (await t.http.get('/api/v1/lessons/filter-options').set('Authorization', bram.auth).expect(200)).body;
    expect(own).toEqual({ groups: [{ id: b.id, code: b.code, name: b.name, location: b.location }], teachers: expect.arrayContaining([expect.objectContaining({ id: bram.id })]), locations: [b.location] });
    await t.http.get('/api/v1/lessons/filter-options').set('Authorization', (await createUser(t, 'finance')).auth).expect(403);
  });
});
