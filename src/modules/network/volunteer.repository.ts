import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isStaff, Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { queryPage, filterOn } from '../../database/paged-query';
import { VolunteerQueryDto, VolunteerView } from './dto/volunteer.dto';
import { escapeLike } from './partner.repository';

const SORTS = { name: 'lower(v.name)', vogExpiresOn: 'koers_vog_expiry(v.vog_date)', createdAt: 'v.created_at' };

/** Contact details only for staff; `$today` is the parameter number of today's date. */
const view = (scope: Scope, today: number) => `SELECT v.id, v.name,
         ${isStaff(scope) ? 'v.email, v.phone' : 'NULL::varchar AS email, NULL::varchar AS phone'},
         v.languages, v.availability, v.partner_id AS "partnerId", np.name AS "partnerName", v.municipality_id AS "municipalityId",
         to_char(v.vog_date, 'YYYY-MM-DD') AS "vogDate", to_char(koers_vog_expiry(v.vog_date), 'YYYY-MM-DD') AS "vogExpiresOn",
         (v.vog_date IS NULL OR koers_vog_expiry(v.vog_date) <= $${today}::date) AS "vogExpired",
         v.active, v.version, v.created_at AS "createdAt", v.updated_at AS "updatedAt"
    FROM volunteer v LEFT JOIN network_partner np ON np.id = v.partner_id`;

/** A municipality user sees the volunteers working in its municipality. */
export function volunteerScopeSql(scope: Scope, params: unknown[], alias = 'v'): string {
  if (scope.role !== 'municipality') return 'TRUE';
  if (!scope.municipalityId) return 'FALSE';
  params.push(scope.municipalityId);
  return `${alias}.municipality_id = $${params.length}::uuid`;
}

export type VolunteerColumns = Record<string, unknown>;

@Injectable()
export class VolunteerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPage(q: VolunteerQueryDto, scope: Scope, today: string): Promise<Page<VolunteerView>> {
    const params: unknown[] = [today];
    const where = [volunteerScopeSql(scope, params)];
    const eq = filterOn(params, where);
    eq(q.municipalityId, (n) => `v.municipality_id = $${n}::uuid`);
    eq(q.partnerId, (n) => `v.partner_id = $${n}::uuid`);
    eq(q.active, (n) => `v.active = $${n}`);
    eq(q.vogExpiringWithinDays, (n) => `(v.vog_date IS NULL OR koers_vog_expiry(v.vog_date) <= $1::date + $${n}::int)`);
    if (q.search?.trim()) {
      params.push(`%${escapeLike(q.search.trim())}%`);
      const n = params.length;
      where.push(`(v.name ILIKE $${n} OR EXISTS (SELECT 1 FROM unnest(v.languages) lang WHERE lang ILIKE $${n}))`);
    }
    const whereSql = where.join(' AND ');
    const order = orderBySql(parseSort(q.sort, SORTS, 'name'), 'v.id');
    const { total, rows } = await queryPage<VolunteerView>(
      this.db,
      `SELECT count(*)::int AS total FROM volunteer v WHERE ${whereSql}`,
      `${view(scope, 1).replace('SELECT', `SELECT row_number() OVER (ORDER BY ${order}) AS __n,`)} WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(rows, total, q);
  }

  async findView(id: string, scope: Scope, today: string, m: EntityManager = this.db.manager): Promise<VolunteerView | null> {
    const params: unknown[] = [id, today];
    const rows = await m.query(`${view(scope, 2)} WHERE v.id = $1 AND ${volunteerScopeSql(scope, params)}`, params);
    return rows[0] ?? null;
  }

  async lock(m: EntityManager, id: string): Promise<{ id: string; version: number; partnerId: string | null; municipalityId: string | null } | null> {
    const rows = await m.query(
      `SELECT id, version, partner_id AS "partnerId", municipality_id AS "municipalityId" FROM volunteer WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async partnerMunicipality(m: EntityManager, partnerId: string): Promise<string | null> {
    const rows = await m.query(`SELECT municipality_id AS "municipalityId" FROM network_partner WHERE id = $1`, [partnerId]);
    return rows[0]?.municipalityId ?? null;
  }

  async municipalityExists(m: EntityManager, id: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM municipality WHERE id = $1`, [id])).length > 0;
  }

  async insert(m: EntityManager, c: VolunteerColumns): Promise<string> {
    const cols = Object.keys(c);
    const rows = await m.query(
      `INSERT INTO volunteer (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(c),
    );
    return rows[0].id;
  }

  async updateVersioned(m: EntityManager, id: string, version: number, c: VolunteerColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const set = Object.entries(c).map(([col, v]) => {
      params.push(v);
      return `${col} = $${params.length}`;
    });
    const rows = await m.query(
      `UPDATE volunteer SET ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async isReferenced(m: EntityManager, id: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM referral WHERE accompanied_by_volunteer_id = $1 LIMIT 1`, [id])).length > 0;
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM volunteer WHERE id = $1`, [id]);
  }
}
