import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { LessonFilterOptionsDto, LessonQueryDto, LessonView } from './dto/lesson.dto';
import { groupVisibleSql } from './group-scope';
import { registerCountsSql, registerStateSql } from './lesson-register-state';
import { LessonOccurrence } from './lesson-schedule';
import { nearerEndIdsSql, queryPage } from '../../database/paged-query';
import { preparedReads, queryPrepared } from '../../database/prepared-query';

const SORTS = { date: 'l.date, l.start_time', startTime: 'l.start_time', groupCode: 'g.code', createdAt: 'l.created_at' };

const LESSON_COLUMNS = `l.id, l.group_id AS "groupId", g.code AS "groupCode", g.name AS "groupName", g.location, l.date::text AS date,
  to_char(l.start_time, 'HH24:MI') AS "startTime", l.minutes, l.mode, l.cancelled, l.cancel_reason AS "cancelReason",
  l.teacher_id AS "teacherId", l.created_at AS "createdAt",
  coalesce((SELECT u.display_name FROM app_user u WHERE u.id = l.teacher_id),
           (SELECT string_agg(u.display_name, ', ' ORDER BY u.display_name) FROM group_teacher gt JOIN app_user u ON u.id = gt.user_id
             WHERE gt.group_id = l.group_id)) AS "teacherName"`;

/** The lesson rows with their group and register counts; only ever over a page of lessons (the counts cost a look-up each). */
const LESSON_FROM = `lesson l JOIN course_group g ON g.id = l.group_id CROSS JOIN LATERAL (${registerCountsSql('l')}) rc`;
const REGISTER_COLUMNS = (tz: string) =>
  `rc.expected AS "expectedLearners", rc.recorded AS "recordedLearners", ${registerStateSql('l', 'rc', tz)} AS "registerState"`;
const lessonSelect = (tz: string) => `SELECT ${LESSON_COLUMNS}, ${REGISTER_COLUMNS(tz)} FROM ${LESSON_FROM}`;
/** A page's rows without the counts: those come from REGISTER_COUNTS, a statement of its own over the page's ids. */
const pageSelect = (extra = '') => `SELECT ${LESSON_COLUMNS}${extra} FROM lesson l JOIN course_group g ON g.id = l.group_id`;
/**
 * The register counts and state of the given lessons. Apart from the page query, both statements keep a cheap
 * generic plan: together on the scale data 5 ms a page instead of 8.5 ms, most of it the planning of the lateral
 * count inside a statement whose parameters change the plan.
 */
const REGISTER_COUNTS = `SELECT l.id, ${REGISTER_COLUMNS('$2')} FROM lesson l CROSS JOIN LATERAL (${registerCountsSql('l')}) rc WHERE l.id = ANY ($1::uuid[])`;
type RegisterCounts = Pick<LessonView, 'expectedLearners' | 'recordedLearners' | 'registerState'>;

export interface LessonState {
  id: string;
  groupId: string;
  cancelled: boolean;
  hasRegister: boolean;
}

@Injectable()
export class LessonRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPageInScope(q: LessonQueryDto, scope: Scope, timeZone: string): Promise<Page<LessonView>> {
    const params: unknown[] = [];
    // A teacher's lessons are a few thousand of the whole table: found through its groups and the lesson-teacher
    // index (groupVisibleSql's rows), then counted and sorted once.
    const collect = scope.role === 'teacher';
    if (collect) params.push(scope.userId);
    const where = [
      collect
        ? `(l.group_id = ANY (ARRAY(SELECT gt.group_id FROM group_teacher gt WHERE gt.user_id = $1::uuid)) OR l.teacher_id = $1::uuid)`
        : groupVisibleSql(scope, 'l.group_id', params, 'l.teacher_id'),
    ];
    if (q.groupId) {
      params.push(q.groupId);
      where.push(`l.group_id = $${params.length}`);
    }
    if (q.from) {
      params.push(q.from);
      where.push(`l.date >= $${params.length}::date`);
    }
    if (q.to) {
      params.push(q.to);
      where.push(`l.date <= $${params.length}::date`);
    }
    if (q.teacherId) {
      // The lesson's own teacher, else the group's teachers.
      params.push(q.teacherId);
      where.push(`(l.teacher_id = $${params.length} OR (l.teacher_id IS NULL AND EXISTS
        (SELECT 1 FROM group_teacher ft WHERE ft.group_id = l.group_id AND ft.user_id = $${params.length})))`);
    }
    if (q.cancelled !== undefined) {
      params.push(q.cancelled);
      where.push(`l.cancelled = $${params.length}`);
    }
    if (q.location) {
      params.push(`%${q.location.trim().replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`EXISTS (SELECT 1 FROM course_group lg WHERE lg.id = l.group_id AND lg.location ILIKE $${params.length})`);
    }
    const whereSql = where.join(' AND ');
    if (collect) return this.collectedPage(q, whereSql, params, timeZone);
    const order = orderBySql(parseSort(q.sort, SORTS, 'date'), 'l.id');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM lesson l WHERE ${whereSql}`, params);
    // The page's ids first, then their register counts: never counted for lessons off the page.
    const items = await this.db.query(
      `${pageSelect()}
        WHERE l.id IN (SELECT l.id FROM lesson l JOIN course_group g ON g.id = l.group_id
                        WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)})
        ORDER BY ${order}`,
      params,
    );
    return pageOf(await this.withRegisterCounts(items, timeZone), total, q);
  }

