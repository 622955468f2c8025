import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { ContractProductRow } from './contract-rules';
import { ContractQueryDto } from './dto/contract.dto';
import { ContractDetailView, ContractProductView, ContractView } from './dto/contract-view.dto';

const SORTS = { validFrom: 'c.valid_from', reference: 'c.reference', name: 'c.name' };

const CONTRACT_COLUMNS = `c.id, c.municipality_id AS "municipalityId", m.name AS "municipalityName", c.reference, c.name,
  to_char(c.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(c.valid_to, 'YYYY-MM-DD') AS "validTo",
  c.vat_rate_basis_points AS "vatRateBasisPoints", c.r1_consecutive_lessons AS "r1ConsecutiveLessons",
  c.r2_window_days AS "r2WindowDays", c.r2_unauthorised_minutes AS "r2UnauthorisedMinutes",
  c.spil_targets AS "spilTargets", c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** Contracts with their products; a municipality user sees only its own municipality's contracts. */
@Injectable()
export class ContractRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPageInScope(q: ContractQueryDto, scope: Scope): Promise<Page<ContractView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (scope.role === 'municipality') add((p) => `c.municipality_id = ${p}`, scope.municipalityId);
    if (q.municipalityId) add((p) => `c.municipality_id = ${p}`, q.municipalityId);
    if (q.activeOn) add((p) => `c.valid_from <= ${p}::date AND (c.valid_to IS NULL OR c.valid_to >= ${p}::date)`, q.activeOn);
    if (q.search) add((p) => `(c.reference ILIKE ${p} OR c.name ILIKE ${p})`, `%${q.search.replace(/[%_\\]/g, '\\$&')}%`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = orderBySql(parseSort(q.sort, SORTS, '-validFrom'), 'c.id');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM contract c ${whereSql}`, params);
    const items = await this.db.query(
      `SELECT ${CONTRACT_COLUMNS} FROM contract c JOIN municipality m ON m.id = c.municipality_id ${whereSql}
        ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(items, total, q);
  }

  /** null when the contract does not exist or is outside the caller's scope. */
  async findDetailInScope(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<ContractDetailView | null> {
    const params: unknown[] = [id];
    let own = '';
    if (scope.role === 'municipality') {
      params.push(scope.municipalityId);
      own = 'AND c.municipality_id = $2';
    }
    const rows: ContractView[] = await m.query(
      `SELECT ${CONTRACT_COLUMNS} FROM contract c JOIN municipality m ON m.id = c.municipality_id WHERE c.id = $1 ${own}`,
      params,
    );
    if (!rows.length) return null;
    const products: ContractProductView[] = await m.query(
      `SELECT cp.id, cp.product_id AS "productId", p.code AS "productCode", p.name AS "productName",
              cp.billing_basis AS "billingBasis", cp.price_cents AS "priceCents", cp.hourly_rate_cents AS "hourlyRateCents",
              cp.milestones, cp.exam_bonus_cents AS "examBonusCents", cp.dropout_rule AS "dropoutRule"
         FROM contract_product cp JOIN product p ON p.id = cp.product_id
        WHERE cp.contract_id = $1 ORDER BY p.code`,
      [id],
    );
    return { ...rows[0], products };
  }

  async municipalityExists(m: EntityManager, id: string): Promise<boolean> {
    const rows = await m.query('SELECT 1 FROM municipality WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** The given product ids that exist. */
  async existingProductIds(m: EntityManager, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await m.query('SELECT id FROM product WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Products of this contract that trajectories use but that the new list leaves out. */
  async productIdsInUseOutside(m: EntityManager, contractId: string, keep: string[]): Promise<string[]> {
    const rows: { productId: string }[] = await m.query(
      `SELECT DISTINCT product_id AS "productId" FROM trajectory WHERE contract_id = $1 AND NOT (product_id = ANY($2::uuid[]))`,
      [contractId, keep],
    );
    return rows.map((r) => r.productId);
  }

  /** Replaces the contract's products; kept products keep their row id. */
  async replaceProducts(m: EntityManager, contractId: string, rows: ContractProductRow[]): Promise<void> {
    await m.query(`DELETE FROM contract_product WHERE contract_id = $1 AND NOT (product_id = ANY($2::uuid[]))`, [
      contractId,
      rows.map((r) => r.productId),
    ]);
    for (const r of rows) {
      await m.query(
        `INSERT INTO contract_product (contract_id, product_id, billing_basis, price_cents, hourly_rate_cents, milestones, exam_bonus_cents, dropout_rule)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
         ON CONFLICT (contract_id, product_id) DO UPDATE SET billing_basis = EXCLUDED.billing_basis, price_cents = EXCLUDED.price_cents,
           hourly_rate_cents = EXCLUDED.hourly_rate_cents, milestones = EXCLUDED.milestones,
           exam_bonus_cents = EXCLUDED.exam_bonus_cents, dropout_rule = EXCLUDED.dropout_rule`,
        [contractId, r.productId, r.billingBasis, r.priceCents, r.hourlyRateCents, JSON.stringify(r.milestones), r.examBonusCents, r.dropoutRule],
      );
    }
  }
}
