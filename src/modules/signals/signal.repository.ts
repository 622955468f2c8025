import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { SignalQueryDto } from './dto/signal-query.dto';
import { SignalViewDto } from './dto/signal-view.dto';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';

const SORTS = { raisedAt: 's.raised_at', triggeredOn: 's.triggered_on', status: 's.status', rule: 's.rule' };

const SELECT_VIEW = `
  SELECT s.id, s.trajectory_id AS "trajectoryId", t.learner_id AS "learnerId", l.learner_number AS "learnerNumber",
         l.first_name || ' ' || l.last_name AS "learnerName", s.municipality_id AS "municipalityId",
         s.rule, s.status, to_char(s.triggered_on, 'YYYY-MM-DD') AS "triggeredOn", s.details,
         to_char(s.reported_to_municipality_on, 'YYYY-MM-DD') AS "reportedToMunicipalityOn",
         s.handled_by AS "handledBy", s.handled_at AS "handledAt", s.closed_at AS "closedAt", s.note,
         s.version, s.raised_at AS "raisedAt", s.updated_at AS "updatedAt"
    FROM absence_signal s
    JOIN trajectory t ON t.id = s.trajectory_id
    JOIN learner l ON l.id = t.learner_id`;

export interface SignalState {
  id: string;
  status: string;
  version: number;
  triggeredOn: string;
}

/** DOMAIN.md "Who sees what": a municipality sees a signal once it is reported to it, and never a withdrawn one. */
const MUNICIPALITY_SEES = `s.reported_to_municipality_on IS NOT NULL AND s.status <> 'withdrawn'`;

@Injectable()
export class SignalRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPageInScope(q: SignalQueryDto, scope: Scope): Promise<Page<SignalViewDto>> {
    const params: unknown[] = [];
    const where = [trajectoryScopeSql(scope, params)];
    if (scope.role === 'municipality') {
      params.push(scope.municipalityId);
      where.push(`s.municipality_id = $${params.length}::uuid`, MUNICIPALITY_SEES);
    }
    const filters: [string | undefined, string][] = [
      [q.status, 's.status'],
      [q.rule, 's.rule'],
      [q.municipalityId, 's.municipality_id'],
      [q.trajectoryId, 's.trajectory_id'],
      [q.learnerId, 't.learner_id'],
    ];
    for (const [value, column] of filters) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column}::text = $${params.length}`);
    }
    if (q.from) {
      params.push(q.from);
      where.push(`s.triggered_on >= $${params.length}::date`);
    }
    if (q.to) {
      params.push(q.to);
      where.push(`s.triggered_on <= $${params.length}::date`);
    }
    const order = orderBySql(parseSort(q.sort, SORTS, '-raisedAt'), 's.id');
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM absence_signal s JOIN trajectory t ON t.id = s.trajectory_id ${whereSql}`,
      params,
    );
    const items = await this.db.query(`${SELECT_VIEW} ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`, params);
    return pageOf(items, total, q);
  }

  async findOneInScope(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<SignalViewDto | null> {
    const params: unknown[] = [id];
    const cond = trajectoryScopeSql(scope, params);
    const muni = scope.role === 'municipality' ? ` AND ${MUNICIPALITY_SEES}` : '';
    const rows = await m.query(`${SELECT_VIEW} WHERE s.id = $1 AND ${cond}${muni}`, params);
    return rows[0] ?? null;
  }

  /** Locks the signal row for a transition (two handlers at once: the second sees the new version). */
  async lockForTransition(m: EntityManager, id: string): Promise<SignalState | null> {
    const rows = await m.query(
      `SELECT id, status, version, to_char(triggered_on, 'YYYY-MM-DD') AS "triggeredOn" FROM absence_signal WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Optimistic update; returns false when the version moved on. */
  async applyTransition(
    m: EntityManager,
    id: string,
    version: number,
    patch: { status: string; handledBy: string; reportedToMunicipalityOn?: string; note?: string; close?: boolean },
  ): Promise<boolean> {
    const [, affected] = await m.query(
      `UPDATE absence_signal
          SET status = $3, handled_by = $4, handled_at = now(),
              reported_to_municipality_on = coalesce($5::date, reported_to_municipality_on),
              note = coalesce($6, note),
              closed_at = CASE WHEN $7::boolean THEN now() ELSE closed_at END,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, version, patch.status, patch.handledBy, patch.reportedToMunicipalityOn ?? null, patch.note ?? null, patch.close ?? false],
    );
    return affected > 0;
  }
}
