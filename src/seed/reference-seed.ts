import { EntityManager } from 'typeorm';
import { TWENTE_MUNICIPALITIES } from '../modules/municipalities/twente';
import { STANDARD_PRODUCTS } from '../modules/products/standard-products';

/** Ids of the reference data by natural key. */
export interface SeedReference {
  /** cbs code → id */
  municipalities: Record<string, string>;
  /** product code → id */
  products: Record<string, string>;
  /** cbs code → contract id */
  contracts: Record<string, string>;
}

export const CONTRACT_VALID_FROM = '2024-01-01';
export const CONTRACT_VALID_TO = '2027-12-31';

/** Municipalities that buy the B1-route per attended hour instead of per trajectory. */
const HOURLY_B1 = new Set(['GM0141', 'GM0164', 'GM0189']);

const SPIL_TARGETS = {
  dropout_rate: 0.15,
  rendement: 0.7,
  attendance_rate: 0.85,
  attendance_rate_excl_authorised: 0.9,
  registration_completeness: 0.95,
  target_reached_rate: 0.6,
  exam_pass_rate: 0.75,
};

const MILESTONES = [
  { kind: 'start', percent: 30 },
  { kind: 'halfway', percent: 40 },
  { kind: 'completion', percent: 30 },
];

interface ContractLine {
  code: string;
  basis: 'per_trajectory' | 'per_attended_hour';
  price: number;
  hourly: number;
  examBonus: number;
  dropoutRule: 'pro_rata_hours' | 'none';
}

function contractLines(cbs: string): ContractLine[] {
  const b1: ContractLine = HOURLY_B1.has(cbs)
    ? { code: 'B1-ROUTE', basis: 'per_attended_hour', price: 0, hourly: 7_850, examBonus: 0, dropoutRule: 'none' }
    : { code: 'B1-ROUTE', basis: 'per_trajectory', price: 1_000_000, hourly: 0, examBonus: 50_000, dropoutRule: 'pro_rata_hours' };
  return [
    b1,
    { code: 'ONDERWIJSROUTE', basis: 'per_trajectory', price: 1_150_000, hourly: 0, examBonus: 75_000, dropoutRule: 'pro_rata_hours' },
    { code: 'Z-ROUTE', basis: 'per_attended_hour', price: 0, hourly: 6_950, examBonus: 0, dropoutRule: 'none' },
    { code: 'ALFA', basis: 'per_trajectory', price: 780_000, hourly: 0, examBonus: 25_000, dropoutRule: 'pro_rata_hours' },
  ];
}

export const contractReference = (cbs: string): string => `TW-${cbs}-2024`;

/** Upserts the 14 municipalities, the 4 standard products and one contract per municipality. */
export async function upsertReference(m: EntityManager): Promise<SeedReference> {
  const municipalities: Record<string, string> = {};
  for (const mun of TWENTE_MUNICIPALITIES) {
    const [row] = await m.query(
      `INSERT INTO municipality (cbs_code, name, debtor_number) VALUES ($1, $2, $3)
       ON CONFLICT (cbs_code) DO UPDATE SET name = EXCLUDED.name,
         debtor_number = COALESCE(municipality.debtor_number, EXCLUDED.debtor_number)
       RETURNING id`,
      [mun.cbsCode, mun.name, `DEB-${mun.cbsCode.slice(2)}`],
    );
    municipalities[mun.cbsCode] = row.id;
  }
  const products: Record<string, string> = {};
  for (const p of STANDARD_PRODUCTS) {
    // Products are configurable afterwards: an existing product keeps its settings.
    const [row] = await m.query(
      `INSERT INTO product (code, name, legal_regime, contracted_hours, planned_duration_weeks, default_targets, required_domains, participation_norm)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
      [p.code, p.name, p.legalRegime, p.contractedHours, p.plannedDurationWeeks, JSON.stringify(p.defaultTargets), [...p.requiredDomains], p.participationNorm],
    );
    products[p.code] = row.id;
  }
  const contracts: Record<string, string> = {};
  for (const mun of TWENTE_MUNICIPALITIES) {
    const cbs = mun.cbsCode;
    // Enschede agreed a stricter R2 threshold (12 h in 28 days) than the default 16 h.
    const r2Minutes = cbs === 'GM0153' ? 720 : 960;
    const [row] = await m.query(
      `INSERT INTO contract (municipality_id, reference, name, valid_from, valid_to, vat_rate_basis_points, r1_consecutive_lessons, r2_window_days, r2_unauthorised_minutes, spil_targets)
       VALUES ($1, $2, $3, $4, $5, 0, 3, 28, $6, $7)
       ON CONFLICT (reference) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [municipalities[cbs], contractReference(cbs), `Inburgering ${mun.name} 2024-2027`, CONTRACT_VALID_FROM, CONTRACT_VALID_TO, r2Minutes, JSON.stringify(SPIL_TARGETS)],
    );
    contracts[cbs] = row.id;
    for (const line of contractLines(cbs)) {
      await m.query(
        `INSERT INTO contract_product (contract_id, product_id, billing_basis, price_cents, hourly_rate_cents, milestones, exam_bonus_cents, dropout_rule)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (contract_id, product_id) DO NOTHING`,
        [row.id, products[line.code], line.basis, line.price, line.hourly, JSON.stringify(line.basis === 'per_trajectory' ? MILESTONES : []), line.examBonus, line.dropoutRule],
      );
    }
  }
  return { municipalities, products, contracts };
}
