import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { queryPage } from '../../database/paged-query';
import { ParticipationEntryView, ReferralQueryDto, ReferralView } from './dto/referral.dto';
import { ReferralStatus } from './network-vocabulary';

const SORTS = { plannedDate: 'r.planned_date', status: 'r.status', createdAt: 'r.created_at' };

const day = (col: string, as: string) => `to_char(${col}, 'YYYY-MM-DD') AS "${as}"`;

// The agreement's keys are plural (wishes, needs, abilities); the reason kind singular.
const VIEW = `SELECT r.id, r.trajectory_id AS "trajectoryId", r.partner_id AS "partnerId", np.name AS "partnerName",
         r.reason_kind AS "reasonKind", r.reason_theme AS "reasonTheme",
         t.integration_agreement -> (CASE r.reason_kind WHEN 'wish' THEN 'wishes' WHEN 'need' THEN 'needs' ELSE 'abilities' END) ->> r.reason_theme AS "reasonText",
         r.note, ${day('r.planned_date', 'plannedDate')}, r.status, ${day('r.first_contact_date', 'firstContactDate')},
         CASE WHEN vo.id IS NOT NULL THEN json_build_object('kind', 'volunteer', 'id', vo.id, 'name', vo.name)
              WHEN u.id IS NOT NULL THEN json_build_object('kind', 'staff', 'id', u.id, 'name', u.display_name) END AS "accompaniedBy",
         (r.accompanied_by_volunteer_id IS NOT NULL OR r.accompanied_by_user_id IS NOT NULL) AS accompanied,
         ${day('r.participating_from', 'participatingFrom')}, ${day('r.end_date', 'endDate')}, r.outcome_reason AS "outcomeReason",
         (SELECT coalesce(sum(pe.minutes), 0)::int FROM participation_entry pe WHERE pe.referral_id = r.id) AS "participationMinutes",
         r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"
    FROM referral r
    JOIN trajectory t ON t.id = r.trajectory_id
    JOIN network_partner np ON np.id = r.partner_id
    LEFT JOIN volunteer vo ON vo.id = r.accompanied_by_volunteer_id
    LEFT JOIN app_user u ON u.id = r.accompanied_by_user_id`;

export interface TrajectoryForReferral {
  id: string;
  status: string;
  municipalityId: string;
  integrationAgreement: Record<string, Record<string, string> | undefined>;
}

export interface LockedReferral {
  id: string;
  trajectoryId: string;
  status: ReferralStatus;
  version: number;
  firstContactDate: string | null;
  participatingFrom: string | null;
  endDate: string | null;
  trajectoryStatus: string;
}

