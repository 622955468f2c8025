import { MunicipalityRow } from '../../src/modules/reports/spil-report.repository';
import { SpilReport, SpilReportService } from '../../src/modules/reports/spil-report.service';
import { seedSpilDataset, SPIL_FROM, SPIL_TARGETS, SPIL_TO, SPIL_TODAY, SpilDataset } from '../factories/spil-dataset.factory';
import { createServiceContext, ServiceContext } from '../helpers/service-context';

/**
 * SPIL indicators at the service level (no HTTP) on the crafted dataset of spil-dataset.factory.ts; every expected
 * figure is worked out by hand from DOMAIN.md "SPIL indicators" in the comments.
 */
describe('SPIL report service (crafted dataset)', () => {
  let ctx: ServiceContext;
  let service: SpilReportService;
  let data: SpilDataset;
  let all: MunicipalityRow[];
  let q1: SpilReport;

  beforeAll(async () => {
    ctx = await createServiceContext();
    data = await seedSpilDataset(ctx.db);
    service = ctx.get(SpilReportService);
    all = (await service.resolveMunicipalities(null, { role: 'coordinator', userId: '00000000-0000-0000-0000-000000000001', municipalityId: null, learnerId: null })).list;
    q1 = await service.compute(all, true, SPIL_FROM, SPIL_TO, SPIL_TODAY);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const of = (r: SpilReport, name: string) => {
    const m = r.municipalities.find((x) => x.municipality.name === name);
    if (!m) throw new Error(`no ${name}`);
    return m;
  };

  it('counts trajectories: in scope (not planned, overlapping the period), started, completed, dropouts neutral apart', () => {
    const e = of(q1, 'Enschede').indicators;
    // t1, t2, t3, t4, t5, t10, t11; not t6 (starts after), t7 (planned), t8 (ended before).
    expect(e.in_scope.value).toBe(7);
    expect(e.started.value).toBe(2); // t4 15-01, t5 10-02
    expect(e.completed.value).toBe(1); // t2; t10 ends after the period
    expect(e.dropped_out.value).toBe(2); // t3 moved, t4 motivation_absence
    expect(e.dropped_out_neutral.value).toBe(1);
    expect(e.dropouts_by_reason.moved).toMatchObject({ value: 1, neutral: true });
    expect(e.dropouts_by_reason.motivation_absence).toMatchObject({ value: 1, neutral: false });
    expect(e.dropouts_by_reason.no_show.value).toBe(0);
    expect(e.dropout_rate).toEqual({ value: 1 / 7, target: 0.2, met: true, numerator: 1, denominator: 7 });
    expect(e.rendement).toEqual({ value: 0.5, target: 0.5, met: true, numerator: 1, denominator: 2 });
  });

  it('sums attendance of in-scope trajectories for lessons in the period (late minutes, authorised, online; advance absence after today left out)', () => {
    const e = of(q1, 'Enschede').indicators;
    // lx1 4×180 (510 attended: present, late 30, unauthorised, present); lx2 4×120 online (340: present,
    // authorised, present, late 20); lx3 3×180 (360: unauthorised, present, present); lz1 120 online present.
    expect(e.registered_minutes.value).toBe(1860);
    expect(e.attended_minutes.value).toBe(1330);
    expect(e.attendance_rate).toEqual({ value: 1330 / 1860, target: 0.8, met: false, numerator: 1330, denominator: 1860 });
    expect(e.attendance_rate_excl_authorised).toEqual({ value: 1330 / 1740, target: 0.75, met: true, numerator: 1330, denominator: 1740 });
    expect(e.absent_authorised_hours.value).toBe(2);
    expect(e.absent_unauthorised_hours.value).toBe(6);
    expect(e.attended_hours_physical.value).toBe(870 / 60);
    expect(e.attended_hours_online.value).toBe(460 / 60);
  });

  it('registration completeness: registered ÷ expected pairs up to today (cancelled lesson, missing register, mid-period start)', () => {
    // G1 lessons up to 15-03: 06-01, 03-02, 17-02, 03-03 (no register); 10-03 cancelled; 17-03 after today.
    // t1 4, t2 2 (ends 14-02), t3 1 (ends 31-01), t4 3, t5 2 (starts 10-02), t10 4, t11 1 (G2) = 17; registered 12.
    expect(of(q1, 'Enschede').indicators.registration_completeness).toEqual({ value: 12 / 17, target: 0.9, met: false, numerator: 12, denominator: 17 });
  });

  it('target reached, level gain (a failed assessment never raises a level) and exam pass rate', () => {
    const e = of(q1, 'Enschede').indicators;
    // Ended in the period with targets: t2 (reading B1 by 01-02, knm passed 20-01: reached), t4 (reading B1
    // failed: still A1). t3 has no targets.
    expect(e.target_reached_rate).toEqual({ value: 0.5, target: 0.5, met: true, numerator: 1, denominator: 2 });
    // reading: t1 A1→A2 (+1), t2 A2→B1 (+1), t4 A1→A1 (failed B1), t5 A0→A1 (+1), t10 A2→B1 (25-03, +1) = 4/5.
    expect(e.level_gain.reading).toMatchObject({ value: 0.8, numerator: 4, denominator: 5, target: null, met: null });
    expect(e.level_gain.listening).toMatchObject({ value: 0, denominator: 1 });
    expect(e.level_gain.writing).toMatchObject({ value: 0, denominator: 1 });
    // t10 speaking B1 on 10-04 lies after `to`.
    expect(e.level_gain.speaking).toMatchObject({ value: 0, denominator: 1 });
    // Exams in the period: t2 passed, t4 failed, t10 passed; t1's exam of 05-04 is outside.
    expect(e.exam_pass_rate).toEqual({ value: 2 / 3, target: 0.6, met: true, numerator: 2, denominator: 3 });
  });

  it('signals, portfolio completeness (approved by the end of `to` in Amsterdam), Z-route hours', () => {
    const e = of(q1, 'Enschede').indicators;
    expect(e.signals_raised.value).toBe(1);
    // t1 work + housing (23:30 on 31-03 Amsterdam) = 2/5; t2 1/5; t11 (Z) 1/4; four more B1 at 0: 0.85 / 7.
    expect(e.portfolio_completeness.denominator).toBe(7);
    expect(e.portfolio_completeness.numerator).toBeCloseTo(0.85, 12);
    expect(e.portfolio_completeness.value).toBeCloseTo(0.85 / 7, 12);
    expect(e.portfolio_completeness.met).toBe(false);
    // t2's level certificate (highest level B1) and completion, t1's participation (revoked later, still issued
    // in the period); t10's of 20-04 lies after `to`.
    expect(e.certificates_issued.level.B1.value).toBe(1);
    expect(e.certificates_issued.completion.all.value).toBe(1);
    expect(e.certificates_issued.participation.all.value).toBe(1);
    expect(e.certificates_issued.total?.value).toBe(3);
    expect(q1.total!.indicators.certificates_issued.level).toMatchObject({ A2: { value: 1 }, B1: { value: 1 } });
    // t11: lessons 180 + 120 min up to `to`; participation 180 min (the entry of 02-04 lies after `to`).
    expect(e.z_route).toMatchObject({ trajectories: 1, languageHours: 5, participationHours: 3, languageNormMet: 0, participationNormMet: 0, value: 0, numerator: 0, denominator: 1 });
  });

  it('a municipality without a contract valid on the last day has no targets; the region total is over all records', () => {
    const h = of(q1, 'Hengelo');
    expect(h.contract).toBeNull();
    expect(h.indicators.attendance_rate).toEqual({ value: 120 / 180, target: null, met: null, numerator: 120, denominator: 180 });
    const t = q1.total!.indicators;
    expect(t.in_scope.value).toBe(8);
    expect(t.dropout_rate).toMatchObject({ value: 1 / 8, numerator: 1, denominator: 8, target: null, met: null });
    // Not the mean of the municipalities' rates: (1330 + 120) ÷ (1860 + 180).
    expect(t.attendance_rate).toMatchObject({ value: 1450 / 2040, numerator: 1450, denominator: 2040 });
    expect(t.registration_completeness).toMatchObject({ numerator: 13, denominator: 18 });
    expect(t.signals_raised.value).toBe(2);
    expect(t.portfolio_completeness.denominator).toBe(8);
    expect(of(q1, 'Almelo').indicators.attendance_rate.value).toBeNull();
    expect(q1.municipalities).toHaveLength(14);
  });

  it('monthly series per calendar month, first and last month clipped', async () => {
    const m = of(q1, 'Enschede').monthly;
    expect(m.map((p) => [p.from, p.to])).toEqual([
      ['2025-01-01', '2025-01-31'],
      ['2025-02-01', '2025-02-28'],
      ['2025-03-01', '2025-03-31'],
    ]);
    expect(m[0]).toMatchObject({ attendance_rate: { value: 630 / 840 }, attended_hours: 630 / 60, started: 1, completed: 0, dropped_out: 1 });
    expect(m[1]).toMatchObject({ attendance_rate: { value: 700 / 1020 }, started: 1, completed: 1, dropped_out: 0 });
    expect(m[2]).toMatchObject({ attendance_rate: { value: null }, attended_hours: 0, dropped_out: 1 });

    const clipped = await service.compute(all.filter((x) => x.name === 'Enschede'), false, '2025-01-15', '2025-02-20', SPIL_TODAY);
    const c = clipped.municipalities[0].monthly;
    expect(c.map((p) => [p.from, p.to])).toEqual([
      ['2025-01-15', '2025-01-31'],
      ['2025-02-01', '2025-02-20'],
    ]);
    expect(c[0]).toMatchObject({ attendance_rate: { value: null }, started: 1, dropped_out: 1 });
    expect(c[1]).toMatchObject({ attendance_rate: { value: 700 / 1020, numerator: 700, denominator: 1020 }, started: 1, completed: 1 });
    expect(clipped.total).toBeNull();
  });

  it('a period without records: every rate null and neither met nor not met, counts 0', async () => {
    const r = await service.compute(all.filter((x) => x.name === 'Enschede'), false, '2023-01-01', '2023-03-31', SPIL_TODAY);
    const e = r.municipalities[0].indicators;
    // The 2023-2024 contract is valid on 31-03-2023: targets are shown, but nothing is met or not met.
    expect(e.attendance_rate).toEqual({ value: null, target: 0.99, met: null, numerator: 0, denominator: 0 });
    for (const name of ['dropout_rate', 'rendement', 'attendance_rate_excl_authorised', 'registration_completeness', 'target_reached_rate', 'exam_pass_rate', 'portfolio_completeness'] as const) {
      expect(e[name].value).toBeNull();
      expect(e[name].met).toBeNull();
    }
    expect(e.level_gain.reading.value).toBeNull();
    expect(e.in_scope.value).toBe(0);
    expect(e.absent_authorised_hours.value).toBe(0);
    expect(JSON.stringify(r)).not.toMatch(/NaN/);
  });

  it('uses the targets of the contract valid on the last day of the period', () => {
    expect(of(q1, 'Enschede').contract?.targets).toEqual(SPIL_TARGETS);
    expect(data.enschede).toBeTruthy();
  });
});
