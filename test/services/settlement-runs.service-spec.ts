import { ContractProduct } from '../../src/modules/contracts/entities/contract-product.entity';
import { TrajectorySettlementService } from '../../src/modules/settlement/trajectory-settlement.service';
import { SettlementRunsService } from '../../src/modules/settlement/settlement-runs.service';
import { SYSTEM_SCOPE } from '../../src/common/auth/scope';
import { Reference, seedReference } from '../factories/reference.factory';
import { SettlementWorld } from '../factories/settlement.factory';
import { createUser, TestUser } from '../factories/user.factory';
import { createServiceContext, ServiceContext } from '../helpers/service-context';

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

/** Service level (no HTTP): drafts, nagekomen events, corrections, VAT and numbering of DOMAIN.md "Settlement". */
describe('settlement runs (service level)', () => {
  let t: ServiceContext;
  let ref: Reference;
  let finance: TestUser;
  let coord: TestUser;
  let teacher: TestUser;
  let runs: SettlementRunsService;

  beforeAll(async () => {
    t = await createServiceContext();
    ref = await seedReference(t.db);
    finance = await createUser(t, 'finance');
    coord = await createUser(t, 'coordinator');
    teacher = await createUser(t, 'teacher');
    runs = t.get(SettlementRunsService);
  });
  afterAll(() => t?.close());

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
    await expect(runs.recompute(q1.id, SYSTEM_SCOPE)).rejects.toMatchObject({ kind: 'rule' });

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

    const view = await t.get(TrajectorySettlementService).get(a.id, { ...SYSTEM_SCOPE, role: 'finance' });
    expect(view.events).toEqual([
      expect.objectContaining({ eventKey: 'hours:2025-01', amountCents: 0, billedCents: 0, openCents: 0, billings: [expect.anything(), expect.anything(), expect.anything()] }),
    ]);
  });

  it('two concurrent finalisations of runs holding the same event: one succeeds, the other is a 409 and can be recomputed', async () => {
    const m = ref.municipalities.Dinkelland;
    const w = await SettlementWorld.create(t.db, m, ref.products['B1-ROUTE'], PER_TRAJECTORY);
    await w.trajectory({ startDate: '2025-01-06' });
    const drafts = [await draft(m, '2025-01-01', '2025-01-31'), await draft(m, '2025-01-01', '2025-03-31')];
    const res = await Promise.allSettled(drafts.map((d) => finalise(d.id)));
    expect(res.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = res.findIndex((r) => r.status === 'rejected');
    expect((res[lost] as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict', code: 'event_already_billed' });
    const after = await runs.get(drafts[lost].id, {}, SYSTEM_SCOPE);
    expect(after).toMatchObject({ status: 'draft', invoiceNumber: null, lineCount: 1 });
    expect((await runs.recompute(drafts[lost].id, SYSTEM_SCOPE)).lines).toEqual([]);
  });

  it('20 concurrent finalisations of different runs get 20 consecutive numbers', async () => {
    const m = ref.municipalities.Losser;
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await draft(m, `2024-01-${String(i + 1).padStart(2, '0')}`, `2024-01-${String(i + 1).padStart(2, '0')}`));
    const done = await Promise.all(drafts.map((d) => finalise(d.id)));
    const numbers = done.map((r) => r.invoiceNumber as string).sort();
    const year = numbers[0].slice(0, 4);
    const first = Number(numbers[0].slice(5));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `${year}-${String(first + i).padStart(4, '0')}`));
    const [{ last_number }] = await t.db.query(`SELECT last_number FROM settlement_invoice_counter WHERE year = $1`, [Number(year)]);
    expect(numbers[19]).toBe(`${year}-${String(last_number).padStart(4, '0')}`);
  });
});
