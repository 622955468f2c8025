import { Scope, SYSTEM_SCOPE } from '../../src/common/auth/scope';
import { SettlementEventsRepository, BillableEvent } from '../../src/modules/settlement/settlement-events.repository';
import { TrajectoryTransitionsService } from '../../src/modules/trajectories/trajectory-transitions.service';
import { Trajectory } from '../../src/modules/trajectories/entities/trajectory.entity';
import { Reference, seedReference } from '../factories/reference.factory';
import { SettlementWorld } from '../factories/settlement.factory';
import { createServiceContext, ServiceContext } from '../helpers/service-context';

/** Service level (no HTTP): the billable events of koers_settlement_events against DOMAIN.md, cent by cent. */
describe('settlement events (service level)', () => {
  let t: ServiceContext;
  let ref: Reference;
  let events: SettlementEventsRepository;
  const TODAY = '2026-06-30';

  beforeAll(async () => {
    t = await createServiceContext();
    ref = await seedReference(t.db);
    events = t.get(SettlementEventsRepository);
  });
  afterAll(() => t?.close());

  const of = async (tr: Trajectory): Promise<Record<string, BillableEvent>> =>
    Object.fromEntries((await events.find(t.db.manager, { trajectoryId: tr.id }, TODAY)).map((e) => [e.eventKey, e]));

  const perTrajectory = (price: number, over: object = {}) =>
    SettlementWorld.create(t.db, ref.municipalities.Enschede, ref.products['B1-ROUTE'], {
      billingBasis: 'per_trajectory',
      priceCents: price,
      milestones: [
        { kind: 'start', percent: 30 },
        { kind: 'halfway', percent: 40 },
        { kind: 'completion', percent: 30 },
      ],
      dropoutRule: 'pro_rata_hours',
      examBonusCents: 0,
      ...over,
    });

  it('start, halfway and completion round half up per line and add up to the price exactly', async () => {
    const w = await perTrajectory(12345);
    const tr = await w.trajectory({ status: 'completed', endDate: '2025-06-30', contractedHours: 10 });
    await w.attend(tr, '2025-02-03', 120);
    await w.attend(tr, '2025-02-10', 120);
    await w.attend(tr, '2025-02-17', 59, 60); // 299: not yet half of 600
    await w.attend(tr, '2025-02-24', 1, 60); // 300: exactly half
    await w.attend(tr, '2025-03-03', 180);
    const e = await of(tr);
    expect(Object.keys(e).sort()).toEqual(['completion', 'halfway', 'start']);
    expect(e.start).toMatchObject({ eventDate: '2025-01-06', amountCents: 3704 }); // 3703.5 → 3704
    expect(e.halfway).toMatchObject({ eventDate: '2025-02-24', amountCents: 4938 }); // 4938.0
    expect(e.completion).toMatchObject({ eventDate: '2025-06-30', amountCents: 12345 - 3704 - 4938 });
    expect(e.start.amountCents + e.halfway.amountCents + e.completion.amountCents).toBe(12345);
  });

  it('no halfway when the trajectory ends before half the hours; completion takes the rest', async () => {
    const w = await perTrajectory(10001);
    const tr = await w.trajectory({ status: 'completed', endDate: '2025-02-05', contractedHours: 10 });
    await w.attend(tr, '2025-02-03', 180);
    await w.attend(tr, '2025-02-10', 180); // after the end: the halfway date would be after it
    const e = await of(tr);
    expect(e.halfway).toBeUndefined();
    expect(e.start.amountCents).toBe(3000); // 3000.3
    expect(e.completion.amountCents).toBe(10001 - 3000);
  });

  it('an active trajectory bills start (and halfway once reached), never completion or dropout', async () => {
    const w = await perTrajectory(10000);
    const tr = await w.trajectory({ status: 'active' });
    await w.attend(tr, '2025-02-03', 180);
    expect(Object.keys(await of(tr))).toEqual(['start']);
    await w.attend(tr, '2025-02-04', 120);
    expect(Object.keys(await of(tr)).sort()).toEqual(['halfway', 'start']);
  });

  it('dropout pro rata: min(attended / contracted, 1) × price minus start and halfway, never below 0', async () => {
    const w = await perTrajectory(10000);
    const low = await w.trajectory({ status: 'dropped_out', endDate: '2025-03-01', dropoutReason: 'motivation_absence' });
    await w.attend(low, '2025-02-03', 150); // 25% → 2500 − 3000 → 0
    expect((await of(low)).dropout).toMatchObject({ eventDate: '2025-03-01', amountCents: 0, minutes: 150 });

    const mid = await w.trajectory({ status: 'dropped_out', endDate: '2025-03-01', dropoutReason: 'care_duties' });
    await w.attend(mid, '2025-02-03', 180);
    await w.attend(mid, '2025-02-04', 180);
    await w.attend(mid, '2025-02-05', 91, 180); // 451 of 600: 7516.67 → 7517 − 3000 − 4000
    const m = await of(mid);
    expect(m.halfway.eventDate).toBe('2025-02-04');
    expect(m.dropout.amountCents).toBe(517);

    const over = await w.trajectory({ status: 'dropped_out', endDate: '2025-03-01', dropoutReason: 'other', contractedHours: 1 });
    await w.attend(over, '2025-02-03', 180); // 3 × the contracted hours: capped at the price
    const o = await of(over);
    expect(o.start.amountCents + o.halfway.amountCents + o.dropout.amountCents).toBe(10000);
  });

  it('dropout rule none: no dropout event', async () => {
    const w = await perTrajectory(10000, { dropoutRule: 'none' });
    const tr = await w.trajectory({ status: 'dropped_out', endDate: '2025-03-01', dropoutReason: 'moved' });
    await w.attend(tr, '2025-02-03', 180);
    expect(Object.keys(await of(tr))).toEqual(['start']);
  });

  it('the exam bonus once, for the first passed exam on or after the start (also after the end)', async () => {
    const w = await perTrajectory(10000, { examBonusCents: 25050 });
    const tr = await w.trajectory({ status: 'completed', endDate: '2025-06-30' });
    await w.exam(tr, '2025-01-02', true); // before the start
    await w.exam(tr, '2025-03-01', false); // failed
    await w.exam(tr, '2025-04-01', true, false); // a passed test, not an exam
    await w.exam(tr, '2025-08-15', true); // after the end: counts
    await w.exam(tr, '2025-09-15', true); // second pass: no second bonus
    const e = await of(tr);
    expect(e.exam_bonus).toMatchObject({ eventDate: '2025-08-15', amountCents: 25050 });
    expect(e.completion.amountCents).toBe(10000 - 3000); // the bonus is outside the price
  });

  it('a planned trajectory bills nothing; nor one dropped out before it ever became active', async () => {
    const w = await perTrajectory(10000);
    const planned = await w.trajectory({ status: 'planned' });
    await w.attend(planned, '2025-02-03', 180);
    expect(await of(planned)).toEqual({});

    const noShow = await w.trajectory({ status: 'planned', startDate: '2025-01-06' });
    const scope: Scope = { ...SYSTEM_SCOPE };
    await t.get(TrajectoryTransitionsService).dropOut(noShow.id, { version: noShow.version, date: '2025-01-20', reason: 'no_show' }, scope);
    expect(await of(noShow)).toEqual({});

    const real = await w.trajectory({ status: 'planned' });
    const svc = t.get(TrajectoryTransitionsService);
    const active = await svc.activate(real.id, { version: real.version }, scope);
    await svc.dropOut(real.id, { version: active.version, date: '2025-01-20', reason: 'no_show' }, scope);
    expect(Object.keys(await of(real)).sort()).toEqual(['dropout', 'start']);
  });

  describe('per attended hour', () => {
    const hourly = (rate: number) =>
      SettlementWorld.create(t.db, ref.municipalities.Enschede, ref.products['Z-ROUTE'], {
        billingBasis: 'per_attended_hour',
        priceCents: 0,
        hourlyRateCents: rate,
        milestones: [],
        dropoutRule: 'none',
      });

    it('one event per month, dated its last day, rounded half up, cut at the contracted hours over the life', async () => {
      const w = await hourly(4501);
      const tr = await w.trajectory({ contractedHours: 2 });
      await w.attend(tr, '2025-01-13', 45, 60);
      await w.attend(tr, '2025-01-20', 45, 60); // January: 90 min → 90 × 45.01 / 60 = 67.515 → 6752
      await w.attend(tr, '2024-12-30', 0, 60); // December: no attended minutes, no event
      await w.attend(tr, '2025-02-03', 60, 60); // February: 60, cut to 30 → 2250.5 → 2251
      await w.attend(tr, '2025-03-03', 60, 60); // March: cut to 0 → 0 cents
      const e = await of(tr);
      expect(Object.keys(e).sort()).toEqual(['hours:2025-01', 'hours:2025-02', 'hours:2025-03']);
      expect(e['hours:2025-01']).toMatchObject({ eventDate: '2025-01-31', minutes: 90, amountCents: 6752 });
      expect(e['hours:2025-02']).toMatchObject({ eventDate: '2025-02-28', minutes: 30, amountCents: 2251 });
      expect(e['hours:2025-03']).toMatchObject({ eventDate: '2025-03-31', minutes: 0, amountCents: 0 });
    });

    it('an absence reported in advance adds no minutes', async () => {
      const w = await hourly(6000);
      const tr = await w.trajectory({ contractedHours: 100 });
      await w.attend(tr, '2025-05-05', 60, 60);
      await w.attend(tr, '2026-08-03', 0, 60, { reportedInAdvance: true });
      expect(Object.keys(await of(tr))).toEqual(['hours:2025-05']);
    });
  });
});
