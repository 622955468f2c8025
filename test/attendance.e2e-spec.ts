import { seedReference, Reference } from './factories/reference.factory';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

interface World {
  teacher: TestUser;
  groupId: string;
  learners: { learnerId: string; trajectoryId: string }[];
  lessonId: string;
}

describe('attendance registers and views (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coordinator: TestUser;
  let enschede: string;
  let hengelo: string;
  let contractId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coordinator = await createUser(t, 'coordinator');
    enschede = ref.municipalities.Enschede;
    hengelo = ref.municipalities.Hengelo;
    contractId = (await createContract(t.db, enschede, [ref.products['B1-ROUTE'], ref.products['Z-ROUTE']])).id;
  });
  afterAll(() => t.close());

  async function learnerIn(groupId: string, over: { municipalityId?: string; from?: string; to?: string | null; product?: string } = {}) {
    const municipalityId = over.municipalityId ?? enschede;
    const cId = municipalityId === enschede ? contractId : (await createContract(t.db, municipalityId, [ref.products['B1-ROUTE']])).id;
    const learner = await createLearner(t.db, municipalityId);
    const tr = await createTrajectory(t.db, { learnerId: learner.id, municipalityId, contractId: cId, productId: ref.products[over.product ?? 'B1-ROUTE'] });
    await enrol(t.db, tr.id, groupId, over.from ?? '2025-01-06', over.to ?? null);
    return { learnerId: learner.id, trajectoryId: tr.id };
  }

  async function world(n = 3, lesson: { date?: string; minutes?: number; cancelled?: boolean; startTime?: string } = {}): Promise<World> {
    const teacher = await createUser(t, 'teacher');
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id] });
    const learners = [];
    for (let i = 0; i < n; i++) learners.push(await learnerIn(group.id));
    const l = await createLesson(t.db, group.id, { date: '2025-03-03', minutes: 180, ...lesson });
    return { teacher, groupId: group.id, learners, lessonId: l.id };
  }

  const put = (lessonId: string, entries: unknown[], user: TestUser) =>
    t.http.put(`/api/v1/lessons/${lessonId}/register`).set('Authorization', user.auth).send({ entries });

  const recordsOf = (lessonId: string) =>
    t.db.query(`SELECT learner_id, status, minutes_late, attended_minutes, absence_reason, reported_in_advance FROM attendance_record WHERE lesson_id = $1 ORDER BY learner_id`, [lessonId]);

  it('shows the enrolled learners of the lesson date, without records at first', async () => {
    const w = await world(2);
    const later = await learnerIn(w.groupId, { from: '2025-04-01' });
    const left = await learnerIn(w.groupId, { from: '2025-01-06', to: '2025-02-28' });
    const res = await t.http.get(`/api/v1/lessons/${w.lessonId}/register`).set('Authorization', w.teacher.auth).expect(200);
    expect(res.body.lesson).toMatchObject({ id: w.lessonId, date: '2025-03-03', minutes: 180, cancelled: false, inFuture: false });
    const ids = res.body.learners.map((l: { learnerId: string }) => l.learnerId);
    expect(ids.sort()).toEqual(w.learners.map((l) => l.learnerId).sort());
    expect(ids).not.toContain(later.learnerId);
    expect(ids).not.toContain(left.learnerId);
    expect(res.body.learners.every((l: { record: unknown }) => l.record === null)).toBe(true);
  });

  it('lists the register by last name, then first name', async () => {
    const teacher = await createUser(t, 'teacher');
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id] });
    const names = [['Yusuf', 'Yılmaz'], ['Anna', 'Bakker'], ['Ольга', 'Шевченко'], ['Abel', 'Bakker'], ['Mehmet', 'Çelik']];
    for (const [firstName, lastName] of names) {
      const learner = await createLearner(t.db, enschede, { firstName, lastName });
      const tr = await createTrajectory(t.db, { learnerId: learner.id, municipalityId: enschede, contractId, productId: ref.products['B1-ROUTE'] });
      await enrol(t.db, tr.id, group.id, '2025-01-06', null);
    }
    const lesson = await createLesson(t.db, group.id, { date: '2025-03-03', minutes: 180 });
    const res = await t.http.get(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth).expect(200);
    const shown = res.body.learners.map((l: { firstName: string; lastName: string }) => `${l.lastName}, ${l.firstName}`);
    expect(shown.slice(0, 2)).toEqual(['Bakker, Abel', 'Bakker, Anna']);
    const [{ expected }] = await t.db.query(
      `SELECT array_agg(last_name || ', ' || first_name ORDER BY last_name, first_name) AS expected FROM learner WHERE first_name = ANY($1)`,
      [names.map(([f]) => f)],
    );
    expect(shown).toEqual(expected);
  });

  it('saves a register with attended minutes, replaces it on re-save (idempotent) and audits the save', async () => {
    const w = await world(3);
    const [a, b, c] = w.learners;
    const entries = [
      { learnerId: a.learnerId, status: 'present' },
      { learnerId: b.learnerId, status: 'late', minutesLate: 20 },
      { learnerId: c.learnerId, status: 'absent_authorised', absenceReason: 'Ziek' },
    ];
    const saved = await put(w.lessonId, entries, w.teacher).expect(200);
    const line = (id: string) => saved.body.learners.find((l: { learnerId: string }) => l.learnerId === id).record;
    expect(line(a.learnerId)).toMatchObject({ status: 'present', attendedMinutes: 180, minutesLate: 0 });
    expect(line(b.learnerId)).toMatchObject({ status: 'late', attendedMinutes: 160, minutesLate: 20 });
    expect(line(c.learnerId)).toMatchObject({ status: 'absent_authorised', attendedMinutes: 0, absenceReason: 'Ziek' });
    const first = await recordsOf(w.lessonId);

    await put(w.lessonId, entries, w.teacher).expect(200);
    expect(await recordsOf(w.lessonId)).toEqual(first);

    // Leaving a learner out removes its record; changing one replaces it.
    await put(w.lessonId, [{ learnerId: a.learnerId, status: 'absent_unauthorised' }, entries[1]], coordinator).expect(200);
    const after = await recordsOf(w.lessonId);
    expect(after).toHaveLength(2);
    expect(after.find((r: { learner_id: string }) => r.learner_id === a.learnerId)).toMatchObject({ status: 'absent_unauthorised', attended_minutes: 0 });

    const audit = await t.db.query(`SELECT actor_id FROM audit_event WHERE entity_type = 'lesson' AND entity_id = $1 AND action = 'attendance.register.save' ORDER BY id`, [w.lessonId]);
    // The identical re-save is a write the teacher made too: three saves, three audit events.
    expect(audit.map((r: { actor_id: string }) => r.actor_id)).toEqual([w.teacher.id, w.teacher.id, coordinator.id]);

    // An empty register clears the lesson's records; every enrolled learner is still listed, without one.
    const cleared = await put(w.lessonId, [], w.teacher).expect(200);
    expect(await recordsOf(w.lessonId)).toHaveLength(0);
    expect(cleared.body.learners).toHaveLength(3);
    expect(cleared.body.learners.every((l: { record: unknown }) => l.record === null)).toBe(true);
    expect(cleared.body.signalsRaised).toEqual([]);
  });

  it('two saves at once leave one consistent register, without duplicates', async () => {
    const w = await world(4);
    const one = w.learners.map((l) => ({ learnerId: l.learnerId, status: 'present' }));
    const two = w.learners.slice(0, 3).map((l) => ({ learnerId: l.learnerId, status: 'absent_unauthorised' }));
    const [r1, r2] = await Promise.all([put(w.lessonId, one, w.teacher), put(w.lessonId, two, coordinator)]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    const rows = await recordsOf(w.lessonId);
    const statuses = new Set(rows.map((r: { status: string }) => r.status));
    expect(statuses.size).toBe(1);
    expect(rows.length).toBe(statuses.has('present') ? 4 : 3);
    const [{ dupes }] = await t.db.query(`SELECT count(*) - count(DISTINCT learner_id) AS dupes FROM attendance_record WHERE lesson_id = $1`, [w.lessonId]);
    expect(Number(dupes)).toBe(0);
  });

  it('refuses bad entries with 400 naming the field', async () => {
    const w = await world(2);
    const [a, b] = w.learners;
    const field = async (entries: unknown[]) => {
      const res = await put(w.lessonId, entries, w.teacher).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await field([{ learnerId: a.learnerId, status: 'late' }])).toEqual(['entries[0].minutesLate']);
    expect(await field([{ learnerId: a.learnerId, status: 'late', minutesLate: 0 }])).toEqual(['entries[0].minutesLate']);
    expect(await field([{ learnerId: a.learnerId, status: 'present' }, { learnerId: b.learnerId, status: 'late', minutesLate: 181 }])).toEqual(['entries[1].minutesLate']);
    expect(await field([{ learnerId: a.learnerId, status: 'absent_authorised' }])).toEqual(['entries[0].absenceReason']);
    expect(await field([{ learnerId: a.learnerId, status: 'absent_authorised', absenceReason: '  ' }])).toEqual(['entries[0].absenceReason']);
    expect(await field([{ learnerId: a.learnerId, status: 'present', minutesLate: 5 }])).toEqual(['entries[0].minutesLate']);
    expect(await field([{ learnerId: a.learnerId, status: 'here' }])).toEqual(['entries[0].status']);
    expect(await field([{ learnerId: 'nope', status: 'present' }])).toEqual(['entries[0].learnerId']);
    expect(await field([{ learnerId: a.learnerId, status: 'present', mood: 'good' }])).toEqual(['entries[0].mood']);
    expect(await field([{ learnerId: a.learnerId, status: 'present' }, { learnerId: a.learnerId, status: 'present' }])).toEqual(['entries[1].learnerId']);
    expect(await field(['x'])).toEqual(['entries[0]']);
    const noArray = await t.http.put(`/api/v1/lessons/${w.lessonId}/register`).set('Authorization', w.teacher.auth).send({ entries: 'all' }).expect(400);
    expect(noArray.body.errors[0].field).toBe('entries');
    // A late learner exactly the lesson's minutes late is accepted (attended 0).
    await put(w.lessonId, [{ learnerId: a.learnerId, status: 'late', minutesLate: 180 }], w.teacher).expect(200);
    expect((await recordsOf(w.lessonId))[0]).toMatchObject({ attended_minutes: 0, minutes_late: 180 });
    expect(await recordsOf(w.lessonId)).toHaveLength(1);
  });

  it('refuses with 422: a learner not enrolled on that date, a cancelled lesson, a future lesson', async () => {
    const w = await world(2);
    const outsider = await learnerIn((await createGroup(t.db, ref.products['B1-ROUTE'])).id);
    const later = await learnerIn(w.groupId, { from: '2025-03-04' });
    const res = await put(w.lessonId, [
      { learnerId: w.learners[0].learnerId, status: 'present' },
      { learnerId: outsider.learnerId, status: 'present' },
      { learnerId: later.learnerId, status: 'present' },
    ], w.teacher).expect(422);
    expect(res.body.code).toBe('learner_not_enrolled');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['entries[1].learnerId', 'entries[2].learnerId']);
    expect(await recordsOf(w.lessonId)).toHaveLength(0);

    // A refused save leaves the register that was there, and writes no audit event.
    await put(w.lessonId, [{ learnerId: w.learners[0].learnerId, status: 'present' }], w.teacher).expect(200);
    const before = await recordsOf(w.lessonId);
    await put(w.lessonId, [{ learnerId: w.learners[1].learnerId, status: 'absent_unauthorised' }, { learnerId: outsider.learnerId, status: 'present' }], w.teacher).expect(422);
    await put(w.lessonId, [{ learnerId: w.learners[1].learnerId, status: 'late', minutesLate: 181 }], w.teacher).expect(400);
    expect(await recordsOf(w.lessonId)).toEqual(before);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'attendance.register.save'`, [w.lessonId]);
    expect(n).toBe(1);

    const cancelled = await createLesson(t.db, w.groupId, { date: '2025-03-05', cancelled: true, cancelReason: 'Docent ziek' });
    const c = await put(cancelled.id, [{ learnerId: w.learners[0].learnerId, status: 'present' }], w.teacher).expect(422);
    expect(c.body.code).toBe('lesson_cancelled');

    const future = await createLesson(t.db, w.groupId, { date: '2099-03-02' });
    const f = await put(future.id, [{ learnerId: w.learners[0].learnerId, status: 'present' }], w.teacher).expect(422);
    expect(f.body.code).toBe('lesson_in_future');
  });

  it('lets a teacher keep only its own groups\' registers (others 404); wrong roles 403', async () => {
    const w = await world(1);
    const otherTeacher = await createUser(t, 'teacher');
    const entries = [{ learnerId: w.learners[0].learnerId, status: 'present' }];
    await put(w.lessonId, entries, otherTeacher).expect(404);
    await t.http.get(`/api/v1/lessons/${w.lessonId}/register`).set('Authorization', otherTeacher.auth).expect(404);
    const mun = await createUser(t, 'municipality', { municipalityId: enschede });
    await put(w.lessonId, entries, mun).expect(403);
    await put('00000000-0000-4000-8000-000000000000', entries, coordinator).expect(404);
    await t.http.put('/api/v1/lessons/nope/register').set('Authorization', coordinator.auth).send({ entries }).expect(400);
    // A substitute assigned to the lesson may keep it.
    const substitute = await createUser(t, 'teacher');
    const l2 = await createLesson(t.db, w.groupId, { date: '2025-03-04', teacherId: substitute.id });
    await put(l2.id, entries, substitute).expect(200);
  });

  it('records absence reported in advance by the learner or a coordinator; the register keeps it', async () => {
    const w = await world(3, { date: '2099-05-04' });
    const [a, b, c] = w.learners;
    const learnerUser = await createUser(t, 'learner', { learnerId: a.learnerId });
    const url = `/api/v1/lessons/${w.lessonId}/advance-absence`;
    const own = await t.http.post(url).set('Authorization', learnerUser.auth).send({ learnerId: a.learnerId, reason: 'Tandarts' }).expect(201);
    expect(own.body.record).toMatchObject({ status: 'absent_authorised', absenceReason: 'Tandarts', reportedInAdvance: true, attendedMinutes: 0 });
    await t.http.post(url).set('Authorization', learnerUser.auth).send({ learnerId: b.learnerId, reason: 'x' }).expect(404);
    await t.http.post(url).set('Authorization', learnerUser.auth).send({ learnerId: a.learnerId }).expect(400);
    await t.http.post(url).set('Authorization', coordinator.auth).send({ learnerId: b.learnerId, reason: 'Rechtbank' }).expect(201);
    await t.http.post(url).set('Authorization', w.teacher.auth).send({ learnerId: c.learnerId, reason: 'x' }).expect(403);
    const outsider = await learnerIn((await createGroup(t.db, ref.products['B1-ROUTE'])).id);
    const ne = await t.http.post(url).set('Authorization', coordinator.auth).send({ learnerId: outsider.learnerId, reason: 'x' }).expect(422);
    expect(ne.body.errors[0].field).toBe('learnerId');
    // A learner of another group does not see the lesson at all.
    const outsiderUser = await createUser(t, 'learner', { learnerId: outsider.learnerId });
    await t.http.post(url).set('Authorization', outsiderUser.auth).send({ learnerId: outsider.learnerId, reason: 'x' }).expect(404);

    const reg = await t.http.get(`/api/v1/lessons/${w.lessonId}/register`).set('Authorization', w.teacher.auth).expect(200);
    expect(reg.body.lesson.inFuture).toBe(true);
    const shown = reg.body.learners.filter((l: { record: unknown }) => l.record).map((l: { learnerId: string }) => l.learnerId);
    expect(shown.sort()).toEqual([a.learnerId, b.learnerId].sort());

    // Once the lesson is over, advance reporting is refused and the teacher's register keeps the reported absence.
    await t.db.query(`UPDATE lesson SET date = '2025-05-05' WHERE id = $1`, [w.lessonId]);
    await t.db.query(`UPDATE attendance_record SET lesson_date = '2025-05-05' WHERE lesson_id = $1`, [w.lessonId]);
    await t.http.post(url).set('Authorization', learnerUser.auth).send({ learnerId: a.learnerId, reason: 'Tandarts' }).expect(422);
    await put(w.lessonId, [{ learnerId: c.learnerId, status: 'present' }, { learnerId: b.learnerId, status: 'present' }], w.teacher).expect(200);
    const rows = await recordsOf(w.lessonId);
    expect(rows.find((r: { learner_id: string }) => r.learner_id === a.learnerId)).toMatchObject({ status: 'absent_authorised', reported_in_advance: true });
    expect(rows.find((r: { learner_id: string }) => r.learner_id === b.learnerId)).toMatchObject({ status: 'present', reported_in_advance: false });

    const cancelled = await createLesson(t.db, w.groupId, { date: '2099-05-06', cancelled: true });
    await t.http.post(`/api/v1/lessons/${cancelled.id}/advance-absence`).set('Authorization', learnerUser.auth).send({ learnerId: a.learnerId, reason: 'x' }).expect(422);
  });

  it('summarises a trajectory\'s attendance in a period, with the 600-hour and Z-route norms, in scope', async () => {
    const teacher = await createUser(t, 'teacher');
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id] });
    const a = await learnerIn(group.id);
    const online = await createLesson(t.db, group.id, { date: '2025-03-04', minutes: 120, mode: 'online' });
    const lessons = [
      await createLesson(t.db, group.id, { date: '2025-03-03', minutes: 180 }),
      online,
      await createLesson(t.db, group.id, { date: '2025-03-05', minutes: 180 }),
      await createLesson(t.db, group.id, { date: '2025-03-06', minutes: 180 }),
      await createLesson(t.db, group.id, { date: '2025-04-01', minutes: 180 }),
    ];
    const statuses = [
      { status: 'present' },
      { status: 'late', minutesLate: 30 },
      { status: 'absent_authorised', absenceReason: 'Ziek' },
      { status: 'absent_unauthorised' },
      { status: 'present' },
    ];
    for (let i = 0; i < lessons.length; i++) await put(lessons[i].id, [{ learnerId: a.learnerId, ...statuses[i] }], teacher).expect(200);

    const url = `/api/v1/trajectories/${a.trajectoryId}/attendance?from=2025-03-01&to=2025-03-31`;
    const res = await t.http.get(url).set('Authorization', coordinator.auth).expect(200);
    expect(res.body).toMatchObject({
      registeredMinutes: 660,
      attendedMinutes: 270,
      absentAuthorisedMinutes: 180,
      absentUnauthorisedMinutes: 180,
      attendanceRate: Math.round((270 / 660) * 10000) / 10000,
      attendanceRateExclAuthorised: Math.round((270 / 480) * 10000) / 10000,
      absentAuthorisedHours: 3,
      absentUnauthorisedHours: 3,
      attendedHoursPhysical: 3,
      attendedHoursOnline: 1.5,
      participationNorm: null,
    });
    expect(res.body.substantialEffort).toMatchObject({ normHours: 600, attendedHours: 7.5, physicalHours: 6, met: false });
    await t.http.get(`/api/v1/trajectories/${a.trajectoryId}/attendance?from=2025-03-31&to=2025-03-01`).set('Authorization', coordinator.auth).expect(400);

    // Municipality: own 200, another's 404; learner: own only; teacher: own groups only.
    await t.http.get(url).set('Authorization', (await createUser(t, 'municipality', { municipalityId: enschede })).auth).expect(200);
    await t.http.get(url).set('Authorization', (await createUser(t, 'municipality', { municipalityId: hengelo })).auth).expect(404);
    await t.http.get(url).set('Authorization', (await createUser(t, 'learner', { learnerId: a.learnerId })).auth).expect(200);
    const other = await learnerIn(group.id);
    await t.http.get(url).set('Authorization', (await createUser(t, 'learner', { learnerId: other.learnerId })).auth).expect(404);
    await t.http.get(url).set('Authorization', teacher.auth).expect(200);
    await t.http.get(url).set('Authorization', (await createUser(t, 'teacher')).auth).expect(404);
  });

  it('shows the substantial-effort norm met at 600 hours with half physical, and the Z-route hours', async () => {
    const group = await createGroup(t.db, ref.products['Z-ROUTE']);
    const z = await learnerIn(group.id, { product: 'Z-ROUTE' });
    // 300 physical + 300 online hours: 200 lessons of 180 minutes, recorded directly.
    await t.db.query(
      `WITH l AS (
         INSERT INTO lesson (group_id, date, start_time, minutes, mode)
         SELECT $1, DATE '2025-01-06' + i, '09:00', 180, CASE WHEN i % 2 = 0 THEN 'physical' ELSE 'online' END FROM generate_series(0, 199) i
         RETURNING id, date, minutes, mode)
       INSERT INTO attendance_record (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status, attended_minutes)
       SELECT l.id, $2, $3, l.date, l.minutes, l.mode, 'present', l.minutes FROM l`,
      [group.id, z.learnerId, z.trajectoryId],
    );
    const res = await t.http.get(`/api/v1/trajectories/${z.trajectoryId}/attendance`).set('Authorization', coordinator.auth).expect(200);
    expect(res.body.substantialEffort).toMatchObject({ attendedHours: 600, physicalHours: 300, physicalShare: 0.5, met: true });
    expect(res.body.participationNorm).toMatchObject({ languageHours: 600, languageNormHours: 800, languageMet: false, participationHours: 0, participationNormHours: 800 });
    // One online lesson fewer physical: below half physical, not met.
    await t.db.query(`UPDATE attendance_record SET lesson_mode = 'online' WHERE id = (SELECT id FROM attendance_record WHERE trajectory_id = $1 AND lesson_mode = 'physical' LIMIT 1)`, [z.trajectoryId]);
    const below = await t.http.get(`/api/v1/trajectories/${z.trajectoryId}/attendance`).set('Authorization', coordinator.auth).expect(200);
    expect(below.body.substantialEffort.met).toBe(false);
  });

  it('shows a lessons × learners grid of a group', async () => {
    const w = await world(2);
    const l2 = await createLesson(t.db, w.groupId, { date: '2025-03-05' });
    await put(w.lessonId, [{ learnerId: w.learners[0].learnerId, status: 'present' }], w.teacher).expect(200);
    const late = await learnerIn(w.groupId, { from: '2025-03-04' });
    const res = await t.http.get(`/api/v1/groups/${w.groupId}/attendance-grid?from=2025-03-01&to=2025-03-31`).set('Authorization', w.teacher.auth).expect(200);
    expect(res.body.lessons.map((l: { id: string }) => l.id)).toEqual([w.lessonId, l2.id]);
    expect(res.body.learners).toHaveLength(3);
    const row = (id: string) => res.body.learners.find((l: { learnerId: string }) => l.learnerId === id);
    expect(row(w.learners[0].learnerId).cells[0]).toMatchObject({ lessonId: w.lessonId, enrolled: true, status: 'present', attendedMinutes: 180 });
    expect(row(w.learners[0].learnerId).cells[1]).toMatchObject({ lessonId: l2.id, enrolled: true, status: null });
    expect(row(late.learnerId).cells.map((c: { enrolled: boolean }) => c.enrolled)).toEqual([false, true]);
    await t.http.get(`/api/v1/groups/${w.groupId}/attendance-grid`).set('Authorization', (await createUser(t, 'teacher')).auth).expect(404);
    await t.http.get(`/api/v1/groups/${w.groupId}/attendance-grid?from=2020-01-01&to=2025-01-01`).set('Authorization', coordinator.auth).expect(400);
  });

  it('refuses date-times and impossible days as period bounds, naming the field', async () => {
    const w = await world(1);
    const urls = [
      `/api/v1/groups/${w.groupId}/attendance-grid`,
      `/api/v1/trajectories/${w.learners[0].trajectoryId}/attendance`,
      '/api/v1/attendance/missing-registers',
    ];
    for (const url of urls) {
      for (const [q, field] of [['from=2025-03-01T00:00:00Z', 'from'], ['to=2025-03-31T23:59:59%2B02:00', 'to'], ['from=2025-02-29', 'from']]) {
        const res = await t.http.get(`${url}?${q}`).set('Authorization', coordinator.auth);
        expect({ url, q, status: res.status, type: res.headers['content-type'] }).toMatchObject({ status: 400, type: expect.stringMatching(/problem\+json/) });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    }
  });

  it('refuses a blank reason for absence reported in advance, recording nothing', async () => {
    const w = await world(1, { date: '2099-06-01' });
    const res = await t.http
      .post(`/api/v1/lessons/${w.lessonId}/advance-absence`)
      .set('Authorization', coordinator.auth)
      .send({ learnerId: w.learners[0].learnerId, reason: '   ' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(await recordsOf(w.lessonId)).toEqual([]);
  });

  it('lists lessons with missing registers per teacher and group (coordinator)', async () => {
    const teacher = await createUser(t, 'teacher');
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id], code: 'MISS-1' });
    const a = await learnerIn(group.id);
    const b = await learnerIn(group.id);
    const full = await createLesson(t.db, group.id, { date: '2024-06-03' });
    const partial = await createLesson(t.db, group.id, { date: '2024-06-04' });
    const none = await createLesson(t.db, group.id, { date: '2024-06-05' });
    await createLesson(t.db, group.id, { date: '2024-06-06', cancelled: true });
    await createLesson(t.db, group.id, { date: '2099-06-07' });
    await t.db.query(`UPDATE enrolment SET from_date = '2024-01-01' WHERE group_id = $1`, [group.id]);
    await put(full.id, [{ learnerId: a.learnerId, status: 'present' }, { learnerId: b.learnerId, status: 'present' }], teacher).expect(200);
    await put(partial.id, [{ learnerId: a.learnerId, status: 'present' }], teacher).expect(200);
    const substitute = await createUser(t, 'teacher');
    const byOther = await createLesson(t.db, group.id, { date: '2024-06-10', teacherId: substitute.id });

    const res = await t.http
      .get(`/api/v1/attendance/missing-registers?from=2024-06-01&to=2024-06-30&groupId=${group.id}`)
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(res.body.total).toBe(2);
    const mine = res.body.items.find((i: { teacherId: string }) => i.teacherId === teacher.id);
    expect(mine).toMatchObject({ groupId: group.id, groupCode: 'MISS-1', lessonCount: 2, missingRecords: 3, oldestLessonDate: '2024-06-04' });
    expect(mine.lessons.map((l: { lessonId: string; missing: number }) => [l.lessonId, l.missing])).toEqual([[partial.id, 1], [none.id, 2]]);
    const subs = res.body.items.find((i: { teacherId: string }) => i.teacherId === substitute.id);
    expect(subs.lessons.map((l: { lessonId: string }) => l.lessonId)).toEqual([byOther.id]);

    const filtered = await t.http
      .get(`/api/v1/attendance/missing-registers?from=2024-06-01&to=2024-06-30&teacherId=${substitute.id}`)
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(filtered.body.items.map((i: { teacherId: string }) => i.teacherId)).toEqual([substitute.id]);
    const paged = await t.http
      .get(`/api/v1/attendance/missing-registers?from=2024-06-01&to=2024-06-30&groupId=${group.id}&pageSize=1&page=2`)
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);
    await t.http.get('/api/v1/attendance/missing-registers').set('Authorization', teacher.auth).expect(403);
    await t.http.get('/api/v1/attendance/missing-registers?sort=colour').set('Authorization', coordinator.auth).expect(400);
    await t.http.get('/api/v1/attendance/missing-registers?from=2024-13-01').set('Authorization', coordinator.auth).expect(400);
  });
});
