import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';
import { queryPrepared } from '../../database/prepared-query';
import { InjectReportsDataSource } from '../../database/reports-data-source';

export interface TrajectoryAttendanceRow {
  trajectoryId: string;
  learnerId: string;
  participationNorm: boolean;
  registeredMinutes: number;
  attendedMinutes: number;
  authorisedMinutes: number;
  unauthorisedMinutes: number;
  physicalMinutes: number;
  onlineMinutes: number;
  learnerAttendedMinutes: number;
  learnerPhysicalMinutes: number;
  trajectoryAttendedMinutes: number;
  /** Z-route: participation at network partners, all time (koers_participation_minutes). */
  participationMinutes: number;
}

/**
 * A learner counts as enrolled in a lesson (alias `les`) through trajectory alias `tr` and enrolment `en`: the rule
 * koers_enrolled_on (src/modules/groups/sql/koers_enrolled_on.sql), which PostgreSQL inlines.
 */
export const ENROLLED_ON_LESSON = `koers_enrolled_on(en.from_date, en.to_date, tr.status, tr.end_date, les.date)`;

/**
 * An attendance record `a` counts in figures only once its lesson date has come: absence reported in advance for a
 * later lesson is only shown as reported (DOMAIN.md; SPIL and settlement apply the same rule). `today` is a
 * parameter placeholder such as `$4`.
 */
export const countsBy = (today: string): string => `(NOT a.reported_in_advance OR a.lesson_date <= ${today}::date)`;

/** Attendance figures, each computed in the database in one query. */
@Injectable()
export class AttendanceReportRepository {
  constructor(@InjectReportsDataSource() private readonly db: DataSource) {}

  /**
   * Period sums for the trajectory, plus all-time sums for the 600-hour and Z-route norms; null when out of scope.
   * Prepared: planning cost as much as running it.
   */
  async trajectoryAttendance(id: string, from: string | null, to: string | null, today: string, scope: Scope): Promise<TrajectoryAttendanceRow | null> {
    const params: unknown[] = [id, from, to, today];
    const cond = trajectoryScopeSql(scope, params);
    const inPeriod = `a.trajectory_id = t.id AND a.lesson_date >= coalesce($2::date, '-infinity'::date) AND a.lesson_date <= coalesce($3::date, 'infinity'::date)`;
    const rows = await queryPrepared<TrajectoryAttendanceRow>(
      this.db,
      `SELECT t.id AS "trajectoryId", t.learner_id AS "learnerId", p.participation_norm AS "participationNorm",
              coalesce(sum(a.lesson_minutes) FILTER (WHERE ${inPeriod}), 0)::int AS "registeredMinutes",
              coalesce(sum(a.attended_minutes) FILTER (WHERE ${inPeriod}), 0)::int AS "attendedMinutes",
              coalesce(sum(a.lesson_minutes) FILTER (WHERE ${inPeriod} AND a.status = 'absent_authorised'), 0)::int AS "authorisedMinutes",
              coalesce(sum(a.lesson_minutes) FILTER (WHERE ${inPeriod} AND a.status = 'absent_unauthorised'), 0)::int AS "unauthorisedMinutes",
              coalesce(sum(a.attended_minutes) FILTER (WHERE ${inPeriod} AND a.lesson_mode = 'physical'), 0)::int AS "physicalMinutes",
              coalesce(sum(a.attended_minutes) FILTER (WHERE ${inPeriod} AND a.lesson_mode = 'online'), 0)::int AS "onlineMinutes",
              coalesce(sum(a.attended_minutes), 0)::int AS "learnerAttendedMinutes",
              coalesce(sum(a.attended_minutes) FILTER (WHERE a.lesson_mode = 'physical'), 0)::int AS "learnerPhysicalMinutes",
              coalesce(sum(a.attended_minutes) FILTER (WHERE a.trajectory_id = t.id), 0)::int AS "trajectoryAttendedMinutes",
              CASE WHEN p.participation_norm THEN koers_participation_minutes(t.id, 'infinity'::date) ELSE 0 END AS "participationMinutes"
         FROM trajectory t
         JOIN product p ON p.id = t.product_id
         LEFT JOIN attendance_record a ON a.learner_id = t.learner_id AND ${countsBy('$4')}
        WHERE t.id = $1 AND ${cond}
        GROUP BY t.id, p.participation_norm`,
      params,
    );
    return rows[0] ?? null;
  }

  /** The group if the caller may see its grid: staff any, a teacher its own groups. */
  async findGroup(id: string, scope: Scope): Promise<{ id: string; code: string; name: string; startDate: string } | null> {
    const params: unknown[] = [id];
    let cond = 'TRUE';
    if (scope.role === 'teacher') {
      params.push(scope.userId);
      cond = `EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = g.id AND gt.user_id = $2)`;
    }
    const rows = await this.db.query(
      `SELECT g.id, g.code, g.name, to_char(g.start_date, 'YYYY-MM-DD') AS "startDate" FROM course_group g WHERE g.id = $1 AND ${cond}`,
      params,
    );
    return rows[0] ?? null;
  }

  async gridLessons(groupId: string, from: string, to: string) {
    return this.db.query(
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, to_char(l.start_time, 'HH24:MI') AS "startTime",
              l.minutes, l.mode, l.cancelled
         FROM lesson l WHERE l.group_id = $1 AND l.date BETWEEN $2::date AND $3::date
        ORDER BY l.date, l.start_time, l.id`,
      [groupId, from, to],
    );
  }

  /** One row per learner enrolled at some time in the period; cells aligned with gridLessons' order. */
  /** Cells show every record (an advance absence as reported); the row's minutes count only those due by `today`. */
  async gridRows(groupId: string, from: string, to: string, today: string) {
    return this.db.query(
      `WITH les AS (
         SELECT l.id, l.date, l.start_time FROM lesson l WHERE l.group_id = $1 AND l.date BETWEEN $2::date AND $3::date
       ),
       learners AS (
         SELECT DISTINCT tr.learner_id FROM enrolment en JOIN trajectory tr ON tr.id = en.trajectory_id
          WHERE en.group_id = $1 AND en.from_date <= $3::date AND coalesce(en.to_date, $3::date) >= $2::date
       )
       SELECT ln.id AS "learnerId", ln.learner_number AS "learnerNumber", ln.first_name AS "firstName", ln.last_name AS "lastName",
              coalesce(sum(a.lesson_minutes) FILTER (WHERE ${countsBy('$4')}), 0)::int AS "registeredMinutes",
              coalesce(sum(a.attended_minutes) FILTER (WHERE ${countsBy('$4')}), 0)::int AS "attendedMinutes",
              coalesce(json_agg(json_build_object(
                'lessonId', les.id,
                'enrolled', EXISTS (SELECT 1 FROM enrolment en JOIN trajectory tr ON tr.id = en.trajectory_id
                                     WHERE en.group_id = $1 AND tr.learner_id = ln.id AND ${ENROLLED_ON_LESSON}),
                'status', a.status, 'minutesLate', a.minutes_late, 'attendedMinutes', a.attended_minutes,
                'reportedInAdvance', a.reported_in_advance)
                ORDER BY les.date, les.start_time, les.id) FILTER (WHERE les.id IS NOT NULL), '[]') AS cells
         FROM learners x
         JOIN learner ln ON ln.id = x.learner_id
         LEFT JOIN les ON TRUE
         LEFT JOIN attendance_record a ON a.lesson_id = les.id AND a.learner_id = ln.id
        GROUP BY ln.id
        ORDER BY ln.last_name, ln.first_name, ln.id`,
      [groupId, from, to, today],
    );
  }
}
