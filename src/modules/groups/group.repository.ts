import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { GroupDetailView, GroupQueryDto, GroupView, ScheduleSlotDto, ScheduleSlotView } from './dto/group.dto';
import { groupVisibleSql } from './group-scope';

const SORTS = { code: 'g.code', name: 'g.name', startDate: 'g.start_date', location: 'g.location', createdAt: 'g.created_at' };

/** Columns of GroupView; $1 is today's date for the enrolled count. */
const GROUP_COLUMNS = `g.id, g.code, g.name, g.location, g.municipality_id AS "municipalityId", g.product_id AS "productId",
  (SELECT p.name FROM product p WHERE p.id = g.product_id) AS "productName",
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name, u.id), '[]'::json)
     FROM group_teacher gt JOIN app_user u ON u.id = gt.user_id WHERE gt.group_id = g.id) AS teachers,
  g.capacity, g.start_date::text AS "startDate", g.end_date::text AS "endDate", g.version,
  (SELECT count(*)::int FROM enrolment e WHERE e.group_id = g.id AND e.from_date <= $1::date
     AND (e.to_date IS NULL OR e.to_date >= $1::date)) AS "enrolledCount",
  g.created_at AS "createdAt", g.updated_at AS "updatedAt"`;

export interface LockedGroup {
  id: string;
  capacity: number;
  startDate: string;
  endDate: string | null;
}

const escapeLike = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;

@Injectable()
export class GroupRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPageInScope(q: GroupQueryDto, scope: Scope, today: string): Promise<Page<GroupView>> {
    const params: unknown[] = [today];
    const where = [groupVisibleSql(scope, 'g.id', params)];
    if (q.productId) {
      params.push(q.productId);
      where.push(`g.product_id = $${params.length}`);
    }
    if (q.teacherId) {
      params.push(q.teacherId);
      where.push(`EXISTS (SELECT 1 FROM group_teacher ft WHERE ft.group_id = g.id AND ft.user_id = $${params.length})`);
    }
    if (q.location) {
      params.push(escapeLike(q.location));
      where.push(`g.location ILIKE $${params.length}`);
    }
    if (q.search) {
      params.push(escapeLike(q.search));
      where.push(`(g.code ILIKE $${params.length} OR g.name ILIKE $${params.length})`);
    }
    const order = orderBySql(parseSort(q.sort, SORTS, 'code'), 'g.id');
    const whereSql = where.join(' AND ');
    // $1 (today) is only used in the column list; keep it typed for the count query too.
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM course_group g WHERE $1::date IS NOT NULL AND ${whereSql}`, params);
    const items = await this.db.query(
      `SELECT ${GROUP_COLUMNS} FROM course_group g WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(items, total, q);
  }

  async findDetailInScope(id: string, scope: Scope, today: string, m: EntityManager = this.db.manager): Promise<GroupDetailView | null> {
    const params: unknown[] = [today, id];
    const rows = await m.query(`SELECT ${GROUP_COLUMNS} FROM course_group g WHERE g.id = $2 AND ${groupVisibleSql(scope, 'g.id', params)}`, params);
    if (!rows.length) return null;
    const schedule = await this.scheduleOf(id, m);
    return { ...rows[0], teacherIds: rows[0].teachers.map((t: { id: string }) => t.id), schedule };
  }

  async existsInScope(id: string, scope: Scope): Promise<boolean> {
    const params: unknown[] = [id];
    const rows = await this.db.query(`SELECT 1 FROM course_group g WHERE g.id = $1 AND ${groupVisibleSql(scope, 'g.id', params)}`, params);
    return rows.length > 0;
  }

  scheduleOf(groupId: string, m: EntityManager = this.db.manager): Promise<ScheduleSlotView[]> {
    return m.query(
      `SELECT id, weekday, to_char(start_time, 'HH24:MI') AS "startTime", minutes, mode
         FROM schedule_slot WHERE group_id = $1 ORDER BY weekday, start_time, id`,
      [groupId],
    );
  }

  /** Locks the group row for the rest of the transaction (serialises enrolments per group). */
  async lockForUpdate(m: EntityManager, id: string): Promise<LockedGroup | null> {
    const rows = await m.query(
      `SELECT id, capacity, start_date::text AS "startDate", end_date::text AS "endDate" FROM course_group WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The active users with role teacher, to choose a group's teachers from. */
  activeTeachers(): Promise<Array<{ id: string; displayName: string }>> {
    return this.db.query(`SELECT id, display_name AS "displayName" FROM app_user WHERE role = 'teacher' AND active ORDER BY display_name, id LIMIT 1000`);
  }

  /** Ids among `ids` that are active users with role teacher. */
  async teacherIdsAmong(m: EntityManager, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND role = 'teacher' AND active`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  async exists(m: EntityManager, table: 'product' | 'municipality', id: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async replaceTeachers(m: EntityManager, groupId: string, teacherIds: string[]): Promise<void> {
    await m.query(`DELETE FROM group_teacher WHERE group_id = $1`, [groupId]);
    if (teacherIds.length) {
      await m.query(`INSERT INTO group_teacher (group_id, user_id) SELECT $1, unnest($2::uuid[])`, [groupId, teacherIds]);
    }
  }

  async replaceSchedule(m: EntityManager, groupId: string, slots: ScheduleSlotDto[]): Promise<void> {
    await m.query(`DELETE FROM schedule_slot WHERE group_id = $1`, [groupId]);
    if (!slots.length) return;
    await m.query(
      `INSERT INTO schedule_slot (group_id, weekday, start_time, minutes, mode)
       SELECT $1, * FROM unnest($2::smallint[], $3::time[], $4::int[], $5::varchar[])`,
      [groupId, slots.map((s) => s.weekday), slots.map((s) => s.startTime), slots.map((s) => s.minutes), slots.map((s) => s.mode ?? 'physical')],
    );
  }
}
