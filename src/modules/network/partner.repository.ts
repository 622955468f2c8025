import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { queryPage, filterOn } from '../../database/paged-query';
import { PartnerQueryDto, PartnerView } from './dto/partner.dto';

const SORTS = { name: 'lower(np.name)', kind: 'np.kind', createdAt: 'np.created_at' };

const VIEW = `SELECT np.id, np.municipality_id AS "municipalityId",
         json_build_object('id', mu.id, 'name', mu.name, 'cbsCode', mu.cbs_code) AS municipality,
         np.name, np.kind, np.themes, np.contact_name AS "contactName", np.contact_email AS "contactEmail",
         np.contact_phone AS "contactPhone", np.address, np.active, np.version, np.created_at AS "createdAt", np.updated_at AS "updatedAt"
    FROM network_partner np JOIN municipality mu ON mu.id = np.municipality_id`;

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** A municipality user sees its own municipality's partners; staff and teachers all. */
export function partnerScopeSql(scope: Scope, params: unknown[], alias = 'np'): string {
  if (scope.role !== 'municipality') return 'TRUE';
  if (!scope.municipalityId) return 'FALSE';
  params.push(scope.municipalityId);
  return `${alias}.municipality_id = $${params.length}::uuid`;
}

export interface PartnerColumns {
  municipality_id?: string;
  name?: string;
  kind?: string;
  themes?: string[];
  contact_name?: string | null;
  contact_email?: string | null;
  contact_phone?: string | null;
  address?: string | null;
  active?: boolean;
}

@Injectable()
export class PartnerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPage(q: PartnerQueryDto, scope: Scope): Promise<Page<PartnerView>> {
    const params: unknown[] = [];
    const where = [partnerScopeSql(scope, params)];
    const eq = filterOn(params, where);
    eq(q.municipalityId, (n) => `np.municipality_id = $${n}::uuid`);
    eq(q.kind, (n) => `np.kind = $${n}`);
    eq(q.theme, (n) => `$${n}::varchar = ANY (np.themes)`);
    eq(q.active, (n) => `np.active = $${n}`);
    if (q.search?.trim()) {
      params.push(`%${escapeLike(q.search.trim())}%`);
      const n = params.length;
      where.push(`(np.name ILIKE $${n} OR np.contact_name ILIKE $${n} OR np.address ILIKE $${n})`);
    }
    const whereSql = where.join(' AND ');
    const order = orderBySql(parseSort(q.sort, SORTS, 'name'), 'np.id');
    const { total, rows } = await queryPage<PartnerView>(
      this.db,
      `SELECT count(*)::int AS total FROM network_partner np WHERE ${whereSql}`,
      `${VIEW.replace('SELECT', `SELECT row_number() OVER (ORDER BY ${order}) AS __n,`)} WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(rows, total, q);
  }

  async findView(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<PartnerView | null> {
    const params: unknown[] = [id];
    const rows = await m.query(`${VIEW} WHERE np.id = $1 AND ${partnerScopeSql(scope, params)}`, params);
    return rows[0] ?? null;
  }

  async lock(m: EntityManager, id: string): Promise<{ id: string; municipalityId: string; active: boolean; version: number } | null> {
    const rows = await m.query(
      `SELECT id, municipality_id AS "municipalityId", active, version FROM network_partner WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(m: EntityManager, c: PartnerColumns): Promise<string> {
    const cols = Object.keys(c);
    const rows = await m.query(
      `INSERT INTO network_partner (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(c),
    );
    return rows[0].id;
  }

  async updateVersioned(m: EntityManager, id: string, version: number, c: PartnerColumns): Promise<boolean> {
    const params: unknown[] = [id, version];
    const set = Object.entries(c).map(([col, v]) => {
      params.push(v);
      return `${col} = $${params.length}`;
    });
    const rows = await m.query(
      `UPDATE network_partner SET ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async hasReferrals(m: EntityManager, id: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM referral WHERE partner_id = $1 LIMIT 1`, [id]);
    return rows.length > 0;
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM network_partner WHERE id = $1`, [id]);
  }

  async municipalityExists(m: EntityManager, id: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM municipality WHERE id = $1`, [id])).length > 0;
  }
}
