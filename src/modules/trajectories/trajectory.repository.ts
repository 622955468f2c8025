import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { visibleFields } from '../../common/auth/field-visibility';
import { Scope } from '../../common/auth/scope';
import { withLatinName } from '../../common/domain/latin-name';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { learnerSearchSql } from '../learners/learner-search';
import { TrajectoryQueryDto } from './dto/trajectory-query.dto';
import { TrajectoryViewDto } from './dto/trajectory-view.dto';
import { Trajectory } from './entities/trajectory.entity';
import { queryPage } from '../../database/paged-query';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';

const SORTS = {
  startDate: 't.start_date',
  plannedEndDate: 't.planned_end_date',
  status: 't.status',
  createdAt: 't.created_at',
};

// Dates as text: node-postgres would turn a `date` into a local-midnight Date.
const VIEW_SELECT = `
  SELECT t.id, t.status,
         t.learner_id AS "learnerId",
         json_build_object('id', l.id, 'learnerNumber', l.learner_number, 'firstName', l.first_name, 'lastName', l.last_name) AS learner,
         t.municipality_id AS "municipalityId",
         json_build_object('id', mu.id, 'name', mu.name, 'cbsCode', mu.cbs_code) AS municipality,
         t.contract_id AS "contractId",
         json_build_object('id', c.id, 'reference', c.reference) AS contract,
         t.product_id AS "productId",
         json_build_object('id', p.id, 'code', p.code, 'name', p.name) AS product,
         t.legal_regime AS "legalRegime",
         to_char(t.start_date, 'YYYY-MM-DD') AS "startDate",
         to_char(t.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate",
         to_char(t.end_date, 'YYYY-MM-DD') AS "endDate",
         to_char(t.pip_date, 'YYYY-MM-DD') AS "pipDate",
         -- The term is the inburgeraar's: it runs from its first PIP date, also after a route switch.
         to_char(koers_wi2021_term_end(t.legal_regime,
                   (SELECT min(t1.pip_date) FROM trajectory t1 WHERE t1.learner_id = t.learner_id AND t1.legal_regime = 'wi2021')),
                 'YYYY-MM-DD') AS "termEndDate",
         t.contracted_hours AS "contractedHours",
         t.target_levels AS "targetLevels", t.plan, t.integration_agreement AS "integrationAgreement",
         t.dropout_reason AS "dropoutReason", t.dropout_note AS "dropoutNote",
         t.version, t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

const VIEW_FROM = `
    FROM trajectory t
    JOIN learner l ON l.id = t.learner_id
    JOIN municipality mu ON mu.id = t.municipality_id
    JOIN contract c ON c.id = t.contract_id
    JOIN product p ON p.id = t.product_id`;

/** The row as the caller's role may see it, the plan's parts too (src/common/auth/field-visibility.ts). */
export function trajectoryView(row: TrajectoryViewDto, scope: Scope): TrajectoryViewDto {
  const view = visibleFields('trajectory', scope.role, { ...row, learner: withLatinName(row.learner) });
  if (view.plan) view.plan = visibleFields('plan', scope.role, view.plan);
  return view;
}

/** The state a write decides on. */
export interface TrajectoryState {
  id: string;
  status: string;
  version: number;
  startDate: string;
  plannedEndDate: string;
  contractId: string;
}

/** Column (snake_case) → new value; objects are stored as jsonb. */
export type TrajectoryColumns = Record<string, string | number | boolean | null | object>;

@Injectable()
export class TrajectoryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPageInScope(q: TrajectoryQueryDto, scope: Scope): Promise<Page<TrajectoryViewDto>> {
    const params: unknown[] = [];
    const where = [trajectoryScopeSql(scope, params)];
    const filters: Array<[unknown, string]> = [
      [q.status, 't.status'],
      [q.municipalityId, 't.municipality_id'],
      [q.learnerId, 't.learner_id'],
      [q.productId, 't.product_id'],
    ];
    for (const [value, column] of filters) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const search = q.search?.trim() ?? '';
    if (search) where.push(learnerSearchSql(search, params));
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const order = orderBySql(parseSort(q.sort, SORTS, '-startDate'), 't.id');
    // Count and pick the page on trajectory alone (learner only when searching), then join the 20 rows for display.
    const baseFrom = `FROM trajectory t${search ? ' JOIN learner l ON l.id = t.learner_id' : ''}`;
    const { total, rows: items } = await queryPage<TrajectoryViewDto>(
      this.db,
      `SELECT count(*)::int AS total ${baseFrom} ${whereSql}`,
      `WITH page AS (SELECT t.id ${baseFrom} ${whereSql}
                      ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)})
       ${VIEW_SELECT}, row_number() OVER (ORDER BY ${order}) AS __n ${VIEW_FROM} JOIN page ON page.id = t.id`,
      params,
    );
    return pageOf(items.map((r) => trajectoryView(r, scope)), total, q);
  }

  async findViewInScope(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<TrajectoryViewDto | null> {
    const params: unknown[] = [id];
    const rows = await m.query(`${VIEW_SELECT} ${VIEW_FROM} WHERE t.id = $1 AND ${trajectoryScopeSql(scope, params)}`, params);
    return rows[0] ? trajectoryView(rows[0], scope) : null;
  }

  async findState(m: EntityManager, id: string): Promise<TrajectoryState | null> {
    const rows = await m.query(
      `SELECT id, status, version, to_char(start_date, 'YYYY-MM-DD') AS "startDate",
              to_char(planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate", contract_id AS "contractId"
         FROM trajectory WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(m: EntityManager, values: Partial<Trajectory>): Promise<string> {
    const res = await m.insert(Trajectory, values);
    return res.identifiers[0].id as string;
  }

  /**
   * Optimistic update: changes the row only if it still has `version`; false when it did not
   * (someone else wrote first). Column names come from code, never from the request.
   */
  async updateVersioned(m: EntityManager, id: string, version: number, columns: TrajectoryColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(columns).map(([column, value]) => {
      const isJson = value !== null && typeof value === 'object';
      params.push(isJson ? JSON.stringify(value) : value);
      return `${column} = $${params.length}${isJson ? '::jsonb' : ''}`;
    });
    const [, affected] = await m.query(
      `UPDATE trajectory SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2`,
      params,
    );
    return affected === 1;
  }
}