@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findTrajectoryInScope(id: string, scope: Scope, m: EntityManager = this.db.manager, lock = false): Promise<TrajectoryForReferral | null> {
    const params: unknown[] = [id];
    const rows = await m.query(
      `SELECT t.id, t.status, t.municipality_id AS "municipalityId", t.integration_agreement AS "integrationAgreement"
         FROM trajectory t WHERE t.id = $1 AND ${trajectoryScopeSql(scope, params)} ${lock ? 'FOR SHARE' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  async findPage(trajectoryId: string, q: ReferralQueryDto): Promise<Page<ReferralView>> {
    const params: unknown[] = [trajectoryId];
    const where = ['r.trajectory_id = $1'];
    if (q.status) {
      params.push(q.status);
      where.push(`r.status = $${params.length}`);
    }
    const whereSql = where.join(' AND ');
    const order = orderBySql(parseSort(q.sort, SORTS, '-plannedDate'), 'r.id');
    const { total, rows } = await queryPage<ReferralView>(
      this.db,
      `SELECT count(*)::int AS total FROM referral r WHERE ${whereSql}`,
      `${VIEW.replace('SELECT', `SELECT row_number() OVER (ORDER BY ${order}) AS __n,`)} WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(rows, total, q);
  }

  async findView(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<ReferralView | null> {
    const params: unknown[] = [id];
    const rows = await m.query(`${VIEW} WHERE r.id = $1 AND ${trajectoryScopeSql(scope, params)}`, params);
    return rows[0] ?? null;
  }

  async lockInScope(m: EntityManager, id: string, scope: Scope): Promise<LockedReferral | null> {
    const params: unknown[] = [id];
    const rows = await m.query(
      `SELECT r.id, r.trajectory_id AS "trajectoryId", r.status, r.version, ${day('r.first_contact_date', 'firstContactDate')},
              ${day('r.participating_from', 'participatingFrom')}, ${day('r.end_date', 'endDate')}, t.status AS "trajectoryStatus"
         FROM referral r JOIN trajectory t ON t.id = r.trajectory_id
        WHERE r.id = $1 AND ${trajectoryScopeSql(scope, params)}
        FOR UPDATE OF r`,
      params,
    );
    return rows[0] ?? null;
  }

  async partner(m: EntityManager, id: string): Promise<{ id: string; municipalityId: string; active: boolean } | null> {
    const rows = await m.query(`SELECT id, municipality_id AS "municipalityId", active FROM network_partner WHERE id = $1 FOR SHARE`, [id]);
    return rows[0] ?? null;
  }

  async volunteerActive(m: EntityManager, id: string): Promise<{ active: boolean } | null> {
    const rows = await m.query(`SELECT active FROM volunteer WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async staffUser(m: EntityManager, id: string): Promise<{ role: string; active: boolean } | null> {
    const rows = await m.query(`SELECT role, active FROM app_user WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insert(m: EntityManager, v: { trajectoryId: string; partnerId: string; reasonKind: string; reasonTheme: string; plannedDate: string; note: string | null }): Promise<string> {
    const rows = await m.query(
      `INSERT INTO referral (trajectory_id, partner_id, reason_kind, reason_theme, planned_date, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [v.trajectoryId, v.partnerId, v.reasonKind, v.reasonTheme, v.plannedDate, v.note],
    );
    return rows[0].id;
  }

  async move(m: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    const params: unknown[] = [id, version];
    const assignments = Object.entries(set).map(([col, v]) => {
      params.push(v);
      return `${col} = $${params.length}`;
    });
    const rows = await m.query(
      `UPDATE referral SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async lastEntryDate(m: EntityManager, referralId: string): Promise<string | null> {
    const rows = await m.query(`SELECT to_char(max(entry_date), 'YYYY-MM-DD') AS d FROM participation_entry WHERE referral_id = $1`, [referralId]);
    return rows[0]?.d ?? null;
  }

  async insertEntry(m: EntityManager, v: { referralId: string; date: string; minutes: number; note: string | null; createdBy: string | null }): Promise<string> {
    const rows = await m.query(
      `INSERT INTO participation_entry (referral_id, entry_date, minutes, note, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [v.referralId, v.date, v.minutes, v.note, v.createdBy],
    );
    return rows[0].id;
  }

  async entries(referralId: string, m: EntityManager = this.db.manager): Promise<ParticipationEntryView[]> {
    return m.query(
      `SELECT id, referral_id AS "referralId", to_char(entry_date, 'YYYY-MM-DD') AS date, minutes, note, version,
              created_at AS "createdAt", updated_at AS "updatedAt"
         FROM participation_entry WHERE referral_id = $1 ORDER BY entry_date, created_at`,
      [referralId],
    );
  }

  /** The entry of this referral (another referral's entry is not found), locked for a correction or removal. */
  async lockEntry(m: EntityManager, referralId: string, entryId: string): Promise<{ id: string; date: string; minutes: number; note: string | null; version: number } | null> {
    const rows = await m.query(
      `SELECT id, to_char(entry_date, 'YYYY-MM-DD') AS date, minutes, note, version FROM participation_entry
        WHERE id = $1 AND referral_id = $2 FOR UPDATE`,
      [entryId, referralId],
    );
    return rows[0] ?? null;
  }

  async updateEntry(m: EntityManager, entryId: string, version: number, v: { date: string; minutes: number; note: string | null }): Promise<boolean> {
    const rows = await m.query(
      `UPDATE participation_entry SET entry_date = $3, minutes = $4, note = $5, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING id`,
      [entryId, version, v.date, v.minutes, v.note],
    );
    return rows.length > 0;
  }

  async deleteEntry(m: EntityManager, entryId: string): Promise<void> {
    await m.query(`DELETE FROM participation_entry WHERE id = $1`, [entryId]);
  }
}
