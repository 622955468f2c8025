import { seedReference, Reference } from './factories/reference.factory';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser, TestUser } from './factories/user.factory';
import { addDays, collegeToday } from './helpers/browser';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 12.3: absence reported in advance is listed, withdrawn until the lesson starts, and counts only from its date on. */
describe('absence reported in advance: list, withdraw, and what it counts for (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coordinator: TestUser;
  let teacher: TestUser;
  let groupId: string;
  let a: { learnerId: string; trajectoryId: string };
  let b: { learnerId: string; trajectoryId: string };
  let learnerA: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coordinator = await createUser(t, 'coordinator');
    teacher = await createUser(t, 'teacher');
    const enschede = ref.municipalities.Enschede;
    const contract = await createContract(t.db, enschede, [ref.products['B1-ROUTE']]);
    groupId = (await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id], name: 'B1 Enschede ochtend' })).id;
    const make = async () => {
      const l = await createLearner(t.db, enschede);
      const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: enschede, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
      await enrol(t.db, tr.id, groupId, '2025-01-06');
      return { learnerId: l.id, trajectoryId: tr.id };
    };
    a = await make();
    b = await make();
    learnerA = await createUser(t, 'learner', { learnerId: a.learnerId });
  });
  afterAll(() => t.close());

  const report = (lessonId: string, learnerId: string, user: TestUser, reason = 'Tandarts') =>
    t.http.post(`/api/v1/lessons/${lessonId}/advance-absence`).set('Authorization', user.auth).send({ learnerId, reason });
  const withdraw = (lessonId: string, learnerId: string, user: TestUser, lang?: string) => {
    const req = t.http.delete(`/api/v1/lessons/${lessonId}/advance-absence/${learnerId}`).set('Authorization', user.auth);
    return lang ? req.set('Accept-Language', lang) : req;
  };
  const listOf = (learnerId: string, user: TestUser) => t.http.get(`/api/v1/learners/${learnerId}/advance-absences`).set('Authorization', user.auth);

  it('lists what was reported per lesson (soonest first, with who reported it), for the learner itself and staff only', async () => {
    const later = await createLesson(t.db, groupId, { date: addDays(collegeToday(), 9), startTime: '09:00' });
    const sooner = await createLesson(t.db, groupId, { date: addDays(collegeToday(), 2), startTime: '13:30' });
    await report(later.id, a.learnerId, learnerA).expect(201);
    await report(sooner.id, a.learnerId, coordinator, 'Rechtbank').expect(201);
    const res = await listOf(a.learnerId, learnerA).expect(200);
    expect(res.body.items.map((i: { lessonId: string }) => i.lessonId)).toEqual([sooner.id, later.id]);
    expect(res.body.items[0]).toMatchObject({
      lessonId: sooner.id, learnerId: a.learnerId, groupName: 'B1 Enschede ochtend', date: addDays(collegeToday(), 2), startTime: '13:30',
      minutes: 180, mode: 'physical', reason: 'Rechtbank', recordedByName: `coordinator ${coordinator.email}`,
    });
    expect(res.body.items[1]).toMatchObject({ reason: 'Tandarts', recordedByName: `learner ${learnerA.email}` });
    await listOf(a.learnerId, coordinator).expect(200);
    await listOf(a.learnerId, teacher).expect(200);
    await listOf(a.learnerId, await createUser(t, 'teacher')).expect(404);
    await listOf(b.learnerId, learnerA).expect(404);
    await listOf(a.learnerId, await createUser(t, 'finance')).expect(403);
  });

  it('withdraws until the lesson starts (the learner only its own), audited; after the start a Dutch 422', async () => {
    const lesson = await createLesson(t.db, groupId, { date: addDays(collegeToday(), 5) });
    await report(lesson.id, a.learnerId, learnerA).expect(201);
    await report(lesson.id, b.learnerId, coordinator).expect(201);
    // Another learner's report: as if it did not exist. A teacher may not withdraw (403).
    await withdraw(lesson.id, b.learnerId, learnerA).expect(404);
    await withdraw(lesson.id, a.learnerId, teacher).expect(403);
    await withdraw(lesson.id, a.learnerId, learnerA).expect(204);
    const rows = await t.db.query(`SELECT learner_id FROM attendance_record WHERE lesson_id = $1`, [lesson.id]);
    expect(rows).toEqual([{ learner_id: b.learnerId }]);
    const [audit] = await t.db.query(
      `SELECT actor_id, action, entity_type, entity_id FROM audit_event WHERE action = 'attendance.advance_absence_withdrawn' AND entity_id = $1`, [lesson.id]);
    expect(audit).toEqual({ actor_id: learnerA.id, action: 'attendance.advance_absence_withdrawn', entity_type: 'lesson', entity_id: lesson.id });
    // Nothing left to withdraw: 404; a coordinator withdraws for a learner.
    await withdraw(lesson.id, a.learnerId, learnerA).expect(404);
    await withdraw(lesson.id, b.learnerId, coordinator).expect(204);
    expect((await listOf(a.learnerId, learnerA).expect(200)).body.items.map((i: { lessonId: string }) => i.lessonId)).not.toContain(lesson.id);

    // The lesson has started (today, at midnight): too late, said in Dutch.
    const started = await createLesson(t.db, groupId, { date: addDays(collegeToday(), 1) });
    await report(started.id, a.learnerId, learnerA).expect(201);
    await t.db.query(`UPDATE lesson SET date = $2, start_time = '00:00' WHERE id = $1`, [started.id, collegeToday()]);
    await t.db.query(`UPDATE attendance_record SET lesson_date = $2 WHERE lesson_id = $1`, [started.id, collegeToday()]);
    const late = await withdraw(started.id, a.learnerId, learnerA, 'nl-NL,nl;q=0.9,en;q=0.5').expect(422);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(late.headers['content-language']).toBe('nl');
    expect(late.body).toMatchObject({
      code: 'advance_absence_closed', status: 422, title: 'Niet toegestaan',
      detail: 'De les is al begonnen of voorbij; een vooraf gemelde afwezigheid kan niet meer worden ingetrokken.',
    });
    // Without Dutch asked for, the API's own English.
    expect((await withdraw(started.id, a.learnerId, learnerA).expect(422)).body.detail).toMatch(/can no longer be withdrawn/);
    expect(await t.db.query(`SELECT status, reported_in_advance FROM attendance_record WHERE lesson_id = $1`, [started.id]))
      .toEqual([{ status: 'absent_authorised', reported_in_advance: true }]);
    // A bad id in the address: 400 naming it, in Dutch when asked.
    const bad = await withdraw('geen-id', a.learnerId, learnerA, 'nl').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'id', message: 'is geen geldige verwijzing' }]);
  });

  it('an absence reported for a later lesson does not count in attendance figures before the lesson date', async () => {
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id] });
    const enschede = ref.municipalities.Enschede;
    const contract = await createContract(t.db, enschede, [ref.products['B1-ROUTE']]);
    const l = await createLearner(t.db, enschede);
    const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: enschede, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    await enrol(t.db, tr.id, group.id, '2025-01-06');
    const past = await createLesson(t.db, group.id, { date: addDays(collegeToday(), -3), minutes: 120 });
    await t.http.put(`/api/v1/lessons/${past.id}/register`).set('Authorization', teacher.auth)
      .send({ entries: [{ learnerId: l.id, status: 'present' }] }).expect(200);
    const future = await createLesson(t.db, group.id, { date: addDays(collegeToday(), 4), minutes: 180 });
    await report(future.id, l.id, coordinator, 'Ziek').expect(201);

    const summary = async (q = '') => (await t.http.get(`/api/v1/trajectories/${tr.id}/attendance${q}`).set('Authorization', coordinator.auth).expect(200)).body;
    const expectOnlyPast = {
      registeredMinutes: 120, attendedMinutes: 120, absentAuthorisedMinutes: 0, absentAuthorisedHours: 0, attendanceRate: 1, attendanceRateExclAuthorised: 1,
    };
    expect(await summary()).toMatchObject(expectOnlyPast);
    expect(await summary(`?from=${addDays(collegeToday(), -30)}&to=${addDays(collegeToday(), 30)}`)).toMatchObject(expectOnlyPast);
    // The grid shows the report in its cell but leaves it out of the row's minutes.
    const grid = (await t.http.get(`/api/v1/groups/${group.id}/attendance-grid?from=${addDays(collegeToday(), -7)}&to=${addDays(collegeToday(), 7)}`)
      .set('Authorization', coordinator.auth).expect(200)).body;
    const row = grid.learners.find((r: { learnerId: string }) => r.learnerId === l.id);
    expect(row).toMatchObject({ registeredMinutes: 120, attendedMinutes: 120 });
    expect(row.cells.find((c: { lessonId: string }) => c.lessonId === future.id)).toMatchObject({ status: 'absent_authorised', reportedInAdvance: true });

    // From the lesson's date on it counts.
    await t.db.query(`UPDATE lesson SET date = $2 WHERE id = $1`, [future.id, collegeToday()]);
    await t.db.query(`UPDATE attendance_record SET lesson_date = $2 WHERE lesson_id = $1`, [future.id, collegeToday()]);
    expect(await summary()).toMatchObject({ registeredMinutes: 300, attendedMinutes: 120, absentAuthorisedMinutes: 180, attendanceRateExclAuthorised: 1 });
  });
});
