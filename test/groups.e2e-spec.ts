import { lessonOccurrences } from '../src/modules/groups/lesson-schedule';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** The distinct field names of a problem's errors. */
const fields = (res: { body: { errors?: Array<{ field: string }> } }) => [...new Set((res.body.errors ?? []).map((e) => e.field))];

const SCHEDULE = [
  { weekday: 1, startTime: '09:00', minutes: 180, mode: 'physical' },
  { weekday: 3, startTime: '13:30', minutes: 120, mode: 'online' },
];

describe('groups, lessons, enrolments (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let admin: TestUser;
  let coord: TestUser;
  let teacher: TestUser;
  let otherTeacher: TestUser;
  let contractId: string;
  let productId: string;
  let seq = 0;

  const groupBody = (over: Record<string, unknown> = {}) => ({
    code: `ENS-B1-${++seq}-${Date.now() % 100000}`,
    name: 'B1-route Enschede ochtend',
    location: 'Enschede, Gronausestraat 1',
    municipalityId: ref.municipalities.Enschede,
    productId,
    capacity: 12,
    startDate: '2025-03-03',
    endDate: '2025-12-19',
    teacherIds: [teacher.id],
    schedule: SCHEDULE,
    ...over,
  });

  const newTrajectory = async (municipality = 'Enschede', over: Record<string, unknown> = {}) => {
    const municipalityId = ref.municipalities[municipality];
    const learner = await createLearner(t.db, municipalityId);
    const tr = await createTrajectory(t.db, { learnerId: learner.id, municipalityId, contractId, productId, ...over });
    return { learner, trajectory: tr };
  };

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    productId = ref.products['B1-ROUTE'] ?? Object.values(ref.products)[0];
    admin = await createUser(t, 'admin');
    coord = await createUser(t, 'coordinator');
    teacher = await createUser(t, 'teacher');
    otherTeacher = await createUser(t, 'teacher');
    contractId = (await createContract(t.db, ref.municipalities.Enschede, Object.values(ref.products))).id;
  });
  afterAll(() => t.close());

  it('creates a group with teachers and a weekly schedule, audited, and shows it', async () => {
    const body = groupBody();
    const res = await t.http.post('/api/v1/groups').set('Authorization', coord.auth).send(body).expect(201);
    expect(res.body).toMatchObject({ code: body.code, capacity: 12, startDate: '2025-03-03', endDate: '2025-12-19', version: 1, enrolledCount: 0 });
    expect(res.body.teacherIds).toEqual([teacher.id]);
    expect(res.body.teachers[0]).toMatchObject({ id: teacher.id, displayName: expect.any(String) });
    expect(res.body.schedule.map((s: { weekday: number; startTime: string; mode: string }) => [s.weekday, s.startTime, s.mode])).toEqual([
      [1, '09:00', 'physical'],
      [3, '13:30', 'online'],
    ]);
    const got = await t.http.get(`/api/v1/groups/${res.body.id}`).set('Authorization', admin.auth).expect(200);
    expect(got.body.schedule).toHaveLength(2);
    const audit = await t.db.query(`SELECT action, actor_id AS "actorId", fields FROM audit_event WHERE entity_type = 'course_group' AND entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'create', actorId: coord.id, fields: expect.arrayContaining(['code', 'schedule', 'teacherIds']) }]);
    await t.http.post('/api/v1/groups').set('Authorization', admin.auth).send({ ...groupBody(), code: body.code }).expect(409);
    await t.http.post('/api/v1/groups').set('Authorization', teacher.auth).send(groupBody()).expect(403);

    const list = await t.http.get(`/api/v1/groups?location=gronause&sort=-code&productId=${productId}`).set('Authorization', coord.auth).expect(200);
    expect(list.body.items.map((g: { id: string }) => g.id)).toContain(res.body.id);
    await t.http.get('/api/v1/groups?sort=nope').set('Authorization', coord.auth).expect(400);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const post = (body: Record<string, unknown>) => t.http.post('/api/v1/groups').set('Authorization', coord.auth).send(body).expect(400);
    const { code: _code, ...noCode } = groupBody();
    expect(fields(await post(noCode))).toContain('code');
    expect(fields(await post(groupBody({ capacity: 'two' })))).toContain('capacity');
    expect(fields(await post(groupBody({ capacity: 0 })))).toContain('capacity');
    expect(fields(await post(groupBody({ isBoss: true })))).toEqual(['isBoss']);
    expect(fields(await post(groupBody({ startDate: '2025-06-01', endDate: '2025-05-31' })))).toEqual(['endDate']);
    expect(fields(await post(groupBody({ startDate: '2025-02-30' })))).toContain('startDate');
    expect(fields(await post(groupBody({ schedule: [{ ...SCHEDULE[0], weekday: 8 }] })))).toEqual(['schedule[0].weekday']);
    expect(fields(await post(groupBody({ schedule: [SCHEDULE[0], { ...SCHEDULE[1], startTime: '9:00' }] })))).toEqual(['schedule[1].startTime']);
    expect(fields(await post(groupBody({ schedule: [SCHEDULE[0], { ...SCHEDULE[1], startTime: '24:00' }] })))).toEqual(['schedule[1].startTime']);
    expect(fields(await post(groupBody({ schedule: [{ ...SCHEDULE[0], colour: 'red' }] })))).toEqual(['schedule[0].colour']);
    expect(fields(await post(groupBody({ schedule: [{ ...SCHEDULE[0], mode: 'hybrid' }] })))).toEqual(['schedule[0].mode']);
    expect(fields(await post(groupBody({ schedule: [SCHEDULE[0], SCHEDULE[0]] })))).toEqual(['schedule[1]']);
    expect(fields(await post(groupBody({ teacherIds: [coord.id] })))).toEqual(['teacherIds']);
    expect(fields(await post(groupBody({ teacherIds: ['nope'] })))).toContain('teacherIds');
    expect(fields(await post(groupBody({ productId: '00000000-0000-4000-8000-000000000000' })))).toEqual(['productId']);
    const badId = await t.http.get('/api/v1/groups/not-a-uuid').set('Authorization', coord.auth).expect(400);
    expect(fields(badId)).toEqual(['id']);
  });

  it('generates lessons from the schedule across a DST change, idempotently', async () => {
    const group = (await t.http.post('/api/v1/groups').set('Authorization', coord.auth).send(groupBody()).expect(201)).body;
    const url = `/api/v1/groups/${group.id}/lessons/generate`;
    const first = await t.http.post(url).set('Authorization', coord.auth).send({ from: '2025-03-01', to: '2025-04-06' }).expect(200);
    const expected = lessonOccurrences(SCHEDULE, '2025-03-03', '2025-04-06');
    expect(expected).toHaveLength(10);
    expect(first.body).toEqual({ groupId: group.id, from: '2025-03-03', to: '2025-04-06', created: 10, existing: 0 });
    const again = await t.http.post(url).set('Authorization', coord.auth).send({ from: '2025-03-01', to: '2025-04-06' }).expect(200);
    expect(again.body).toMatchObject({ created: 0, existing: 10 });
    const more = await t.http.post(url).set('Authorization', admin.auth).send({ from: '2025-03-03', to: '2025-04-13' }).expect(200);
    expect(more.body).toMatchObject({ created: 2, existing: 10 });

    const lessons = await t.http.get(`/api/v1/lessons?groupId=${group.id}&pageSize=100`).set('Authorization', coord.auth).expect(200);
    expect(lessons.body.total).toBe(12);
    const rows = lessons.body.items.map((l: { date: string; startTime: string; minutes: number; mode: string }) => `${l.date} ${l.startTime} ${l.minutes} ${l.mode}`);
    expect(rows).toContain('2025-03-31 09:00 180 physical'); // the Monday after the spring change keeps 09:00 local
    expect(rows).toContain('2025-03-26 13:30 120 online');
    const ranged = await t.http.get(`/api/v1/lessons?groupId=${group.id}&from=2025-03-10&to=2025-03-16`).set('Authorization', coord.auth).expect(200);
    expect(ranged.body.total).toBe(2);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'generate_lessons' AND entity_id = $1`, [group.id]);
    expect(audit[0].n).toBe(2);

    expect(fields(await t.http.post(url).set('Authorization', coord.auth).send({ from: '2025-04-06', to: '2025-03-01' }).expect(400))).toEqual(['to']);
    expect(fields(await t.http.post(url).set('Authorization', coord.auth).send({ from: '2025-01-01', to: '2027-01-02' }).expect(400))).toEqual(['to']);
    expect(fields(await t.http.post(url).set('Authorization', coord.auth).send({ from: '2025-01-01' }).expect(400))).toEqual(['to']);
    await t.http.post(url).set('Authorization', teacher.auth).send({ from: '2025-03-01', to: '2025-04-06' }).expect(403);
    await t.http.post(`/api/v1/groups/00000000-0000-4000-8000-000000000000/lessons/generate`).set('Authorization', coord.auth).send({ from: '2025-03-01', to: '2025-04-06' }).expect(404);
  });

  it('cancels and reinstates lessons; a teacher may cancel only its own group\'s lessons', async () => {
    const group = await createGroup(t.db, productId, { teacherIds: [teacher.id] });
    const lesson = await createLesson(t.db, group.id, { date: '2025-03-03' });
    const other = await createLesson(t.db, group.id, { date: '2025-03-10' });
    const cancel = (id: string, u: TestUser, reason = 'Docent ziek') => t.http.post(`/api/v1/lessons/${id}/cancel`).set('Authorization', u.auth).send({ reason });

    const c = await cancel(lesson.id, coord).expect(200);
    expect(c.body).toMatchObject({ id: lesson.id, cancelled: true, cancelReason: 'Docent ziek', startTime: '09:00', date: '2025-03-03' });
    expect((await cancel(lesson.id, coord).expect(422)).body.code).toBe('lesson_already_cancelled');
    const cancelledList = await t.http.get(`/api/v1/lessons?groupId=${group.id}&cancelled=true`).set('Authorization', coord.auth).expect(200);
    expect(cancelledList.body.items.map((l: { id: string }) => l.id)).toEqual([lesson.id]);
    const r = await t.http.post(`/api/v1/lessons/${lesson.id}/reinstate`).set('Authorization', coord.auth).expect(200);
    expect(r.body).toMatchObject({ cancelled: false, cancelReason: null });
    await t.http.post(`/api/v1/lessons/${lesson.id}/reinstate`).set('Authorization', coord.auth).expect(422);

    await cancel(other.id, teacher).expect(200);
    await t.http.post(`/api/v1/lessons/${other.id}/reinstate`).set('Authorization', teacher.auth).expect(403);
    await cancel(lesson.id, otherTeacher).expect(404);
    const fin = await createUser(t, 'finance');
    await cancel(lesson.id, fin).expect(403);
    expect(fields(await t.http.post(`/api/v1/lessons/${lesson.id}/cancel`).set('Authorization', coord.auth).send({}).expect(400))).toEqual(['reason']);

    const patched = await t.http.patch(`/api/v1/lessons/${lesson.id}`).set('Authorization', coord.auth).send({ mode: 'online', teacherId: otherTeacher.id }).expect(200);
    expect(patched.body).toMatchObject({ mode: 'online', teacherId: otherTeacher.id });
    expect(fields(await t.http.patch(`/api/v1/lessons/${lesson.id}`).set('Authorization', coord.auth).send({ teacherId: coord.id }).expect(400))).toEqual(['teacherId']);
    expect(fields(await t.http.patch(`/api/v1/lessons/${lesson.id}`).set('Authorization', coord.auth).send({ mode: 'hybrid' }).expect(400))).toEqual(['mode']);
    await t.http.patch(`/api/v1/lessons/${lesson.id}`).set('Authorization', teacher.auth).send({ mode: 'physical' }).expect(403);

    const audit = await t.db.query(`SELECT action FROM audit_event WHERE entity_type = 'lesson' AND entity_id = $1 ORDER BY id`, [lesson.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['cancel', 'reinstate', 'update']);
  });

  it('respects capacity under concurrent enrolments (2 of 3 succeed, 1 × 409 group_full)', async () => {
    const group = await createGroup(t.db, productId, { capacity: 2, startDate: '2025-01-06' });
    const trs = await Promise.all([newTrajectory(), newTrajectory(), newTrajectory()]);
    const results = await Promise.all(
      trs.map(({ trajectory }) =>
        t.http.post(`/api/v1/groups/${group.id}/enrolments`).set('Authorization', coord.auth).send({ trajectoryId: trajectory.id, fromDate: '2025-02-03' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.code).toBe('group_full');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM enrolment WHERE group_id = $1`, [group.id]);
    expect(n).toBe(2);

    // End one enrolment; the third trajectory then fits after that day, but not before.
    const created = results.find((r) => r.status === 201)!.body;
    expect(created).toMatchObject({ groupId: group.id, fromDate: '2025-02-03', toDate: null, learnerNumber: expect.any(String) });
    const ended = await t.http.patch(`/api/v1/enrolments/${created.id}`).set('Authorization', coord.auth).send({ toDate: '2025-03-31' }).expect(200);
    expect(ended.body.toDate).toBe('2025-03-31');
    const thirdId = trs[results.indexOf(refused)].trajectory.id;
    const tooEarly = await t.http.post(`/api/v1/groups/${group.id}/enrolments`).set('Authorization', coord.auth).send({ trajectoryId: thirdId, fromDate: '2025-03-31' }).expect(409);
    expect(tooEarly.body.code).toBe('group_full');
    await t.http.post(`/api/v1/groups/${group.id}/enrolments`).set('Authorization', coord.auth).send({ trajectoryId: thirdId, fromDate: '2025-04-01' }).expect(201);
    // Re-opening the ended enrolment beyond the day the third started would overfill the group.
    expect((await t.http.patch(`/api/v1/enrolments/${created.id}`).set('Authorization', coord.auth).send({ toDate: '2025-04-01' }).expect(409)).body.code).toBe('group_full');
    expect(fields(await t.http.patch(`/api/v1/enrolments/${created.id}`).set('Authorization', coord.auth).send({ toDate: '2025-01-01' }).expect(400))).toEqual(['toDate']);

    const list = await t.http.get(`/api/v1/groups/${group.id}/enrolments?activeOn=2025-04-15`).set('Authorization', coord.auth).expect(200);
    expect(list.body.total).toBe(2);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'enrolment' AND action = 'create'`);
    expect(audit[0].n).toBeGreaterThanOrEqual(3);
  });

  it('refuses an overlapping enrolment of the same trajectory (409), a finished trajectory (422) and bad dates (400)', async () => {
    const group = await createGroup(t.db, productId, { capacity: 10, startDate: '2025-01-06', endDate: '2025-12-31' });
    const { trajectory } = await newTrajectory();
    const url = `/api/v1/groups/${group.id}/enrolments`;
    await t.http.post(url).set('Authorization', coord.auth).send({ trajectoryId: trajectory.id, fromDate: '2025-02-03', toDate: '2025-04-30' }).expect(201);
    const overlap = await t.http.post(url).set('Authorization', coord.auth).send({ trajectoryId: trajectory.id, fromDate: '2025-04-30' }).expect(409);
    expect(overlap.body.code).toBe('enrolment_overlap');
    await t.http.post(url).set('Authorization', coord.auth).send({ trajectoryId: trajectory.id, fromDate: '2025-05-01', toDate: '2025-06-30' }).expect(201);

    const done = await newTrajectory('Enschede', { status: 'completed', endDate: '2025-06-30' });
    const finished = await t.http.post(url).set('Authorization', coord.auth).send({ trajectoryId: done.trajectory.id, fromDate: '2025-02-03' }).expect(422);
    expect(finished.body.code).toBe('trajectory_not_enrollable');
    const planned = await newTrajectory('Enschede', { status: 'planned', startDate: '2025-03-01' });
    await t.http.post(url).set('Authorization', coord.auth).send({ trajectoryId: planned.trajectory.id, fromDate: '2025-03-03' }).expect(201);

    const bad = (body: Record<string, unknown>) => t.http.post(url).set('Authorization', coord.auth).send(body).expect(400);
    const other = (await newTrajectory()).trajectory.id;
    expect(fields(await bad({ fromDate: '2025-02-03' }))).toEqual(['trajectoryId']);
    expect(fields(await bad({ trajectoryId: other, fromDate: '03-02-2025' }))).toEqual(['fromDate']);
    expect(fields(await bad({ trajectoryId: other, fromDate: '2025-03-03', toDate: '2025-03-02' }))).toEqual(['toDate']);
    expect(fields(await bad({ trajectoryId: other, fromDate: '2024-12-30' }))).toEqual(['fromDate']); // before the group starts
    expect(fields(await bad({ trajectoryId: other, fromDate: '2025-03-03', toDate: '2026-01-31' }))).toEqual(['toDate']); // after it ends
    expect(fields(await bad({ trajectoryId: other, fromDate: '2025-03-03', seat: 4 }))).toEqual(['seat']);
    expect(fields(await bad({ trajectoryId: '00000000-0000-4000-8000-000000000000', fromDate: '2025-03-03' }))).toEqual(['trajectoryId']);
    await t.http.post(url).set('Authorization', teacher.auth).send({ trajectoryId: other, fromDate: '2025-03-03' }).expect(403);
  });

  it('scopes reads and writes: teacher own groups, municipality with its learners, learner its own groups', async () => {
    const mine = await createGroup(t.db, productId, { teacherIds: [teacher.id] });
    const theirs = await createGroup(t.db, productId, { teacherIds: [otherTeacher.id] });
    const mineLesson = await createLesson(t.db, mine.id);
    const theirLesson = await createLesson(t.db, theirs.id);
    const enrolled = await newTrajectory('Enschede');
    await enrol(t.db, enrolled.trajectory.id, mine.id, '2025-01-06');
    const hengeloContract = await createContract(t.db, ref.municipalities.Hengelo, [productId]);
    const hengeloLearner = await createLearner(t.db, ref.municipalities.Hengelo);
    const hengeloTr = await createTrajectory(t.db, { learnerId: hengeloLearner.id, municipalityId: ref.municipalities.Hengelo, contractId: hengeloContract.id, productId });
    await enrol(t.db, hengeloTr.id, theirs.id, '2025-01-06');

    // teacher
    await t.http.get(`/api/v1/groups/${mine.id}`).set('Authorization', teacher.auth).expect(200);
    await t.http.get(`/api/v1/groups/${theirs.id}`).set('Authorization', teacher.auth).expect(404);
    await t.http.get(`/api/v1/lessons/${theirLesson.id}`).set('Authorization', teacher.auth).expect(404);
    await t.http.get(`/api/v1/groups/${theirs.id}/enrolments`).set('Authorization', teacher.auth).expect(404);
    await t.http.post(`/api/v1/lessons/${theirLesson.id}/cancel`).set('Authorization', teacher.auth).send({ reason: 'x' }).expect(404);
    const tList = await t.http.get('/api/v1/groups?pageSize=100').set('Authorization', teacher.auth).expect(200);
    const tIds = tList.body.items.map((g: { id: string }) => g.id);
    expect(tIds).toContain(mine.id);
    expect(tIds).not.toContain(theirs.id);
    const tLessons = await t.http.get('/api/v1/lessons?pageSize=100').set('Authorization', teacher.auth).expect(200);
    expect(tLessons.body.items.map((l: { id: string }) => l.id)).not.toContain(theirLesson.id);

    // municipality
    const ens = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    await t.http.get(`/api/v1/groups/${mine.id}`).set('Authorization', ens.auth).expect(200);
    await t.http.get(`/api/v1/lessons/${mineLesson.id}`).set('Authorization', ens.auth).expect(200);
    await t.http.get(`/api/v1/groups/${theirs.id}`).set('Authorization', ens.auth).expect(404);
    await t.http.get(`/api/v1/lessons/${theirLesson.id}`).set('Authorization', ens.auth).expect(404);
    await t.http.post(`/api/v1/lessons/${mineLesson.id}/cancel`).set('Authorization', ens.auth).send({ reason: 'x' }).expect(403);
    const hen = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Hengelo });
    const henEnrolments = await t.http.get(`/api/v1/groups/${theirs.id}/enrolments`).set('Authorization', hen.auth).expect(200);
    expect(henEnrolments.body.items.map((e: { municipalityId: string }) => e.municipalityId)).toEqual([ref.municipalities.Hengelo]);
    const almelo = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Almelo });
    await t.http.get(`/api/v1/groups/${mine.id}`).set('Authorization', almelo.auth).expect(404);
    expect((await t.http.get('/api/v1/groups').set('Authorization', almelo.auth).expect(200)).body.total).toBe(0);

    // learner
    const me = await createUser(t, 'learner', { learnerId: enrolled.learner.id });
    await t.http.get(`/api/v1/groups/${mine.id}`).set('Authorization', me.auth).expect(200);
    await t.http.get(`/api/v1/lessons/${mineLesson.id}`).set('Authorization', me.auth).expect(200);
    await t.http.get(`/api/v1/groups/${theirs.id}`).set('Authorization', me.auth).expect(404);
    await t.http.get(`/api/v1/lessons/${theirLesson.id}`).set('Authorization', me.auth).expect(404);
    const notEnrolled = await newTrajectory('Enschede');
    const stranger = await createUser(t, 'learner', { learnerId: notEnrolled.learner.id });
    await t.http.get(`/api/v1/groups/${mine.id}`).set('Authorization', stranger.auth).expect(404);
    await t.http.get(`/api/v1/lessons/${mineLesson.id}`).set('Authorization', stranger.auth).expect(404);

    // finance reads everything, writes nothing
    const fin = await createUser(t, 'finance');
    await t.http.get(`/api/v1/groups/${theirs.id}`).set('Authorization', fin.auth).expect(200);
    await t.http.patch(`/api/v1/groups/${theirs.id}`).set('Authorization', fin.auth).send({ version: 1, name: 'x' }).expect(403);
  });

  it('updates a group with optimistic locking: a stale version is 409, a concurrent pair yields exactly one 409', async () => {
    const group = (await t.http.post('/api/v1/groups').set('Authorization', coord.auth).send(groupBody()).expect(201)).body;
    const url = `/api/v1/groups/${group.id}`;
    const ok = await t.http
      .patch(url)
      .set('Authorization', coord.auth)
      .send({ version: 1, name: 'Nieuwe naam', capacity: 14, teacherIds: [teacher.id, otherTeacher.id], schedule: [SCHEDULE[1]] })
      .expect(200);
    expect(ok.body).toMatchObject({ version: 2, name: 'Nieuwe naam', capacity: 14 });
    expect(ok.body.teacherIds.sort()).toEqual([teacher.id, otherTeacher.id].sort());
    expect(ok.body.schedule).toHaveLength(1);
    const stale = await t.http.patch(url).set('Authorization', coord.auth).send({ version: 1, name: 'Te laat' }).expect(409);
    expect(stale.body.code).toBe('version_conflict');
    const pair = await Promise.all([
      t.http.patch(url).set('Authorization', coord.auth).send({ version: 2, name: 'A' }),
      t.http.patch(url).set('Authorization', admin.auth).send({ version: 2, name: 'B' }),
    ]);
    expect(pair.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(fields(await t.http.patch(url).set('Authorization', coord.auth).send({ version: 3, endDate: '2025-01-01' }).expect(400))).toEqual(['endDate']);
    expect(fields(await t.http.patch(url).set('Authorization', coord.auth).send({ name: 'no version' }).expect(400))).toEqual(['version']);
    await t.http.patch('/api/v1/groups/00000000-0000-4000-8000-000000000000').set('Authorization', coord.auth).send({ version: 1 }).expect(404);
    const audit = await t.db.query(`SELECT action, fields FROM audit_event WHERE entity_type = 'course_group' AND entity_id = $1 ORDER BY id`, [group.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audit[1].fields).toEqual(expect.arrayContaining(['name', 'capacity', 'teacherIds', 'schedule']));
  });
  it('lists groups with their product name and teachers; admins and coordinators list the active teachers to choose from', async () => {
    const body = groupBody({ teacherIds: [teacher.id, otherTeacher.id] });
    const group = (await t.http.post('/api/v1/groups').set('Authorization', coord.auth).send(body).expect(201)).body;
    const list = await t.http.get(`/api/v1/groups?search=${encodeURIComponent(body.code)}`).set('Authorization', coord.auth).expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: group.id, productName: 'B1-route', enrolledCount: 0, capacity: 12 });
    expect(list.body.items[0].teachers.map((x: { id: string }) => x.id).sort()).toEqual([teacher.id, otherTeacher.id].sort());
    expect(group.productName).toBe('B1-route');
    const none = (await t.http.post('/api/v1/groups').set('Authorization', coord.auth).send(groupBody({ teacherIds: [] })).expect(201)).body;
    expect(none.teachers).toEqual([]);

    const inactive = await createUser(t, 'teacher');
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [inactive.id]);
    const teachers = (await t.http.get('/api/v1/groups/teachers').set('Authorization', coord.auth).expect(200)).body;
    const ids = teachers.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([teacher.id, otherTeacher.id]));
    expect(ids).not.toContain(inactive.id);
    expect(ids).not.toContain(coord.id);
    expect(teachers[0]).toEqual({ id: expect.any(String), displayName: expect.any(String) });
    await t.http.get('/api/v1/groups/teachers').set('Authorization', admin.auth).expect(200);
    await t.http.get('/api/v1/groups/teachers').set('Authorization', teacher.auth).expect(403);
  });
  it('refuses fewer places than learners enrolled on a day of the period (422 capacity_below_enrolments), changing nothing', async () => {
    const group = (await t.http.post('/api/v1/groups').set('Authorization', coord.auth).send(groupBody({ capacity: 3 })).expect(201)).body;
    for (const fromDate of ['2025-03-03', '2025-03-10']) {
      const { trajectory } = await newTrajectory();
      await t.http.post(`/api/v1/groups/${group.id}/enrolments`).set('Authorization', coord.auth).send({ trajectoryId: trajectory.id, fromDate }).expect(201);
    }
    const refused = await t.http.patch(`/api/v1/groups/${group.id}`).set('Authorization', coord.auth).send({ version: group.version, capacity: 1 }).expect(422);
    expect(refused.body.code).toBe('capacity_below_enrolments');
    expect(refused.body.errors).toEqual([{ field: 'capacity', message: "is below the 2 learners enrolled on one day of the group's period" }]);
    expect((await t.db.query(`SELECT capacity, version FROM course_group WHERE id = $1`, [group.id]))[0]).toEqual({ capacity: 3, version: group.version });
    const lowered = await t.http.patch(`/api/v1/groups/${group.id}`).set('Authorization', coord.auth).send({ version: group.version, capacity: 2 }).expect(200);
    expect(lowered.body.capacity).toBe(2);
  });
  it('refuses to end an enrolment before lessons that have the learner\'s attendance (422 enrolment_has_attendance), allows it on or after the last', async () => {
    const group = (await t.http.post('/api/v1/groups').set('Authorization', coord.auth).send(groupBody()).expect(201)).body;
    const { learner, trajectory } = await newTrajectory();
    const enrolment = (await t.http.post(`/api/v1/groups/${group.id}/enrolments`).set('Authorization', coord.auth)
      .send({ trajectoryId: trajectory.id, fromDate: '2025-03-03' }).expect(201)).body;
    const early = await createLesson(t.db, group.id, { date: '2025-03-10' });
    const late = await createLesson(t.db, group.id, { date: '2025-03-17' });
    for (const lesson of [early, late]) {
      await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth)
        .send({ entries: [{ learnerId: learner.id, status: 'present' }] }).expect(200);
    }
    const refused = await t.http.patch(`/api/v1/enrolments/${enrolment.id}`).set('Authorization', coord.auth).send({ toDate: '2025-03-12' }).expect(422);
    expect(refused.body.code).toBe('enrolment_has_attendance');
    expect(refused.body.errors).toEqual([{ field: 'toDate', message: 'has attendance recorded at 1 lessons after this date (the last on 2025-03-17)' }]);
    expect((await t.db.query(`SELECT to_date FROM enrolment WHERE id = $1`, [enrolment.id]))[0].to_date).toBeNull();
    const ended = await t.http.patch(`/api/v1/enrolments/${enrolment.id}`).set('Authorization', coord.auth).send({ toDate: '2025-03-17' }).expect(200);
    expect(ended.body.toDate).toBe('2025-03-17');
    // Moving the end back again is checked against the same records.
    await t.http.patch(`/api/v1/enrolments/${enrolment.id}`).set('Authorization', coord.auth).send({ toDate: '2025-03-09' }).expect(422);
  });
});
