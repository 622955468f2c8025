import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { RegisterLessonDto, RegisterLineDto } from './dto/register-view.dto';

export interface EnrolledLearner {
  learnerId: string;
  trajectoryId: string;
}

export interface RecordRow {
  learnerId: string;
  trajectoryId: string;
  status: string;
  minutesLate: number;
  attendedMinutes: number;
  absenceReason: string | null;
  reportedInAdvance: boolean;
}

const LESSON_SELECT = `
  SELECT l.id, l.group_id AS "groupId", g.code AS "groupCode", g.name AS "groupName",
         to_char(l.date, 'YYYY-MM-DD') AS date, to_char(l.start_time, 'HH24:MI') AS "startTime",
         l.minutes, l.mode, l.cancelled, l.cancel_reason AS "cancelReason", l.teacher_id AS "teacherId",
         ((l.date + l.start_time) AT TIME ZONE $2) > now() AS "inFuture"
    FROM lesson l JOIN course_group g ON g.id = l.group_id`;

/**
 * Enrolled on the lesson date: enrolment from_date ≤ date ≤ coalesce(to_date, date), and the
 * trajectory unfinished or ended on/after that date. One line per learner (its latest trajectory).
 */
const ENROLLED_SQL = `
  SELECT DISTINCT ON (t.learner_id) t.learner_id AS "learnerId", t.id AS "trajectoryId",
         ln.learner_number AS "learnerNumber", ln.first_name AS "firstName", ln.last_name AS "lastName"
    FROM lesson l
    JOIN enrolment e ON e.group_id = l.group_id AND e.from_date <= l.date AND l.date <= coalesce(e.to_date, l.date)
    JOIN trajectory t ON t.id = e.trajectory_id
     AND (t.status IN ('planned', 'active', 'suspended') OR t.end_date >= l.date)
    JOIN learner ln ON ln.id = t.learner_id
   WHERE l.id = $1
   ORDER BY t.learner_id, t.start_date DESC, t.id`;

