import {
  toContractProductRow,
  validateContractProduct,
  validateContractProducts,
  validateMilestones,
  validatePeriod,
  validateSpilTargets,
} from './contract-rules';

const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const fields = (errs: { field: string }[]) => errs.map((e) => e.field);

describe('validateMilestones', () => {
  const f = 'products[0].milestones';
  it('accepts percents adding up to exactly 100 with a completion milestone', () => {
    expect(validateMilestones([{ kind: 'start', percent: 30 }, { kind: 'halfway', percent: 40 }, { kind: 'completion', percent: 30 }], f)).toEqual([]);
    expect(validateMilestones([{ kind: 'completion', percent: 100 }], f)).toEqual([]);
    expect(validateMilestones([{ kind: 'start', percent: 100 }, { kind: 'completion', percent: 0 }], f)).toEqual([]);
  });
  it.each([
    ['sum below 100', [{ kind: 'start', percent: 30 }, { kind: 'completion', percent: 60 }], /add up to exactly 100 .*90/],
    ['sum above 100', [{ kind: 'start', percent: 50 }, { kind: 'completion', percent: 51 }], /add up to exactly 100 .*101/],
    ['missing completion', [{ kind: 'start', percent: 50 }, { kind: 'halfway', percent: 50 }], /completion/],
    ['duplicate kind', [{ kind: 'start', percent: 50 }, { kind: 'start', percent: 20 }, { kind: 'completion', percent: 30 }], /start appears more than once/],
    ['fraction', [{ kind: 'start', percent: 33.5 }, { kind: 'completion', percent: 66.5 }], /whole numbers/],
    ['negative', [{ kind: 'start', percent: -10 }, { kind: 'completion', percent: 110 }], /whole numbers/],
    ['unknown kind', [{ kind: 'exam', percent: 10 }, { kind: 'completion', percent: 90 }], /unknown kind exam/],
    ['empty', [], /required/],
  ])('rejects %s, naming the milestones field', (_name, ms, message) => {
    const errs = validateMilestones(ms, f);
    expect(errs).toHaveLength(1);
    expect(errs[0].field).toBe(f);
    expect(errs[0].message).toMatch(message);
  });
  it('requires milestones when absent', () => {
    expect(fields(validateMilestones(undefined, f))).toEqual([f]);
  });
});

describe('validateContractProduct(s)', () => {
  const perTrajectory = {
    productId: P1,
    billingBasis: 'per_trajectory',
    priceCents: 1_000_000,
    milestones: [{ kind: 'start', percent: 30 }, { kind: 'completion', percent: 70 }],
    dropoutRule: 'pro_rata_hours',
  };
  const perHour = { productId: P2, billingBasis: 'per_attended_hour', hourlyRateCents: 4500 };

  it('accepts a valid per_trajectory and per_attended_hour product', () => {
    expect(validateContractProducts([perTrajectory, perHour])).toEqual([]);
  });
  it('requires priceCents and milestones for per_trajectory', () => {
    expect(fields(validateContractProduct({ productId: P1, billingBasis: 'per_trajectory' }, 'products[0]'))).toEqual([
      'products[0].priceCents',
      'products[0].milestones',
    ]);
  });
  it('requires hourlyRateCents for per_attended_hour and refuses per-trajectory fields there', () => {
    expect(fields(validateContractProduct({ productId: P2, billingBasis: 'per_attended_hour' }, 'products[1]'))).toEqual(['products[1].hourlyRateCents']);
    const errs = validateContractProduct(
      { ...perHour, priceCents: 100, milestones: [{ kind: 'completion', percent: 100 }], examBonusCents: 5, dropoutRule: 'pro_rata_hours' },
      'products[0]',
    );
    expect(fields(errs)).toEqual(['products[0].priceCents', 'products[0].milestones', 'products[0].examBonusCents', 'products[0].dropoutRule']);
  });
  it('refuses an hourly rate on a per_trajectory product, but tolerates an explicit 0', () => {
    expect(fields(validateContractProduct({ ...perTrajectory, hourlyRateCents: 10 }, 'products[0]'))).toEqual(['products[0].hourlyRateCents']);
    expect(validateContractProduct({ ...perTrajectory, hourlyRateCents: 0 }, 'products[0]')).toEqual([]);
  });
  it('refuses the same product twice in one contract, naming the second', () => {
    expect(fields(validateContractProducts([perTrajectory, { ...perTrajectory }]))).toEqual(['products[1].productId']);
  });
  it('indexes errors by position', () => {
    const errs = validateContractProducts([perHour, { ...perTrajectory, milestones: [{ kind: 'completion', percent: 99 }] }]);
    expect(fields(errs)).toEqual(['products[1].milestones']);
  });
});

describe('toContractProductRow', () => {
  it('orders milestones start → halfway → completion and zeroes fields of the other basis', () => {
    const row = toContractProductRow({
      productId: P1,
      billingBasis: 'per_trajectory',
      priceCents: 500,
      milestones: [{ kind: 'completion', percent: 30 }, { kind: 'start', percent: 30 }, { kind: 'halfway', percent: 40 }],
    });
    expect(row).toEqual({
      productId: P1,
      billingBasis: 'per_trajectory',
      priceCents: 500,
      hourlyRateCents: 0,
      milestones: [{ kind: 'start', percent: 30 }, { kind: 'halfway', percent: 40 }, { kind: 'completion', percent: 30 }],
      examBonusCents: 0,
      dropoutRule: 'none',
    });
    expect(toContractProductRow({ productId: P2, billingBasis: 'per_attended_hour', hourlyRateCents: 4500 })).toMatchObject({ priceCents: 0, milestones: [], hourlyRateCents: 4500 });
  });
});

describe('validateSpilTargets and validatePeriod', () => {
  it('accepts known indicators with rates 0..1', () => {
    expect(validateSpilTargets({ dropout_rate: 0.15, rendement: 0.8, attendance_rate: 1, exam_pass_rate: 0 })).toEqual([]);
  });
  it('names unknown indicators and out-of-range or non-numeric values', () => {
    expect(fields(validateSpilTargets({ happiness: 0.5, rendement: 1.2, attendance_rate: '0.8' }))).toEqual([
      'spilTargets.happiness',
      'spilTargets.rendement',
      'spilTargets.attendance_rate',
    ]);
  });
  it('requires validTo on or after validFrom', () => {
    expect(validatePeriod('2025-01-01', '2025-01-01')).toEqual([]);
    expect(validatePeriod('2025-01-01', null)).toEqual([]);
    expect(fields(validatePeriod('2025-01-02', '2025-01-01'))).toEqual(['validTo']);
  });
});
