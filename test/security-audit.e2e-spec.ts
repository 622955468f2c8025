import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { seedReference } from './factories/reference.factory';
import { createUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 13.9: every write is audited, also a save identical to what is stored. */
describe('every write audited (security e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('20 saves of the same register write 20 audit events, one per request', async () => {
    const ref = await seedReference(t.db);
    const municipalityId = ref.municipalities.Enschede;
    const productId = ref.products['B1-ROUTE'];
    const contract = await createContract(t.db, municipalityId, [productId]);
    const teacher = await createUser(t, 'teacher');
    const group = await createGroup(t.db, productId, { teacherIds: [teacher.id] });
    const entries = [];
    for (let i = 0; i < 3; i++) {
      const learner = await createLearner(t.db, municipalityId);
      const tr = await createTrajectory(t.db, { learnerId: learner.id, municipalityId, contractId: contract.id, productId });
      await enrol(t.db, tr.id, group.id, '2025-01-06', null);
      entries.push({ learnerId: learner.id, status: i === 0 ? 'late' : 'present', ...(i === 0 ? { minutesLate: 10 } : {}) });
    }
    const lesson = await createLesson(t.db, group.id, { date: '2025-03-03', minutes: 180 });
    const requestIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = `audit-check-${i}`;
      requestIds.push(id);
      await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth).set('X-Request-Id', id).send({ entries }).expect(200);
    }
    const rows = await t.db.query(
      `SELECT actor_id, request_id FROM audit_event WHERE action = 'attendance.register.save' AND entity_id = $1 ORDER BY id`,
      [lesson.id],
    );
    expect(rows).toHaveLength(20);
    expect(rows.every((r: { actor_id: string }) => r.actor_id === teacher.id)).toBe(true);
    // One event per request (the request id is Fastify's own here: the tests run without the pino logger).
    expect(new Set(rows.map((r: { request_id: string }) => r.request_id)).size).toBe(requestIds.length);
  });
});
