import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import {
  ProductSubtotalView,
  SettlementLineQueryDto,
  SettlementLineView,
  SettlementRunQueryDto,
  SettlementRunView,
  VatRateView,
} from './dto/settlement-run.dto';
import { basisText } from './settlement-format';

const SORTS = { periodFrom: 'r.period_from', periodTo: 'r.period_to', createdAt: 'r.created_at', invoiceNumber: 'r.invoice_number', status: 'r.status' };

const RUN_SELECT = `
  SELECT r.id, json_build_object('id', mu.id, 'name', mu.name, 'cbsCode', mu.cbs_code, 'debtorNumber', mu.debtor_number) AS municipality,
         to_char(r.period_from, 'YYYY-MM-DD') AS "periodFrom", to_char(r.period_to, 'YYYY-MM-DD') AS "periodTo", r.status,
         r.invoice_number AS "invoiceNumber", to_char(r.invoice_date, 'YYYY-MM-DD') AS "invoiceDate", r.line_count AS "lineCount",
         r.subtotal_cents::float8 AS "subtotalCents", r.vat_cents::float8 AS "vatCents", r.total_cents::float8 AS "totalCents",
         r.created_at AS "createdAt", r.computed_at AS "computedAt", r.finalised_at AS "finalisedAt"
    FROM settlement_run r JOIN municipality mu ON mu.id = r.municipality_id`;

/** A line with what the sheet, the CSV and the e-invoice print; bigint totals fit a JS number exactly (< 2^53). */
export interface LineRow extends SettlementLineView {
  priceCents: number;
  hourlyRateCents: number;
  contractedHours: number;
}

/**
 * Which runs a caller may read: municipality users only their own municipality's final runs (anything else is
 * "does not exist"); finance, admin and coordinators all.
 */
function runScopeSql(scope: Scope, params: unknown[]): string {
  if (scope.role === 'municipality') {
    if (!scope.municipalityId) return 'FALSE';
    params.push(scope.municipalityId);
    return `r.municipality_id = $${params.length}::uuid AND r.status = 'final'`;
  }
  return ['admin', 'finance', 'coordinator'].includes(scope.role) ? 'TRUE' : 'FALSE';
}

@Injectable()
export class SettlementReadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPageInScope(q: SettlementRunQueryDto, scope: Scope): Promise<Page<SettlementRunView>> {
    const params: unknown[] = [];
    const where = [runScopeSql(scope, params)];
    if (q.municipalityId) where.push(`r.municipality_id = $${params.push(q.municipalityId)}::uuid`);
    if (q.status) where.push(`r.status = $${params.push(q.status)}`);
    if (q.from) where.push(`r.period_to >= $${params.push(q.from)}::date`);
    if (q.to) where.push(`r.period_from <= $${params.push(q.to)}::date`);
    const order = orderBySql(parseSort(q.sort, SORTS, '-createdAt'), 'r.id');
    const w = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM settlement_run r WHERE ${w}`, params);
    const items = await this.db.query(
      `${RUN_SELECT} WHERE ${w} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(items, total, q);
  }

  async findOneInScope(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<SettlementRunView | null> {
    const params: unknown[] = [id];
    const [row] = await m.query(`${RUN_SELECT} WHERE r.id = $1 AND ${runScopeSql(scope, params)}`, params);
    return row ?? null;
  }

  async productSubtotals(runId: string, m: EntityManager = this.db.manager): Promise<ProductSubtotalView[]> {
    return m.query(
      `SELECT json_build_object('id', p.id, 'code', p.code, 'name', p.name) AS product, count(*)::int AS "lineCount",
              sum(l.amount_cents)::float8 AS "subtotalCents"
         FROM settlement_line l JOIN product p ON p.id = l.product_id
        WHERE l.run_id = $1 GROUP BY p.id ORDER BY p.name`,
      [runId],
    );
  }

  async vatRates(runId: string, m: EntityManager = this.db.manager): Promise<VatRateView[]> {
    return m.query(
      `SELECT bp AS "rateBasisPoints", net::float8 AS "netCents",
              (CASE WHEN net < 0 THEN -((-net * bp + 5000) / 10000) ELSE (net * bp + 5000) / 10000 END)::float8 AS "vatCents"
         FROM (SELECT l.vat_rate_basis_points AS bp, sum(l.amount_cents)::bigint AS net
                 FROM settlement_line l WHERE l.run_id = $1 GROUP BY l.vat_rate_basis_points) v
        ORDER BY bp`,
      [runId],
    );
  }

  /** Every line in order, a batch at a time (keyset on line_no), so a region's sheet never holds all lines at once. */
  async *lineBatches(runId: string, batchSize = 5000, m: EntityManager = this.db.manager): AsyncGenerator<LineRow[]> {
    let after = 0;
    for (;;) {
      const batch = await this.lines(runId, {}, m, { afterLineNo: after, limit: batchSize });
      if (!batch.length) return;
      yield batch;
      after = batch[batch.length - 1].lineNo;
    }
  }

  async lines(
    runId: string,
    f: SettlementLineQueryDto = {},
    m: EntityManager = this.db.manager,
    page: { afterLineNo?: number; limit?: number } = {},
  ): Promise<LineRow[]> {
    const params: unknown[] = [runId];
    const where = ['l.run_id = $1'];
    if (page.afterLineNo !== undefined) where.push(`l.line_no > $${params.push(page.afterLineNo)}`);
    if (f.productId) where.push(`l.product_id = $${params.push(f.productId)}::uuid`);
    if (f.milestone) where.push(`l.kind = $${params.push(f.milestone)}`);
    const rows: LineRow[] = await m.query(
      `SELECT l.id, l.line_no AS "lineNo", l.trajectory_id AS "trajectoryId", le.learner_number AS "learnerNumber",
              le.first_name || ' ' || le.last_name AS "learnerName",
              json_build_object('id', p.id, 'code', p.code, 'name', p.name) AS product,
              coalesce(cp.billing_basis, 'per_trajectory') AS "billingBasis", l.kind, l.event_key AS "eventKey",
              to_char(l.event_date, 'YYYY-MM-DD') AS "eventDate", l.percent, l.minutes, l.amount_cents AS "amountCents",
              l.vat_rate_basis_points AS "vatRateBasisPoints", l.late,
              CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('lineId', o.id, 'runId', o.run_id, 'invoiceNumber', orun.invoice_number, 'lineNo', o.line_no) END AS corrects,
              coalesce(cp.price_cents, 0) AS "priceCents", coalesce(cp.hourly_rate_cents, 0) AS "hourlyRateCents",
              t.contracted_hours AS "contractedHours"
         FROM settlement_line l
         JOIN trajectory t ON t.id = l.trajectory_id
         JOIN learner le ON le.id = t.learner_id
         JOIN product p ON p.id = l.product_id
         LEFT JOIN contract_product cp ON cp.contract_id = l.contract_id AND cp.product_id = l.product_id
         LEFT JOIN settlement_line o ON o.id = l.corrects_line_id
         LEFT JOIN settlement_run orun ON orun.id = o.run_id
        WHERE ${where.join(' AND ')}
        ORDER BY l.line_no${page.limit ? ` LIMIT ${Math.trunc(page.limit)}` : ''}`,
      params,
    );
    for (const r of rows) r.basis = basisText(r);
    return rows;
  }
}
