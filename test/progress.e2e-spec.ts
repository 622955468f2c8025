import { todayIn } from '../src/common/domain/calendar';
import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

function tomorrow(): string {
  const d = new Date(`${todayIn('Europe/Amsterdam')}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('progress notes and trajectory plan (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coordinator: TestUser;
  let admin: TestUser;
  let teacher: TestUser;
  let coTeacher: TestUser;
  let outsideTeacher: TestUser;
  let finance: TestUser;
  let enschedeUser: TestUser;
  let hengeloUser: TestUser;
  let learnerUser: TestUser;
  let otherLearnerUser: TestUser;
  let trajectoryA: string;
  let trajectoryB: string;
  let endedTrajectory: string;
  let contractE: string;
  let product: string;

  const notes = (id: string) => `/api/v1/trajectories/${id}/progress-notes`;
  const plan = (id: string) => `/api/v1/trajectories/${id}/plan`;
  const note = (over: object = {}) => ({ date: '2025-03-10', summary: 'Goede voortgang bij lezen.', agreements: 'Elke week oefenen.', followUpDate: '2025-04-10', ...over });

  /** A fresh active trajectory in Enschede, enrolled in the teacher's group. */
  async function freshTrajectory(): Promise<string> {
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    const id = (await createTrajectory(t.db, { learnerId: learner.id, municipalityId: ref.municipalities.Enschede, contractId: contractE, productId: product })).id;
    const group = await createGroup(t.db, product, { teacherIds: [teacher.id] });
    await enrol(t.db, id, group.id);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    product = ref.products['B1-ROUTE'];
    const enschede = ref.municipalities.Enschede;
    const hengelo = ref.municipalities.Hengelo;
    contractE = (await createContract(t.db, enschede, [product])).id;
    const contractH = (await createContract(t.db, hengelo, [product])).id;
    [coordinator, admin, teacher, coTeacher, outsideTeacher, finance] = await Promise.all([
      createUser(t, 'coordinator'),
      createUser(t, 'admin'),
      createUser(t, 'teacher'),
      createUser(t, 'teacher'),
      createUser(t, 'teacher'),
      createUser(t, 'finance'),
    ]);
    enschedeUser = await createUser(t, 'municipality', { municipalityId: enschede });
    hengeloUser = await createUser(t, 'municipality', { municipalityId: hengelo });
    const learnerA = (await createLearner(t.db, enschede)).id;
    trajectoryA = (await createTrajectory(t.db, { learnerId: learnerA, municipalityId: enschede, contractId: contractE, productId: product })).id;
    const learnerB = (await createLearner(t.db, hengelo)).id;
    trajectoryB = (await createTrajectory(t.db, { learnerId: learnerB, municipalityId: hengelo, contractId: contractH, productId: product })).id;
    endedTrajectory = (await createTrajectory(t.db, { learnerId: learnerA, municipalityId: enschede, contractId: contractE, productId: product, status: 'completed', startDate: '2023-01-02', plannedEndDate: '2023-12-31', endDate: '2023-12-15' })).id;
    learnerUser = await createUser(t, 'learner', { learnerId: learnerA });
    otherLearnerUser = await createUser(t, 'learner', { learnerId: learnerB });
    const group = await createGroup(t.db, product, { teacherIds: [teacher.id, coTeacher.id] });
    await enrol(t.db, trajectoryA, group.id);
    await enrol(t.db, endedTrajectory, group.id, '2023-01-02', '2023-12-15');
    await createGroup(t.db, product, { teacherIds: [outsideTeacher.id] });
  });
  afterAll(() => t.close());

  describe('progress notes', () => {
    it('a teacher of the group and a coordinator record notes; the list is newest first and paged', async () => {
      const id = await freshTrajectory();
      const first = await t.http.post(notes(id)).set('Authorization', teacher.auth).send(note({ date: '2025-02-01', followUpDate: '2025-02-01' })).expect(201);
      expect(first.body).toMatchObject({ trajectoryId: id, date: '2025-02-01', followUpDate: '2025-02-01', authorId: teacher.id, authorName: expect.any(String) });
      await t.http.post(notes(id)).set('Authorization', coordinator.auth).send({ date: '2025-04-01', summary: 'Tweede gesprek' }).expect(201);
      await t.http.post(notes(id)).set('Authorization', admin.auth).send(note({ date: '2025-03-01', followUpDate: undefined })).expect(201);
      const page = await t.http.get(`${notes(id)}?pageSize=2`).set('Authorization', coordinator.auth).expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page.body.items.map((n: { date: string }) => n.date)).toEqual(['2025-04-01', '2025-03-01']);
      expect(page.body.items[0]).toMatchObject({ agreements: null, followUpDate: null });
      const p2 = await t.http.get(`${notes(id)}?pageSize=2&page=2`).set('Authorization', coordinator.auth).expect(200);
      expect(p2.body.items.map((n: { date: string }) => n.date)).toEqual(['2025-02-01']);
      const audit = await t.http.get(`/api/v1/audit-events?entityType=progress_note&entityId=${first.body.id}`).set('Authorization', admin.auth).expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'create', actorId: teacher.id });
    });

    it('refuses bad input with a 400 naming the field', async () => {
      const cases: [object, string][] = [
        [note({ followUpDate: '2025-03-09' }), 'followUpDate'],
        [note({ summary: undefined }), 'summary'],
        [note({ summary: '' }), 'summary'],
        [note({ date: '2025-02-30' }), 'date'],
        [note({ date: tomorrow(), followUpDate: undefined }), 'date'],
        [note({ followUpDate: 'next week' }), 'followUpDate'],
        [note({ mood: 'good' }), 'mood'],
        [note({ summary: ' \n\t ' }), 'summary'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http.post(notes(trajectoryA)).set('Authorization', coordinator.auth).send(body);
        expect({ body, status: res.status }).toMatchObject({ status: 400 });
        expect(fieldsOf(res.body)).toContain(field);
      }
    });

    it('PATCH: the author or a coordinator; another teacher 403; checks follow-up against the date', async () => {
      const id = await freshTrajectory();
      await t.db.query(`INSERT INTO group_teacher (group_id, user_id) SELECT e.group_id, $2 FROM enrolment e WHERE e.trajectory_id = $1`, [id, coTeacher.id]);
      const created = await t.http.post(notes(id)).set('Authorization', teacher.auth).send(note()).expect(201);
      const url = `/api/v1/progress-notes/${created.body.id}`;
      const own = await t.http.patch(url).set('Authorization', teacher.auth).send({ summary: 'Aangepast', agreements: null }).expect(200);
      expect(own.body).toMatchObject({ summary: 'Aangepast', agreements: null, date: '2025-03-10', followUpDate: '2025-04-10' });
      await t.http.patch(url).set('Authorization', coTeacher.auth).send({ summary: 'Niet van mij' }).expect(403);
      await t.http.patch(url).set('Authorization', outsideTeacher.auth).send({ summary: 'Buiten' }).expect(404);
      await t.http.patch(url).set('Authorization', enschedeUser.auth).send({ summary: 'Gemeente' }).expect(403);
      await t.http.patch(url).set('Authorization', learnerUser.auth).send({ summary: 'Deelnemer' }).expect(403);
      const late = await t.http.patch(url).set('Authorization', coordinator.auth).send({ date: '2025-05-01' }).expect(400);
      expect(fieldsOf(late.body)).toEqual(['followUpDate']);
      const nullSummary = await t.http.patch(url).set('Authorization', coordinator.auth).send({ summary: null }).expect(400);
      expect(fieldsOf(nullSummary.body)).toContain('summary');
      const byCoordinator = await t.http.patch(url).set('Authorization', coordinator.auth).send({ date: '2025-05-01', followUpDate: '2025-06-01' }).expect(200);
      expect(byCoordinator.body).toMatchObject({ date: '2025-05-01', followUpDate: '2025-06-01', authorId: teacher.id });
      await t.http.patch('/api/v1/progress-notes/00000000-0000-4000-8000-000000000000').set('Authorization', coordinator.auth).send({ summary: 'x' }).expect(404);
      const audit = await t.http.get(`/api/v1/audit-events?entityType=progress_note&entityId=${created.body.id}`).set('Authorization', admin.auth).expect(200);
      expect(audit.body.items.filter((e: { action: string }) => e.action === 'update')).toHaveLength(2);
    });

    it('an ended trajectory is read-only (422) but still readable', async () => {
      const res = await t.http.post(notes(endedTrajectory)).set('Authorization', coordinator.auth).send(note()).expect(422);
      expect(res.body.code).toBe('trajectory_ended');
      await t.http.get(notes(endedTrajectory)).set('Authorization', teacher.auth).expect(200);
    });
  });

  describe('trajectory plan', () => {
    it('updates the plan with a version check and keeps the history (who, when), newest first', async () => {
      const id = await freshTrajectory();
      const start = await t.http.get(plan(id)).set('Authorization', coordinator.auth).expect(200);
      expect(start.body).toMatchObject({ trajectoryId: id, plan: {} });
      const v = start.body.version as number;
      const first = await t.http.put(plan(id)).set('Authorization', coordinator.auth)
        .send({ version: v, plan: { goals: { work: 'Werkervaringsplek vinden', housing: 'Huurcontract lezen' }, agreements: 'Maandelijks gesprek' } }).expect(200);
      expect(first.body).toEqual({ trajectoryId: id, version: v + 1, plan: { goals: { work: 'Werkervaringsplek vinden', housing: 'Huurcontract lezen' }, agreements: 'Maandelijks gesprek' } });
      const stale = await t.http.put(plan(id)).set('Authorization', teacher.auth).send({ version: v, plan: { agreements: 'Oud' } }).expect(409);
      expect(stale.body.errors).toEqual([{ field: 'version', message: expect.any(String) }]);
      await t.http.put(plan(id)).set('Authorization', teacher.auth).send({ version: v + 1, plan: { goals: { parenting: 'Oudergesprek op school' } } }).expect(200);
      const now = await t.http.get(plan(id)).set('Authorization', coordinator.auth).expect(200);
      expect(now.body).toEqual({ trajectoryId: id, version: v + 2, plan: { goals: { parenting: 'Oudergesprek op school' } } });
      const history = await t.http.get(`${plan(id)}/history`).set('Authorization', coordinator.auth).expect(200);
      expect(history.body.total).toBe(2);
      expect(history.body.items.map((r: { trajectoryVersion: number }) => r.trajectoryVersion)).toEqual([v + 2, v + 1]);
      expect(history.body.items[0]).toMatchObject({ changedBy: teacher.id, changedByName: expect.any(String), changedAt: expect.any(String), plan: { goals: { parenting: 'Oudergesprek op school' } } });
      expect(history.body.items[1]).toMatchObject({ changedBy: coordinator.id, plan: { agreements: 'Maandelijks gesprek' } });
      const audit = await t.http.get(`/api/v1/audit-events?entityType=trajectory&entityId=${id}`).set('Authorization', admin.auth).expect(200);
      expect(audit.body.items.filter((e: { fields: string[] }) => e.fields.includes('plan'))).toHaveLength(2);
    });

    it('of two saves on the same version exactly one wins; the other is 409', async () => {
      const id = await freshTrajectory();
      const { body } = await t.http.get(plan(id)).set('Authorization', coordinator.auth).expect(200);
      const results = await Promise.all(
        ['A', 'B'].map((x) => t.http.put(plan(id)).set('Authorization', coordinator.auth).send({ version: body.version, plan: { agreements: x } })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const history = await t.http.get(`${plan(id)}/history`).set('Authorization', coordinator.auth).expect(200);
      expect(history.body.total).toBe(1);
    });

    it('refuses bad plans with a 400 naming the field, and an ended trajectory with 422', async () => {
      const cases: [object, string][] = [
        [{ plan: {} }, 'version'],
        [{ version: 'one', plan: {} }, 'version'],
        [{ version: 1 }, 'plan'],
        [{ version: 1, plan: 'text' }, 'plan'],
        [{ version: 1, plan: { goals: { cooking: 'Koken' } } }, 'plan.goals.cooking'],
        [{ version: 1, plan: { goals: { work: 5 } } }, 'plan.goals.work'],
        [{ version: 1, plan: { agreements: 'x'.repeat(4001) } }, 'plan.agreements'],
        [{ version: 1, plan: {}, status: 'completed' }, 'status'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http.put(plan(trajectoryA)).set('Authorization', coordinator.auth).send(body);
        expect({ body, status: res.status }).toMatchObject({ status: 400 });
        expect(fieldsOf(res.body)).toContain(field);
      }
      const { body } = await t.http.get(plan(endedTrajectory)).set('Authorization', coordinator.auth).expect(200);
      const ended = await t.http.put(plan(endedTrajectory)).set('Authorization', coordinator.auth).send({ version: body.version, plan: { agreements: 'Te laat' } }).expect(422);
      expect(ended.body.code).toBe('trajectory_ended');
    });
  });

  describe('scope', () => {
    it('municipality: own trajectories read-only, another municipality\'s 404', async () => {
      // DOMAIN.md: a municipality never reads progress notes (403, whoever pays); it does read the plan.
      await t.http.get(notes(trajectoryA)).set('Authorization', enschedeUser.auth).expect(403);
      await t.http.get(plan(trajectoryA)).set('Authorization', enschedeUser.auth).expect(200);
      await t.http.get(`${plan(trajectoryA)}/history`).set('Authorization', enschedeUser.auth).expect(200);
      await t.http.get(notes(trajectoryA)).set('Authorization', hengeloUser.auth).expect(403);
      await t.http.get(plan(trajectoryA)).set('Authorization', hengeloUser.auth).expect(404);
      await t.http.get(`${plan(trajectoryA)}/history`).set('Authorization', hengeloUser.auth).expect(404);
      await t.http.post(notes(trajectoryA)).set('Authorization', enschedeUser.auth).send(note()).expect(403);
      await t.http.put(plan(trajectoryA)).set('Authorization', enschedeUser.auth).send({ version: 1, plan: {} }).expect(403);
    });

    it('learner: own notes and plan only, never writes', async () => {
      await t.http.get(notes(trajectoryA)).set('Authorization', learnerUser.auth).expect(200);
      await t.http.get(plan(trajectoryA)).set('Authorization', learnerUser.auth).expect(200);
      await t.http.get(`${plan(trajectoryA)}/history`).set('Authorization', learnerUser.auth).expect(200);
      await t.http.get(notes(trajectoryA)).set('Authorization', otherLearnerUser.auth).expect(404);
      await t.http.get(plan(trajectoryA)).set('Authorization', otherLearnerUser.auth).expect(404);
      await t.http.get(notes(trajectoryB)).set('Authorization', learnerUser.auth).expect(404);
      await t.http.post(notes(trajectoryA)).set('Authorization', learnerUser.auth).send(note()).expect(403);
    });

    it('teacher: only trajectories in its groups (else 404); finance reads neither the plan nor notes', async () => {
      await t.http.get(notes(trajectoryA)).set('Authorization', outsideTeacher.auth).expect(404);
      await t.http.post(notes(trajectoryA)).set('Authorization', outsideTeacher.auth).send(note()).expect(404);
      await t.http.get(plan(trajectoryA)).set('Authorization', outsideTeacher.auth).expect(404);
      await t.http.put(plan(trajectoryA)).set('Authorization', outsideTeacher.auth).send({ version: 1, plan: {} }).expect(404);
      await t.http.get(`${plan(trajectoryA)}/history`).set('Authorization', outsideTeacher.auth).expect(404);
      await t.http.get(notes(trajectoryB)).set('Authorization', teacher.auth).expect(404);
      await t.http.post(notes(trajectoryA)).set('Authorization', teacher.auth).send(note()).expect(201);
      await t.http.get(notes(trajectoryB)).set('Authorization', finance.auth).expect(403);
      // DOMAIN.md: finance sees what billing needs, not the plan (src/common/auth/field-visibility.ts).
      await t.http.get(plan(trajectoryB)).set('Authorization', finance.auth).expect(403);
      await t.http.get(`${plan(trajectoryB)}/history`).set('Authorization', finance.auth).expect(403);
      await t.http.post(notes(trajectoryB)).set('Authorization', finance.auth).send(note()).expect(403);
      await t.http.get(notes('00000000-0000-4000-8000-000000000000')).set('Authorization', coordinator.auth).expect(404);
      await t.http.get(notes('nope')).set('Authorization', coordinator.auth).expect(400);
    });
  });
});
