import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportsDataSource } from '../../database/reports-data-source';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { lessonEndedSql, registerCountsSql } from '../groups/lesson-register-state';
import { MissingRegistersQueryDto } from './dto/attendance-query.dto';

export interface MissingRegisterGroup {
  teacherId: string | null;
  teacherName: string | null;
  groupId: string;
  groupCode: string;
  groupName: string;
  lessonCount: number;
  missingRecords: number;
  oldestLessonDate: string;
  lessons: { lessonId: string; date: string; startTime: string; minutes: number; expected: number; recorded: number; missing: number }[];
}

const SORTS = {
  teacher: 'u.display_name',
  group: 'cg.code',
  oldestLesson: 'g.oldest',
  missingRecords: 'g.missing_records',
  lessonCount: 'g.lesson_count',
};

/**
 * Lessons that are over (a lesson in progress or later today is not missing yet), are not cancelled, and have an enrolled learner without a record;
 * per responsible teacher (the lesson's teacher, else each of the group's teachers) and group.
 * Checked learner by learner are only the lessons whose kept record count (lesson.recorded_learners) differs from
 * the number of enrolments counting on their date (a sweep over the group's enrolments, no lesson × learner pairs),
 * and the lessons holding a record that its enrolment or trajectory no longer covers; every other lesson has a
 * record for each enrolled learner. (Enrolments are only ever ended, never moved to a later start or deleted.)
 */
@Injectable()
export class MissingRegistersRepository {
  constructor(@InjectReportsDataSource() private readonly db: DataSource) {}

  async findPage(q: MissingRegistersQueryDto, tz: string): Promise<Page<MissingRegisterGroup>> {
    const order = orderBySql(parseSort(q.sort, SORTS, 'teacher,group'), 'g.group_id, g.teacher_id');
    const rows = await this.db.query(
      `WITH enrolled_days AS (
         SELECT en.id AS enrolment_id, en.group_id, en.from_date AS first_day, koers_enrolled_last_day(en.to_date, tr.status, tr.end_date) AS last_day
           FROM enrolment en JOIN trajectory tr ON tr.id = en.trajectory_id
          WHERE ($4::uuid IS NULL OR en.group_id = $4::uuid)
       ),
       -- Per group by date: +1 where an enrolment starts counting, −1 the day after it stops, and the lessons in
       -- between, so the running sum at a lesson is the number of learners enrolled on its date.
       timeline AS (
         SELECT group_id, first_day AS day, 0 AS kind, 1 AS delta, NULL::uuid AS lesson_id, 0 AS recorded
           FROM enrolled_days WHERE first_day <= last_day
         UNION ALL
         SELECT group_id, last_day + 1, 0, -1, NULL, 0
           FROM enrolled_days WHERE first_day <= last_day AND last_day < 'infinity'::date
         UNION ALL
         SELECT l.group_id, l.date, 1, 0, l.id, l.recorded_learners
           FROM lesson l
          WHERE NOT l.cancelled
            AND ${lessonEndedSql('l', '$1')}
            AND l.date >= coalesce($2::date, '-infinity'::date) AND l.date <= coalesce($3::date, 'infinity'::date)
            AND ($4::uuid IS NULL OR l.group_id = $4::uuid)
       ),
       coverage AS (
         SELECT lesson_id, recorded, sum(delta) OVER (PARTITION BY group_id ORDER BY day, kind ROWS UNBOUNDED PRECEDING) AS enrolled
           FROM timeline
       ),
       -- Records whose own enrolment or trajectory stopped counting before the lesson (ended afterwards): such a
       -- record adds to the lesson's count without covering an enrolled learner, so equal counts prove nothing there.
       -- Joined through the enrolment and trajectory tables again (not just enrolled_days): with their row estimates
       -- the planner probes attendance_record by trajectory; from the CTE alone it scanned all of it (0.5 s).
       outlived AS (
         SELECT DISTINCT a.lesson_id
           FROM enrolled_days d
           JOIN enrolment en ON en.group_id = d.group_id
           JOIN trajectory tr ON tr.id = en.trajectory_id
           JOIN attendance_record a ON a.trajectory_id = en.trajectory_id
                AND a.lesson_date > koers_enrolled_last_day(en.to_date, tr.status, tr.end_date)
           JOIN lesson l ON l.id = a.lesson_id AND l.group_id = en.group_id
          WHERE d.last_day < 'infinity'::date AND d.enrolment_id = en.id
       ),
       les AS (
         SELECT l.id, l.group_id, l.date, l.start_time, l.minutes, l.teacher_id
           FROM lesson l
          WHERE l.id IN (SELECT c.lesson_id FROM coverage c WHERE c.lesson_id IS NOT NULL AND c.enrolled <> c.recorded
                         UNION
                         SELECT o.lesson_id FROM outlived o)
            AND NOT l.cancelled
            AND ${lessonEndedSql('l', '$1')}
            AND l.date >= coalesce($2::date, '-infinity'::date) AND l.date <= coalesce($3::date, 'infinity'::date)
       ),
       counted AS (
         SELECT les.*, c.expected, c.recorded
           FROM les
          CROSS JOIN LATERAL (${registerCountsSql('les')}) c
          WHERE c.expected > c.recorded
       ),
       assigned AS (
         SELECT counted.*, resp.teacher_id AS responsible
           FROM counted
          CROSS JOIN LATERAL (
            SELECT counted.teacher_id WHERE counted.teacher_id IS NOT NULL
            UNION ALL
            SELECT gt.user_id FROM group_teacher gt WHERE counted.teacher_id IS NULL AND gt.group_id = counted.group_id
            UNION ALL
            SELECT NULL::uuid WHERE counted.teacher_id IS NULL
               AND NOT EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = counted.group_id)
          ) resp(teacher_id)
          WHERE $5::uuid IS NULL OR resp.teacher_id = $5::uuid
       ),
       g AS (
         SELECT responsible AS teacher_id, group_id, count(*)::int AS lesson_count,
                sum(expected - recorded)::int AS missing_records, min(date) AS oldest,
                json_agg(json_build_object('lessonId', id, 'date', to_char(date, 'YYYY-MM-DD'), 'startTime', to_char(start_time, 'HH24:MI'),
                         'minutes', minutes, 'expected', expected, 'recorded', recorded, 'missing', expected - recorded)
                         ORDER BY date, start_time, id) AS lessons
           FROM assigned GROUP BY responsible, group_id
       )
       SELECT (SELECT count(*)::int FROM g) AS total,
              g.teacher_id AS "teacherId", u.display_name AS "teacherName", g.group_id AS "groupId",
              cg.code AS "groupCode", cg.name AS "groupName", g.lesson_count AS "lessonCount",
              g.missing_records AS "missingRecords", to_char(g.oldest, 'YYYY-MM-DD') AS "oldestLessonDate", g.lessons
         FROM g
         JOIN course_group cg ON cg.id = g.group_id
         LEFT JOIN app_user u ON u.id = g.teacher_id
        ORDER BY ${order}
        LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      [tz, q.from ?? null, q.to ?? null, q.groupId ?? null, q.teacherId ?? null],
    );
    let total: number = rows[0]?.total ?? 0;
    if (!rows.length && q.page > 1) {
      // Past the last page: still report the real total.
      const again = await this.findPage({ ...q, page: 1, pageSize: 1 } as MissingRegistersQueryDto, tz);
      total = again.total;
    }
    const items = rows.map(({ total: _t, ...rest }: { total: number } & MissingRegisterGroup) => rest);
    return pageOf(items, total, q);
  }
}
