import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailedException } from '../../common/errors/domain.exception';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { parseSort } from '../../common/http/sort';
import { AppConfig } from '../../config/app-config';
import { AuditEventQueryDto } from './dto/audit-event-query.dto';
import { AuditEventViewDto } from './dto/audit-event-view.dto';

const SORTS = { occurredAt: 'a.occurred_at', action: 'a.action', entityType: 'a.entity_type' };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const likeOf = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

@Injectable()
export class AuditEventRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async findPage(q: AuditEventQueryDto): Promise<Page<AuditEventViewDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    // A date alone is a whole day in the college's time zone; an instant is taken as it is.
    const tz = this.config.reportTimezone;
    const day = (v: string | undefined) => DATE_ONLY.test(v ?? '');
    const bound = (p: string, tzP: string, v: string | undefined, next: boolean) =>
      (day(v) ? `((${p}::date${next ? ' + 1' : ''})::timestamp AT TIME ZONE ${tzP})` : `${p}::timestamptz`);
    if (q.from && q.to) {
      const [{ reversed }] = await this.db.query(
        `SELECT ${bound('$2', '$3', q.to, day(q.to))} ${day(q.to) ? '<=' : '<'} ${bound('$1', '$3', q.from, false)} AS reversed, $3::text AS tz`,
        [q.from, q.to, tz],
      );
      if (reversed) throw ValidationFailedException.field('to', 'must be on or after from');
    }
    let tzP = '';
    const tzParam = () => {
      if (!tzP) {
        params.push(tz);
        tzP = `$${params.length}`;
      }
      return tzP;
    };
    if (q.entityType) add((p) => `a.entity_type = ${p}`, q.entityType);
    if (q.entityId) add((p) => `a.entity_id = ${p}`, q.entityId);
    if (q.actorId) add((p) => `a.actor_id = ${p}`, q.actorId);
    if (q.actor) add((p) => `(lower(u.email) LIKE ${p} OR lower(u.display_name) LIKE ${p})`, likeOf(q.actor));
    // "status" also finds status.activate, status.suspend, ...
    if (q.action) add((p) => `(a.action = ${p} OR starts_with(a.action, ${p} || '.'))`, q.action);
    if (q.from) add((p) => `a.occurred_at >= ${bound(p, day(q.from) ? tzParam() : '', q.from, false)}`, q.from);
    if (q.to) add((p) => `a.occurred_at ${day(q.to) ? '<' : '<='} ${bound(p, day(q.to) ? tzParam() : '', q.to, true)}`, q.to);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = parseSort(q.sort, SORTS, '-occurredAt').map((t) => `${t.column} ${t.direction}`).join(', ');
    const join = 'FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_id';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${join} ${whereSql}`, params);
    const items = await this.db.query(
      `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", a.actor_role AS "actorRole",
              u.display_name AS "actorName", u.email AS "actorEmail", a.action, a.entity_type AS "entityType",
              a.entity_id AS "entityId", a.fields, a.request_id AS "requestId"
         ${join} ${whereSql}
        ORDER BY ${order}, a.id DESC LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(items, total, q);
  }
}