  /** The total and the page in one prepared statement, from the lessons `whereSql` selects (materialised once). */
  private async collectedPage(q: LessonQueryDto, whereSql: string, params: unknown[], timeZone: string): Promise<Page<LessonView>> {
    const sort = parseSort(q.sort, SORTS, 'date');
    params.push(q.pageSize, offsetOf(q));
    const ids = nearerEndIdsSql({
      id: 'l.id',
      // LEFT: the planner drops the join unless the order uses g.code (group_id is a NOT NULL foreign key).
      from: 'scoped l LEFT JOIN course_group g ON g.id = l.group_id',
      where: 'TRUE',
      order: sort,
      tiebreaker: 'l.id',
      limit: `$${params.length - 1}`,
      offset: `$${params.length}`,
    });
    const { total, rows } = await queryPage<LessonView>(
      preparedReads(this.db),
      `SELECT count(*)::int AS total FROM scoped`,
      `${pageSelect(`, row_number() OVER (ORDER BY ${orderBySql(sort, 'l.id')}) AS __n`)}
        WHERE l.id = ANY (${ids})`,
      params,
      `scoped AS MATERIALIZED (SELECT l.id, l.group_id, l.date, l.start_time, l.created_at FROM lesson l WHERE ${whereSql})`,
    );
    return pageOf(await this.withRegisterCounts(rows, timeZone), total, q);
  }

  /** Adds each lesson's register counts and state (one prepared statement for the whole page). */
  private async withRegisterCounts(rows: LessonView[], timeZone: string): Promise<LessonView[]> {
    if (!rows.length) return rows;
    const counts = await queryPrepared<RegisterCounts & { id: string }>(this.db, REGISTER_COUNTS, [rows.map((r) => r.id), timeZone]);
    const byId = new Map(counts.map(({ id, ...c }) => [id, c]));
    return rows.map((r) => ({ ...r, ...byId.get(r.id) }));
  }

  async findOneInScope(id: string, scope: Scope, timeZone: string, m: EntityManager = this.db.manager): Promise<LessonView | null> {
    const params: unknown[] = [id, timeZone];
    const rows = await m.query(`${lessonSelect('$2')} WHERE l.id = $1 AND ${groupVisibleSql(scope, 'l.group_id', params, 'l.teacher_id')}`, params);
    return rows[0] ?? null;
  }

  /** The groups the caller may see (at most 500, by code), their teachers and lesson teachers, and their locations. */
  async filterOptions(scope: Scope): Promise<LessonFilterOptionsDto> {
    const params: unknown[] = [];
    const [row] = await this.db.query(
      `WITH vg AS (SELECT g.id, g.code, g.name, g.location FROM course_group g WHERE ${groupVisibleSql(scope, 'g.id', params)} ORDER BY g.code LIMIT 500),
            vt AS (SELECT gt.user_id FROM group_teacher gt WHERE gt.group_id IN (SELECT id FROM vg)
                   UNION SELECT l.teacher_id FROM lesson l WHERE l.teacher_id IS NOT NULL AND l.group_id IN (SELECT id FROM vg))
       SELECT coalesce((SELECT json_agg(json_build_object('id', id, 'code', code, 'name', name, 'location', location) ORDER BY code) FROM vg), '[]') AS groups,
              coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name, u.id)
                          FROM app_user u WHERE u.id IN (SELECT user_id FROM vt)), '[]') AS teachers,
              coalesce((SELECT json_agg(DISTINCT location ORDER BY location) FROM vg), '[]') AS locations`,
      params,
    );
    return row;
  }

  /** Locks the lesson if the caller may see it (for a teacher: teaches it or its group). */
  async lockInScope(m: EntityManager, id: string, scope: Scope): Promise<LessonState | null> {
    const params: unknown[] = [id];
    const rows = await m.query(
      `SELECT l.id, l.group_id AS "groupId", l.cancelled,
              EXISTS (SELECT 1 FROM attendance_record a WHERE a.lesson_id = l.id) AS "hasRegister"
         FROM lesson l WHERE l.id = $1 AND ${groupVisibleSql(scope, 'l.group_id', params, 'l.teacher_id')}
          FOR UPDATE OF l`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Inserts the occurrences that do not exist yet; returns how many were new. */
  async insertMissing(m: EntityManager, groupId: string, occ: LessonOccurrence[]): Promise<number> {
    if (!occ.length) return 0;
    const rows: unknown[] = await m.query(
      `INSERT INTO lesson (group_id, date, start_time, minutes, mode)
       SELECT $1, * FROM unnest($2::date[], $3::time[], $4::int[], $5::varchar[])
       ON CONFLICT (group_id, date, start_time) DO NOTHING RETURNING id`,
      [groupId, occ.map((o) => o.date), occ.map((o) => o.startTime), occ.map((o) => o.minutes), occ.map((o) => o.mode)],
    );
    return rows.length;
  }

  async setCancelled(m: EntityManager, id: string, cancelled: boolean, reason: string | null): Promise<void> {
    await m.query(`UPDATE lesson SET cancelled = $2, cancel_reason = $3 WHERE id = $1`, [id, cancelled, reason]);
  }

  async update(m: EntityManager, id: string, patch: { mode?: string; teacherId?: string | null }): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    if (patch.mode !== undefined) {
      params.push(patch.mode);
      sets.push(`mode = $${params.length}`);
    }
    if (patch.teacherId !== undefined) {
      params.push(patch.teacherId);
      sets.push(`teacher_id = $${params.length}`);
    }
    if (sets.length) await m.query(`UPDATE lesson SET ${sets.join(', ')} WHERE id = $1`, params);
  }
}