@Injectable()
export class RegisterRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The lesson if the caller may keep its register: staff any; a teacher only of its own
   * groups (group_teacher) or a lesson assigned to it; a learner only of a group it is enrolled in.
   * `lock` takes the row lock that serialises register saves of one lesson.
   */
  async findLesson(m: EntityManager, id: string, scope: Scope, tz: string, lock = false): Promise<RegisterLessonDto | null> {
    const params: unknown[] = [id, tz];
    let cond = 'TRUE';
    if (scope.role === 'teacher') {
      params.push(scope.userId);
      cond = `(l.teacher_id = $3 OR EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = l.group_id AND gt.user_id = $3))`;
    } else if (scope.role === 'learner') {
      params.push(scope.learnerId);
      cond = `EXISTS (SELECT 1 FROM (${ENROLLED_SQL}) en WHERE en."learnerId" = $3::uuid)`;
    } else if (scope.role !== 'admin' && scope.role !== 'coordinator') {
      return null;
    }
    const rows = await m.query(`${LESSON_SELECT} WHERE l.id = $1 AND ${cond} ${lock ? 'FOR UPDATE OF l' : ''}`, params);
    return rows[0] ?? null;
  }

  async enrolled(m: EntityManager, lessonId: string): Promise<(EnrolledLearner & Omit<RegisterLineDto, 'record'>)[]> {
    return m.query(ENROLLED_SQL, [lessonId]);
  }

  async records(m: EntityManager, lessonId: string): Promise<(RecordRow & { recordedBy: string | null; recordedAt: Date })[]> {
    return m.query(
      `SELECT learner_id AS "learnerId", trajectory_id AS "trajectoryId", status, minutes_late AS "minutesLate",
              attended_minutes AS "attendedMinutes", absence_reason AS "absenceReason", reported_in_advance AS "reportedInAdvance",
              recorded_by AS "recordedBy", recorded_at AS "recordedAt"
         FROM attendance_record WHERE lesson_id = $1`,
      [lessonId],
    );
  }

  /** Serialises saves that touch the same trajectories, so signal evaluation sees both (ids sorted: no deadlock). */
  async lockTrajectories(m: EntityManager, trajectoryIds: string[]): Promise<void> {
    if (!trajectoryIds.length) return;
    await m.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('attendance:' || x, 0)) FROM unnest($1::text[]) AS x ORDER BY x`,
      [[...trajectoryIds].sort()],
    );
  }

  /** Removes records of learners no longer on the register; absence reported in advance stays. Returns their trajectories. */
  async deleteOthers(m: EntityManager, lessonId: string, keepLearnerIds: string[]): Promise<string[]> {
    const [rows] = await m.query(
      `DELETE FROM attendance_record WHERE lesson_id = $1 AND NOT (learner_id = ANY($2::uuid[])) AND NOT reported_in_advance
       RETURNING trajectory_id AS "trajectoryId"`,
      [lessonId, keepLearnerIds],
    );
    return (rows as { trajectoryId: string }[]).map((r) => r.trajectoryId);
  }

  /**
   * Inserts or replaces records; unchanged rows are left alone (keeping who recorded them).
   * Returns the number of rows written.
   */
  async upsert(
    m: EntityManager,
    lesson: RegisterLessonDto,
    rows: RecordRow[],
    recordedBy: string,
  ): Promise<number> {
    if (!rows.length) return 0;
    const written: unknown[] = await m.query(
      `INSERT INTO attendance_record (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status,
                                      minutes_late, attended_minutes, absence_reason, reported_in_advance, recorded_by, recorded_at)
       SELECT $1, x.learner_id, x.trajectory_id, $2::date, $3, $4, x.status, x.minutes_late, x.attended, x.reason, x.advance, $5, now()
         FROM unnest($6::uuid[], $7::uuid[], $8::text[], $9::int[], $10::int[], $11::text[], $12::boolean[])
              AS x(learner_id, trajectory_id, status, minutes_late, attended, reason, advance)
       ON CONFLICT (lesson_id, learner_id) DO UPDATE
          SET trajectory_id = EXCLUDED.trajectory_id, lesson_date = EXCLUDED.lesson_date,
              lesson_minutes = EXCLUDED.lesson_minutes, lesson_mode = EXCLUDED.lesson_mode,
              status = EXCLUDED.status, minutes_late = EXCLUDED.minutes_late, attended_minutes = EXCLUDED.attended_minutes,
              absence_reason = EXCLUDED.absence_reason,
              reported_in_advance = EXCLUDED.reported_in_advance
                OR (attendance_record.reported_in_advance AND EXCLUDED.status = 'absent_authorised'),
              recorded_by = EXCLUDED.recorded_by, recorded_at = now()
        WHERE (attendance_record.trajectory_id, attendance_record.lesson_date, attendance_record.lesson_minutes, attendance_record.lesson_mode,
               attendance_record.status, attendance_record.minutes_late, attendance_record.attended_minutes,
               attendance_record.absence_reason, attendance_record.reported_in_advance)
              IS DISTINCT FROM
              (EXCLUDED.trajectory_id, EXCLUDED.lesson_date, EXCLUDED.lesson_minutes, EXCLUDED.lesson_mode,
               EXCLUDED.status, EXCLUDED.minutes_late, EXCLUDED.attended_minutes, EXCLUDED.absence_reason,
               EXCLUDED.reported_in_advance OR (attendance_record.reported_in_advance AND EXCLUDED.status = 'absent_authorised'))
       RETURNING learner_id`,
      [
        lesson.id,
        lesson.date,
        lesson.minutes,
        lesson.mode,
        recordedBy,
        rows.map((r) => r.learnerId),
        rows.map((r) => r.trajectoryId),
        rows.map((r) => r.status),
        rows.map((r) => r.minutesLate),
        rows.map((r) => r.attendedMinutes),
        rows.map((r) => r.absenceReason),
        rows.map((r) => r.reportedInAdvance),
      ],
    );
    return written.length;
  }

  get manager(): EntityManager {
    return this.db.manager;
  }
}
