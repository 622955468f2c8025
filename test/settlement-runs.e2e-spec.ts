import { ContractProduct } from '../src/modules/contracts/entities/contract-product.entity';
import { SettlementRunsService } from '../src/modules/settlement/settlement-runs.service';
import { SYSTEM_SCOPE } from '../src/common/auth/scope';
import { Reference, seedReference } from './factories/reference.factory';
import { SettlementWorld } from './factories/settlement.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const RUNS = '/api/v1/settlement-runs';
const PER_TRAJECTORY: Partial<ContractProduct> = {
  billingBasis: 'per_trajectory',
  priceCents: 100000,
  milestones: [
    { kind: 'start', percent: 25 },
    { kind: 'halfway', percent: 25 },
    { kind: 'completion', percent: 50 },
  ],
  dropoutRule: 'pro_rata_hours',
};
const HOURLY: Partial<ContractProduct> = { billingBasis: 'per_attended_hour', priceCents: 0, hourlyRateCents: 6000, milestones: [], dropoutRule: 'none' };

describe('settlement runs (HTTP)', () => {
  let t: TestApp;
  let ref: Reference;
  let finance: TestUser;
  let coord: TestUser;
  let teacher: TestUser;
  let runs: SettlementRunsService;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    finance = await createUser(t, 'finance');
    coord = await createUser(t, 'coordinator');
    teacher = await createUser(t, 'teacher');
    runs = t.app.get(SettlementRunsService);
  });
  afterAll(() => t.close());

  const draft = (municipalityId: string, from: string, to: string) =>
    runs.createDraft({ municipalityId, from, to }, { ...SYSTEM_SCOPE, userId: finance.id, role: 'finance' });
  const finalise = (id: string) => runs.finalise(id, { ...SYSTEM_SCOPE, userId: finance.id, role: 'finance' });

  it('two concurrent finalisations of runs holding the same event: one succeeds, the other is a 409', async () => {
    const m = ref.municipalities.Dinkelland;
    const w = await SettlementWorld.create(t.db, m, ref.products['B1-ROUTE'], PER_TRAJECTORY);
    await w.trajectory({ startDate: '2025-01-06' });
    const [d1, d2] = [await draft(m, '2025-01-01', '2025-01-31'), await draft(m, '2025-01-01', '2025-03-31')];
    const res = await Promise.all([d1, d2].map((d) => t.http.post(`${RUNS}/${d.id}/finalise`).set('Authorization', finance.auth)));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = res.find((r) => r.status === 409)!;
    expect(loser.body.code).toBe('event_already_billed');
    const loserId = [d1, d2][res.indexOf(loser)].id;
    const after = await t.http.get(`${RUNS}/${loserId}`).set('Authorization', finance.auth).expect(200);
    expect(after.body).toMatchObject({ status: 'draft', invoiceNumber: null });
    const redo = await t.http.post(`${RUNS}/${loserId}/recompute`).set('Authorization', finance.auth).expect(200);
    expect(redo.body.lines).toEqual([]);
  });

  describe('HTTP: roles, scope and bad input', () => {
    let muniUser: TestUser;
    let finalId: string;
    let draftId: string;
    let otherFinalId: string;
    let trajectoryId: string;
    let otherTrajectoryId: string;

    beforeAll(async () => {
      const m = ref.municipalities.Hengelo;
      const w = await SettlementWorld.create(t.db, m, ref.products['B1-ROUTE'], PER_TRAJECTORY);
      trajectoryId = (await w.trajectory({ startDate: '2025-01-06' })).id;
      const f = await draft(m, '2025-01-01', '2025-01-31');
      finalId = (await finalise(f.id)).id;
      draftId = (await draft(m, '2025-02-01', '2025-02-28')).id;
      const o = await SettlementWorld.create(t.db, ref.municipalities.Wierden, ref.products['B1-ROUTE'], PER_TRAJECTORY);
      otherTrajectoryId = (await o.trajectory({ startDate: '2025-01-06' })).id;
      otherFinalId = (await finalise((await draft(ref.municipalities.Wierden, '2025-01-01', '2025-01-31')).id)).id;
      muniUser = await createUser(t, 'municipality', { municipalityId: m });
    });

    it('a municipality reads only its own final runs; drafts and other municipalities are 404', async () => {
      const list = await t.http.get(`${RUNS}?pageSize=100`).set('Authorization', muniUser.auth).expect(200);
      expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([finalId]);
      await t.http.get(`${RUNS}/${finalId}`).set('Authorization', muniUser.auth).expect(200);
      await t.http.get(`${RUNS}/${draftId}`).set('Authorization', muniUser.auth).expect(404);
      await t.http.get(`${RUNS}/${otherFinalId}`).set('Authorization', muniUser.auth).expect(404);
      await t.http.post(RUNS).set('Authorization', muniUser.auth).send({ municipalityId: ref.municipalities.Hengelo, from: '2025-01-01', to: '2025-01-31' }).expect(403);
      await t.http.get(`/api/v1/trajectories/${trajectoryId}/settlement`).set('Authorization', muniUser.auth).expect(200);
      await t.http.get(`/api/v1/trajectories/${otherTrajectoryId}/settlement`).set('Authorization', muniUser.auth).expect(404);
    });

    it('coordinators read, only finance and admin write; teachers and learners get 403', async () => {
      await t.http.get(`${RUNS}/${draftId}`).set('Authorization', coord.auth).expect(200);
      await t.http.post(`${RUNS}/${draftId}/finalise`).set('Authorization', coord.auth).expect(403);
      await t.http.delete(`${RUNS}/${draftId}`).set('Authorization', coord.auth).expect(403);
      await t.http.get(RUNS).set('Authorization', teacher.auth).expect(403);
      await t.http.get(`/api/v1/trajectories/${trajectoryId}/settlement`).set('Authorization', teacher.auth).expect(403);
    });

    it('filters lines by product and milestone; discards drafts, never a final run', async () => {
      const all = await t.http.get(`${RUNS}/${finalId}?milestone=start`).set('Authorization', finance.auth).expect(200);
      expect(all.body.lines).toHaveLength(1);
      const none = await t.http.get(`${RUNS}/${finalId}?milestone=halfway`).set('Authorization', finance.auth).expect(200);
      expect(none.body.lines).toHaveLength(0);
      expect(none.body.totalCents).toBe(25000);
      await t.http.delete(`${RUNS}/${finalId}`).set('Authorization', finance.auth).expect(422);
      await t.http.delete(`${RUNS}/${draftId}`).set('Authorization', finance.auth).expect(204);
      await t.http.get(`${RUNS}/${draftId}`).set('Authorization', finance.auth).expect(404);
    });

    it('files go through the document pipeline: 202 with the document; CSV and e-invoice only for final runs', async () => {
      const fresh = (await draft(ref.municipalities.Hengelo, '2025-03-01', '2025-03-31')).id;
      const doc = await t.http.post(`${RUNS}/${finalId}/documents`).set('Authorization', finance.auth).send({ format: 'ubl' }).expect(202);
      expect(doc.body).toMatchObject({ kind: 'settlement.ubl', status: expect.any(String) });
      expect(doc.headers.location).toBe(`/api/v1/documents/${doc.body.id}`);
      await t.http.post(`${RUNS}/${finalId}/documents`).set('Authorization', muniUser.auth).send({ format: 'xlsx' }).expect(202);
      const other = await t.http.post(`${RUNS}/${fresh}/documents`).set('Authorization', finance.auth).send({ format: 'csv' }).expect(422);
      expect(other.body.code).toBe('run_not_final');
      await t.http.post(`${RUNS}/${fresh}/documents`).set('Authorization', finance.auth).send({ format: 'xlsx' }).expect(202);
      await t.http.post(`${RUNS}/${fresh}/documents`).set('Authorization', muniUser.auth).send({ format: 'xlsx' }).expect(404);
      await t.http.post(`${RUNS}/${finalId}/documents`).set('Authorization', coord.auth).send({ format: 'xlsx' }).expect(403);
      await t.http.post(`${RUNS}/${finalId}/documents`).set('Authorization', finance.auth).send({ format: 'pdf' }).expect(400);
    });

    it('bad input is a 400 naming the field', async () => {
      const bad = async (body: object, field: string) => {
        const res = await t.http.post(RUNS).set('Authorization', finance.auth).send(body).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      };
      const m = ref.municipalities.Hengelo;
      await bad({ municipalityId: m, from: '2025-03-01', to: '2025-02-01' }, 'to');
      await bad({ municipalityId: m, from: '2025-02-30', to: '2025-03-01' }, 'from');
      await bad({ municipalityId: '00000000-0000-4000-8000-000000000000', from: '2025-01-01', to: '2025-03-01' }, 'municipalityId');
      await bad({ municipalityId: 'x', from: '2025-01-01', to: '2025-03-01' }, 'municipalityId');
      await t.http.get(`${RUNS}?milestone=nope`).set('Authorization', finance.auth).expect(400);
      await t.http.get(`${RUNS}/${finalId}?milestone=nope`).set('Authorization', finance.auth).expect(400);
    });
  });
});
