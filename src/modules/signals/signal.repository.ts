import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { SignalQueryDto } from './dto/signal-query.dto';
import { SignalDetailDto, SignalViewDto } from './dto/signal-view.dto';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';
import { withLatinLearnerName } from '../../common/domain/latin-name';

const SORTS = { raisedAt: 's.raised_at', triggeredOn: 's.triggered_on', status: 's.status', rule: 's.rule' };

/** The day a signal was raised, and today, on the college's calendar ($tz: the report time zone). */
const raisedOn = (tz: string) => `(s.raised_at AT TIME ZONE ${tz})::date`;
const todayOn = (tz: string) => `(now() AT TIME ZONE ${tz})::date`;

/**
 * Over tijd: not reported to the municipality within 5 working days of being raised (koers_signal_report_due), either
 * reported later or still open and unreported after that day. A withdrawn signal, or one closed with a reason why it
 * was not reported, is not over tijd.
 */
const overdueSql = (tz: string) => `CASE
    WHEN s.status = 'withdrawn' THEN FALSE
    WHEN s.reported_to_municipality_on IS NOT NULL THEN s.reported_to_municipality_on > koers_signal_report_due(${raisedOn(tz)})
    ELSE s.status IN ('registered', 'in_progress') AND ${todayOn(tz)} > koers_signal_report_due(${raisedOn(tz)})
  END`;

const selectView = (tz: string, extra = '') => `
  SELECT s.id, s.trajectory_id AS "trajectoryId", t.learner_id AS "learnerId", l.learner_number AS "learnerNumber",
         l.first_name || ' ' || l.last_name AS "learnerName", s.municipality_id AS "municipalityId", mu.name AS "municipalityName",
         s.rule, s.status, to_char(s.triggered_on, 'YYYY-MM-DD') AS "triggeredOn", s.details,
         to_char(s.reported_to_municipality_on, 'YYYY-MM-DD') AS "reportedToMunicipalityOn", s.not_reported_reason AS "notReportedReason",
         to_char(koers_signal_report_due(${raisedOn(tz)}), 'YYYY-MM-DD') AS "reportDueOn",
         (${todayOn(tz)} - ${raisedOn(tz)}) AS "ageDays", ${overdueSql(tz)} AS overdue,
         s.handled_by AS "handledBy", s.handled_at AS "handledAt", s.closed_at AS "closedAt", s.note,
         s.version, s.raised_at AS "raisedAt", s.updated_at AS "updatedAt"${extra}
    FROM absence_signal s
    JOIN trajectory t ON t.id = s.trajectory_id
    JOIN learner l ON l.id = t.learner_id
    JOIN municipality mu ON mu.id = s.municipality_id`;

/**
 * The lessons behind a signal, by date: R1 the run of lessons it names, R2 the unauthorised absences in its window
 * (after the trajectory's previous R2 signal, as the rule counted them).
 */
const SIGNAL_LESSONS = `coalesce((
    SELECT json_agg(json_build_object('lessonId', ls.id, 'date', to_char(ls.date, 'YYYY-MM-DD'), 'startTime', to_char(ls.start_time, 'HH24:MI'),
                                      'groupCode', lg.code) ORDER BY ls.date, ls.start_time, ls.id)
      FROM lesson ls JOIN course_group lg ON lg.id = ls.group_id
     WHERE CASE WHEN s.rule = 'R1'
                THEN ls.id::text IN (SELECT jsonb_array_elements_text(coalesce(s.details -> 'lessonIds', '[]'::jsonb)))
                ELSE ls.id IN (
                  SELECT a.lesson_id FROM attendance_record a
                   WHERE a.trajectory_id = s.trajectory_id AND a.status = 'absent_unauthorised'
                     AND a.lesson_date <= s.triggered_on
                     AND a.lesson_date > s.triggered_on - coalesce((s.details ->> 'windowDays')::int, 28)
                     AND a.lesson_date > coalesce((SELECT max(p.triggered_on) FROM absence_signal p
                                                    WHERE p.trajectory_id = s.trajectory_id AND p.rule = 'R2' AND p.raised_at < s.raised_at),
                                                  '-infinity'::date))
           END), '[]'::json) AS lessons`;

export interface SignalState {
  id: string;
  status: string;
  version: number;
  triggeredOn: string;
  reportedToMunicipalityOn: string | null;
}

/** DOMAIN.md "Who sees what": a municipality sees a signal once it is reported to it, and never a withdrawn one. */
const MUNICIPALITY_SEES = `s.reported_to_municipality_on IS NOT NULL AND s.status <> 'withdrawn'`;

@Injectable()
export class SignalRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPageInScope(q: SignalQueryDto, scope: Scope, timeZone: string): Promise<Page<SignalViewDto>> {
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
    if (q.overdue !== undefined) {
      params.push(timeZone);
      where.push(`${q.overdue ? '' : 'NOT '}${overdueSql(`$${params.length}`)}`);
    }
    const order = orderBySql(parseSort(q.sort, SORTS, '-raisedAt'), 's.id');
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM absence_signal s JOIN trajectory t ON t.id = s.trajectory_id ${whereSql}`,
      params,
    );
    const items = await this.db.query(
      `${selectView(`$${params.length + 1}`)} ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      [...params, timeZone],
    );
    return pageOf(items.map(withLatinLearnerName), total, q);
  }

  async findOneInScope(id: string, scope: Scope, timeZone: string, m: EntityManager = this.db.manager): Promise<SignalDetailDto | null> {
    const params: unknown[] = [id, timeZone];
    const cond = trajectoryScopeSql(scope, params);
    const muni = scope.role === 'municipality' ? ` AND ${MUNICIPALITY_SEES}` : '';
    const rows = await m.query(`${selectView('$2', `, ${SIGNAL_LESSONS}`)} WHERE s.id = $1 AND ${cond}${muni}`, params);
    return rows[0] ? withLatinLearnerName(rows[0]) : null;
  }

  /** Locks the signal row for a transition (two handlers at once: the second sees the new version). */
  async lockForTransition(m: EntityManager, id: string): Promise<SignalState | null> {
    const rows = await m.query(
      `SELECT id, status, version, to_char(triggered_on, 'YYYY-MM-DD') AS "triggeredOn",
              to_char(reported_to_municipality_on, 'YYYY-MM-DD') AS "reportedToMunicipalityOn"
         FROM absence_signal WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Optimistic update; returns false when the version moved on. */
  async applyTransition(
    m: EntityManager,
    id: string,
    version: number,
    patch: { status: string; handledBy: string; reportedToMunicipalityOn?: string; notReportedReason?: string; note?: string; close?: boolean },
  ): Promise<boolean> {
    const [, affected] = await m.query(
      `UPDATE absence_signal
          SET status = $3, handled_by = $4, handled_at = now(),
              reported_to_municipality_on = coalesce($5::date, reported_to_municipality_on),
              note = coalesce($6, note),
              closed_at = CASE WHEN $7::boolean THEN now() ELSE closed_at END,
              not_reported_reason = coalesce($8, not_reported_reason),
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, version, patch.status, patch.handledBy, patch.reportedToMunicipalityOn ?? null, patch.note ?? null, patch.close ?? false,
        patch.notReportedReason ?? null],
    );
    return affected > 0;
  }
}
