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

describe('settlement runs', () => {
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

  it('a period that contains nothing is an empty draft', async () => {
    const run = await draft(ref.municipalities.Tubbergen, '2025-01-01', '2025-03-31');
    expect(run).toMatchObject({ status: 'draft', lineCount: 0, subtotalCents: 0, vatCents: 0, totalCents: 0, lines: [], invoiceNumber: null });
  });

  it('bills each event once: period, nagekomen, re-run, finalise with a number, VAT per contract', async () => {
    const m = ref.municipalities.Almelo;
    const w = await SettlementWorld.create(t.db, m, ref.products['B1-ROUTE'], PER_TRAJECTORY, { vatRateBasisPoints: 2100 });
    const a = await w.trajectory({ startDate: '2025-01-06', contractedHours: 10 });
    await w.attend(a, '2025-04-07', 180);
    await w.attend(a, '2025-04-14', 180); // halfway on 14 April

    const q1 = await draft(m, '2025-01-01', '2025-03-31');
    expect(q1.lines.map((l) => [l.kind, l.eventDate, l.amountCents, l.late])).toEqual([['start', '2025-01-06', 25000, false]]);
    expect(q1).toMatchObject({ subtotalCents: 25000, vatCents: 5250, totalCents: 30250 });
    const f1 = await finalise(q1.id);
    expect(f1.status).toBe('final');
    expect(f1.invoiceNumber).toMatch(/^\d{4}-\d{4}$/);
    await expect(finalise(q1.id)).rejects.toMatchObject({ code: 'run_not_draft' });
    await expect(runs.recompute(q1.id, SYSTEM_SCOPE)).rejects.toMatchObject({ status: 422 });

    // The same period again: nothing billed twice.
    expect((await draft(m, '2025-01-01', '2025-03-31')).lines).toEqual([]);

    // A trajectory that started in Q1 but was registered later: nagekomen in Q2.
    const late = await w.trajectory({ startDate: '2025-02-03', contractedHours: 10 });
    const q2 = await draft(m, '2025-04-01', '2025-06-30');
    const kinds = q2.lines.map((l) => [l.trajectoryId === late.id ? 'late' : 'a', l.kind, l.late]);
    expect(kinds).toEqual(expect.arrayContaining([['a', 'halfway', false], ['late', 'start', true]]));
    expect(q2.lines).toHaveLength(2);
    expect(q2.lines.find((l) => l.late)?.basis).toBe('25% van € 1.000,00');
    // Nothing dated after the period.
    await w.attend(late, '2025-07-07', 180);
    await w.attend(late, '2025-07-08', 180);
    const again = await runs.recompute(q2.id, SYSTEM_SCOPE);
    expect(again.lines).toHaveLength(2);
    await finalise(q2.id);
    expect((await draft(m, '2025-01-01', '2025-06-30')).lines).toEqual([]);
  });

  it('corrections: a changed record after billing is a debit, a vanished event is credited in full', async () => {
    const m = ref.municipalities.Borne;
    const w = await SettlementWorld.create(t.db, m, ref.products['Z-ROUTE'], HOURLY);
    const a = await w.trajectory({ contractedHours: 100 });
    const r1 = await w.attend(a, '2025-01-13', 90, 180);
    const jan = await draft(m, '2025-01-01', '2025-01-31');
    expect(jan.lines.map((l) => [l.kind, l.eventKey, l.minutes, l.amountCents])).toEqual([['hours', 'hours:2025-01', 90, 9000]]);
    const janFinal = await finalise(jan.id);

    await w.setAttended(r1, 180); // the register is corrected: +90 minutes
    const feb = await draft(m, '2025-02-01', '2025-02-28');
    expect(feb.lines).toHaveLength(1);
    expect(feb.lines[0]).toMatchObject({ kind: 'correction', eventKey: 'hours:2025-01', eventDate: '2025-02-28', amountCents: 9000 });
    expect(feb.lines[0].corrects).toMatchObject({ invoiceNumber: janFinal.invoiceNumber, lineNo: 1, lineId: janFinal.lines[0].id });
    await finalise(feb.id);

    await w.setAttended(r1, 0); // it was an absence after all: January no longer bills anything
    const mar = await draft(m, '2025-03-01', '2025-03-31');
    expect(mar.lines.map((l) => [l.kind, l.amountCents])).toEqual([['correction', -18000]]);
    expect(mar.totalCents).toBe(-18000);
    await finalise(mar.id);
    expect((await draft(m, '2025-01-01', '2025-03-31')).lines).toEqual([]);

    const view = await t.http.get(`/api/v1/trajectories/${a.id}/settlement`).set('Authorization', finance.auth).expect(200);
    expect(view.body.events).toEqual([
      expect.objectContaining({ eventKey: 'hours:2025-01', amountCents: 0, billedCents: 0, openCents: 0, billings: [expect.anything(), expect.anything(), expect.anything()] }),
    ]);
  });

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

  it('20 concurrent finalisations of different runs get 20 consecutive numbers', async () => {
    const m = ref.municipalities.Losser;
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await draft(m, `2024-01-${String(i + 1).padStart(2, '0')}`, `2024-01-${String(i + 1).padStart(2, '0')}`));
    const res = await Promise.all(drafts.map((d) => t.http.post(`${RUNS}/${d.id}/finalise`).set('Authorization', finance.auth)));
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(200));
    const numbers = res.map((r) => r.body.invoiceNumber as string).sort();
    const year = numbers[0].slice(0, 4);
    const first = Number(numbers[0].slice(5));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `${year}-${String(first + i).padStart(4, '0')}`));
    const [{ last_number }] = await t.db.query(`SELECT last_number FROM settlement_invoice_counter WHERE year = $1`, [Number(year)]);
    expect(numbers[19]).toBe(`${year}-${String(last_number).padStart(4, '0')}`);
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
