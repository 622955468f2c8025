import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { learnerScopeSql } from '../../common/auth/learner-scope.sql';
import { Scope } from '../../common/auth/scope';
import { AdvanceAbsenceViewDto } from './dto/advance-absence.dto';

/** Absences reported in advance: the learner's list of those still ahead, and withdrawing one. */
@Injectable()
export class AdvanceAbsenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The learner's advance absences for lessons that have not started; null when the learner is out of scope. */
  async upcomingOf(learnerId: string, scope: Scope, tz: string): Promise<AdvanceAbsenceViewDto[] | null> {
    const params: unknown[] = [learnerId];
    const cond = learnerScopeSql(scope, params);
    const seen = await this.db.query(`SELECT 1 FROM learner l WHERE l.id = $1 AND ${cond}`, params);
    if (!seen.length) return null;
    return this.db.query(
      `SELECT a.lesson_id AS "lessonId", a.learner_id AS "learnerId", g.name AS "groupName",
              to_char(les.date, 'YYYY-MM-DD') AS date, to_char(les.start_time, 'HH24:MI') AS "startTime",
              les.minutes, les.mode, a.absence_reason AS reason, a.recorded_at AS "recordedAt", u.display_name AS "recordedByName"
         FROM attendance_record a
         JOIN lesson les ON les.id = a.lesson_id
         JOIN course_group g ON g.id = les.group_id
         LEFT JOIN app_user u ON u.id = a.recorded_by
        WHERE a.learner_id = $1 AND a.reported_in_advance AND NOT les.cancelled
          AND ((les.date + les.start_time) AT TIME ZONE $2) > now()
        ORDER BY les.date, les.start_time, les.id`,
      [learnerId, tz],
    );
  }

  /** Removes the learner's advance absence for the lesson; false when there is none. */
  /** Whether the learner's absence for this lesson was reported in advance (and still stands). */
  async isReported(m: EntityManager, lessonId: string, learnerId: string): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM attendance_record WHERE lesson_id = $1 AND learner_id = $2 AND reported_in_advance AND status = 'absent_authorised'`,
      [lessonId, learnerId],
    );
    return rows.length > 0;
  }

  async withdraw(m: EntityManager, lessonId: string, learnerId: string): Promise<boolean> {
    // A CTE, so the driver answers rows (a bare DELETE answers [rows, count]).
    const [{ n }] = await m.query(
      `WITH d AS (DELETE FROM attendance_record
                   WHERE lesson_id = $1 AND learner_id = $2 AND reported_in_advance AND status = 'absent_authorised' RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      [lessonId, learnerId],
    );
    return n > 0;
  }
}
