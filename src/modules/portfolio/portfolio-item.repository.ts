import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { PortfolioItemQueryDto } from './dto/portfolio-item-query.dto';
import { PortfolioItemView } from './dto/portfolio-item.dto';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';

const SORTS = { createdAt: 'pi.created_at', updatedAt: 'pi.updated_at', title: 'pi.title', domain: 'pi.domain', status: 'pi.status' };

const ITEM_COLUMNS = `pi.id, pi.trajectory_id AS "trajectoryId", pi.domain, pi.title, pi.description, pi.status, pi.feedback,
  pi.submitted_at AS "submittedAt", pi.reviewed_by AS "reviewedBy", pi.reviewed_at AS "reviewedAt", pi.version,
  pi.created_at AS "createdAt", pi.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM portfolio_evidence pe WHERE pe.item_id = pi.id) AS "evidenceCount"`;

export interface TrajectoryRef {
  id: string;
  status: string;
  learnerId: string;
}

/** A locked item with what the write rules need. */
export interface LockedItem {
  id: string;
  trajectoryId: string;
  status: string;
  version: number;
  trajectoryStatus: string;
}

@Injectable()
export class PortfolioItemRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findTrajectoryInScope(trajectoryId: string, scope: Scope, m: EntityManager = this.db.manager): Promise<TrajectoryRef | null> {
    const params: unknown[] = [trajectoryId];
    const rows = await m.query(
      `SELECT t.id, t.status, t.learner_id AS "learnerId" FROM trajectory t WHERE t.id = $1 AND ${trajectoryScopeSql(scope, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  async findViewInScope(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<PortfolioItemView | null> {
    const params: unknown[] = [id];
    const rows = await m.query(
      `SELECT ${ITEM_COLUMNS} FROM portfolio_item pi JOIN trajectory t ON t.id = pi.trajectory_id
        WHERE pi.id = $1 AND ${trajectoryScopeSql(scope, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  async findPage(trajectoryId: string, q: PortfolioItemQueryDto): Promise<Page<PortfolioItemView>> {
    const params: unknown[] = [trajectoryId];
    const where = ['pi.trajectory_id = $1'];
    if (q.domain) {
      params.push(q.domain);
      where.push(`pi.domain = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`pi.status = $${params.length}`);
    }
    const order = orderBySql(parseSort(q.sort, SORTS, 'createdAt'), 'pi.id');
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM portfolio_item pi WHERE ${whereSql}`, params);
    const items = await this.db.query(
      `SELECT ${ITEM_COLUMNS} FROM portfolio_item pi WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(items, total, q);
  }

  /** Locks the item row (and reads its trajectory's status) for a state change; null when out of scope. */
  async lockInScope(m: EntityManager, id: string, scope: Scope, lock = true): Promise<LockedItem | null> {
    const params: unknown[] = [id];
    const rows = await m.query(
      `SELECT pi.id, pi.trajectory_id AS "trajectoryId", pi.status, pi.version, t.status AS "trajectoryStatus"
         FROM portfolio_item pi JOIN trajectory t ON t.id = pi.trajectory_id
        WHERE pi.id = $1 AND ${trajectoryScopeSql(scope, params)}
        ${lock ? 'FOR UPDATE OF pi' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  async insert(m: EntityManager, v: { trajectoryId: string; domain: string; title: string; description: string }): Promise<string> {
    const rows = await m.query(
      `INSERT INTO portfolio_item (trajectory_id, domain, title, description) VALUES ($1, $2, $3, $4) RETURNING id`,
      [v.trajectoryId, v.domain, v.title, v.description],
    );
    return rows[0].id;
  }

  /**
   * Version-checked update of the given SQL columns (fixed names from the service); returns
   * false when the version no longer matches.
   */
  async updateVersioned(m: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    const params: unknown[] = [id, version];
    const assignments = Object.entries(set).map(([column, value]) => {
      if (value === NOW) return `${column} = now()`;
      params.push(value);
      return `${column} = $${params.length}`;
    });
    const rows = await m.query(
      `UPDATE portfolio_item SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }
}

/** Marker for `updateVersioned`: set the column to the transaction's now(). */
export const NOW = Symbol('now');
