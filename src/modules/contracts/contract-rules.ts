import { FieldError } from '../../common/errors/domain.exception';
import { MILESTONE_KINDS } from '../../common/domain/vocabulary';

/** SPIL indicators a contract may set a target for; all are rates (fractions 0..1). */
export const SPIL_TARGET_INDICATORS = [
  'dropout_rate',
  'rendement',
  'attendance_rate',
  'attendance_rate_excl_authorised',
  'registration_completeness',
  'target_reached_rate',
  'exam_pass_rate',
  'portfolio_completeness',
] as const;

export interface MilestoneInput {
  kind: string;
  percent: number;
}

export interface ContractProductInput {
  productId: string;
  billingBasis: string;
  priceCents?: number | null;
  hourlyRateCents?: number | null;
  milestones?: MilestoneInput[] | null;
  examBonusCents?: number | null;
  dropoutRule?: string | null;
}

/** A contract_product row as stored: every money field set, milestones in start → completion order. */
export interface ContractProductRow {
  productId: string;
  billingBasis: string;
  priceCents: number;
  hourlyRateCents: number;
  milestones: MilestoneInput[];
  examBonusCents: number;
  dropoutRule: string;
}

const given = (v: unknown): boolean => v !== undefined && v !== null;
const nonZero = (v: number | null | undefined): boolean => given(v) && v !== 0;

/**
 * Milestones of a per_trajectory price: integer percents that add up to exactly
 * 100, each kind at most once, and `completion` present (it absorbs rounding).
 */
export function validateMilestones(milestones: MilestoneInput[] | null | undefined, field: string): FieldError[] {
  if (!milestones || milestones.length === 0) return [{ field, message: 'are required for billing basis per_trajectory (completion at least)' }];
  const kinds = milestones.map((m) => m.kind);
  const unknown = kinds.filter((k) => !(MILESTONE_KINDS as readonly string[]).includes(k));
  if (unknown.length) return [{ field, message: `unknown kind ${unknown.join(', ')}; use ${MILESTONE_KINDS.join(', ')}` }];
  const dup = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (dup) return [{ field, message: `kind ${dup} appears more than once` }];
  if (!kinds.includes('completion')) return [{ field, message: 'must include a completion milestone' }];
  if (milestones.some((m) => !Number.isInteger(m.percent) || m.percent < 0 || m.percent > 100)) {
    return [{ field, message: 'percents must be whole numbers from 0 to 100' }];
  }
  const sum = milestones.reduce((s, m) => s + m.percent, 0);
  if (sum !== 100) return [{ field, message: `percents must add up to exactly 100 (they add up to ${sum})` }];
  return [];
}

/** One contract product: which fields its billing basis requires and which it does not allow. */
export function validateContractProduct(p: ContractProductInput, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (p.billingBasis === 'per_trajectory') {
    if (!given(p.priceCents)) errors.push({ field: `${field}.priceCents`, message: 'is required for billing basis per_trajectory' });
    if (nonZero(p.hourlyRateCents)) errors.push({ field: `${field}.hourlyRateCents`, message: 'is only allowed for billing basis per_attended_hour' });
    errors.push(...validateMilestones(p.milestones, `${field}.milestones`));
  } else if (p.billingBasis === 'per_attended_hour') {
    if (!given(p.hourlyRateCents)) errors.push({ field: `${field}.hourlyRateCents`, message: 'is required for billing basis per_attended_hour' });
    if (nonZero(p.priceCents)) errors.push({ field: `${field}.priceCents`, message: 'is only allowed for billing basis per_trajectory' });
    if (p.milestones && p.milestones.length) errors.push({ field: `${field}.milestones`, message: 'are only allowed for billing basis per_trajectory' });
    if (nonZero(p.examBonusCents)) errors.push({ field: `${field}.examBonusCents`, message: 'is only allowed for billing basis per_trajectory' });
    if (p.dropoutRule === 'pro_rata_hours') errors.push({ field: `${field}.dropoutRule`, message: 'pro_rata_hours applies to billing basis per_trajectory only' });
  } else {
    errors.push({ field: `${field}.billingBasis`, message: 'must be per_trajectory or per_attended_hour' });
  }
  return errors;
}

/** All products of a contract; a product may appear only once. Fields are named `products[i].…`. */
export function validateContractProducts(products: ContractProductInput[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  products.forEach((p, i) => {
    const field = `products[${i}]`;
    if (seen.has(p.productId)) errors.push({ field: `${field}.productId`, message: 'appears more than once in this contract' });
    seen.add(p.productId);
    errors.push(...validateContractProduct(p, field));
  });
  return errors;
}

/** The stored form of a valid contract product (call validateContractProducts first). */
export function toContractProductRow(p: ContractProductInput): ContractProductRow {
  const perTrajectory = p.billingBasis === 'per_trajectory';
  const order = (k: string): number => (MILESTONE_KINDS as readonly string[]).indexOf(k);
  return {
    productId: p.productId,
    billingBasis: p.billingBasis,
    priceCents: perTrajectory ? (p.priceCents ?? 0) : 0,
    hourlyRateCents: perTrajectory ? 0 : (p.hourlyRateCents ?? 0),
    milestones: perTrajectory ? [...(p.milestones ?? [])].sort((a, b) => order(a.kind) - order(b.kind)).map((m) => ({ kind: m.kind, percent: m.percent })) : [],
    examBonusCents: perTrajectory ? (p.examBonusCents ?? 0) : 0,
    dropoutRule: p.dropoutRule ?? 'none',
  };
}

/** SPIL targets: known indicator names only, each a number from 0 to 1. */
export function validateSpilTargets(targets: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(targets)) {
    const field = `spilTargets.${key}`;
    if (!(SPIL_TARGET_INDICATORS as readonly string[]).includes(key)) {
      errors.push({ field, message: `is not a SPIL indicator with a target; use one of: ${SPIL_TARGET_INDICATORS.join(', ')}` });
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      errors.push({ field, message: 'must be a rate from 0 to 1' });
    }
  }
  return errors;
}

/** validTo, when set, is on or after validFrom (both YYYY-MM-DD, so text order is date order). */
export function validatePeriod(validFrom: string, validTo: string | null | undefined): FieldError[] {
  return validTo && validTo < validFrom ? [{ field: 'validTo', message: `must be on or after validFrom (${validFrom})` }] : [];
}
