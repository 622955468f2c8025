import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { EnrolmentQueryDto, EnrolmentView } from './dto/enrolment.dto';
import { enrolmentVisibleSql } from './group-scope';
import { withLatinLearnerName } from '../../common/domain/latin-name';

const SORTS = { fromDate: 'e.from_date', toDate: 'e.to_date', learnerNumber: 'l.learner_number', lastName: 'l.last_name', createdAt: 'e.created_at' };

const ENROLMENT_COLUMNS = `e.id, e.group_id AS "groupId", e.trajectory_id AS "trajectoryId", t.learner_id AS "learnerId",
  l.learner_number AS "learnerNumber", concat_ws(' ', l.first_name, l.last_name) AS "learnerName",
  t.municipality_id AS "municipalityId", e.from_date::text AS "fromDate", e.to_date::text AS "toDate", e.created_at AS "createdAt"`;

const FROM = `enrolment e JOIN trajectory t ON t.id = e.trajectory_id JOIN learner l ON l.id = t.learner_id`;

export interface TrajectoryForEnrolment {
  id: string;
  status: string;
  startDate: string;
}

export interface EnrolmentRow {
  id: string;
  groupId: string;
  trajectoryId: string;
  fromDate: string;
  toDate: string | null;
}

@Injectable()
export class EnrolmentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPageOfGroup(groupId: string, q: EnrolmentQueryDto, scope: Scope): Promise<Page<EnrolmentView>> {
    const params: unknown[] = [groupId];
    const where = ['e.group_id = $1', enrolmentVisibleSql(scope, 't', params)];
    if (q.activeOn) {
      params.push(q.activeOn);
      where.push(`e.from_date <= $${params.length}::date AND (e.to_date IS NULL OR e.to_date >= $${params.length}::date)`);
    }
    const whereSql = where.join(' AND ');
    const order = orderBySql(parseSort(q.sort, SORTS, 'fromDate'), 'e.id');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM ${FROM} WHERE ${whereSql}`, params);
    const items = await this.db.query(
      `SELECT ${ENROLMENT_COLUMNS} FROM ${FROM} WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(items.map(withLatinLearnerName), total, q);
  }

  async findById(m: EntityManager, id: string): Promise<EnrolmentView | null> {
    const rows = await m.query(`SELECT ${ENROLMENT_COLUMNS} FROM ${FROM} WHERE e.id = $1`, [id]);
    return rows[0] ? withLatinLearnerName(rows[0]) : null;
  }

  async findRow(m: EntityManager, id: string): Promise<EnrolmentRow | null> {
    const rows = await m.query(
      `SELECT id, group_id AS "groupId", trajectory_id AS "trajectoryId", from_date::text AS "fromDate", to_date::text AS "toDate" FROM enrolment WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async trajectory(m: EntityManager, id: string): Promise<TrajectoryForEnrolment | null> {
    const rows = await m.query(`SELECT id, status, start_date::text AS "startDate" FROM trajectory WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The most enrolments of the group on any one day in [from, to] (to null = open-ended).
   * The count only rises where an enrolment starts, so checking `from` and the start
   * dates inside the range is enough.
   */
  async peakOccupancy(m: EntityManager, groupId: string, from: string, to: string | null, excludeId: string | null = null): Promise<number> {
    const [{ peak }] = await m.query(
      `SELECT coalesce(max(c), 0)::int AS peak FROM (
         SELECT (SELECT count(*) FROM enrolment e
                  WHERE e.group_id = $1 AND ($4::uuid IS NULL OR e.id <> $4::uuid)
                    AND e.from_date <= p.d AND (e.to_date IS NULL OR e.to_date >= p.d)) AS c
           FROM (SELECT $2::date AS d
                 UNION
                 SELECT e.from_date FROM enrolment e
                  WHERE e.group_id = $1 AND ($4::uuid IS NULL OR e.id <> $4::uuid)
                    AND e.from_date > $2::date AND ($3::date IS NULL OR e.from_date <= $3::date)) p
       ) x`,
      [groupId, from, to, excludeId],
    );
    return peak;
  }

  async insert(m: EntityManager, groupId: string, trajectoryId: string, fromDate: string, toDate: string | null): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO enrolment (group_id, trajectory_id, from_date, to_date) VALUES ($1, $2, $3, $4) RETURNING id`,
      [groupId, trajectoryId, fromDate, toDate],
    );
    return row.id;
  }

  /**
   * Attendance records (registered or reported in advance) of the enrolment's trajectory at the group's lessons after
   * `after`, within the enrolment's current period (enrolments of one trajectory in a group never overlap, so these are its own).
   */
  async attendanceAfter(m: EntityManager, e: EnrolmentRow, after: string): Promise<{ count: number; last: string | null }> {
    const [row] = await m.query(
      `SELECT count(*)::int AS count, max(a.lesson_date)::text AS last
         FROM attendance_record a JOIN lesson l ON l.id = a.lesson_id
        WHERE a.trajectory_id = $1 AND l.group_id = $2 AND a.lesson_date > $3::date AND ($4::date IS NULL OR a.lesson_date <= $4::date)`,
      [e.trajectoryId, e.groupId, after, e.toDate],
    );
    return row;
  }

  async setToDate(m: EntityManager, id: string, toDate: string): Promise<void> {
    await m.query(`UPDATE enrolment SET to_date = $2 WHERE id = $1`, [id, toDate]);
  }
}
