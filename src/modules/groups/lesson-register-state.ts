/**
 * How complete a lesson's register is, in SQL over a lesson alias. A learner is expected when enrolled in the group
 * on the lesson date (koers_enrolled_on) and covered by any record of that lesson (a register line, or absence
 * reported in advance). `tz` is the placeholder of the college's time zone, e.g. `$3`.
 */

/** Lateral sub-select of (expected, recorded) for the lesson `l`. */
export const registerCountsSql = (l: string): string => `
  SELECT count(*)::int AS expected, count(a.id)::int AS recorded
    FROM (SELECT DISTINCT tr.learner_id FROM enrolment en JOIN trajectory tr ON tr.id = en.trajectory_id
           WHERE en.group_id = ${l}.group_id AND koers_enrolled_on(en.from_date, en.to_date, tr.status, tr.end_date, ${l}.date)) x
    LEFT JOIN attendance_record a ON a.lesson_id = ${l}.id AND a.learner_id = x.learner_id`;

/** The lesson has started: its register may be written. */
export const lessonStartedSql = (l: string, tz: string): string => `((${l}.date + ${l}.start_time) AT TIME ZONE ${tz}) <= now()`;

/** The lesson is over: only then does a register that is not complete count as missing. */
export const lessonEndedSql = (l: string, tz: string): string =>
  `((${l}.date + ${l}.start_time + make_interval(mins => ${l}.minutes)) AT TIME ZONE ${tz}) <= now()`;

export const REGISTER_STATES = ['cancelled', 'upcoming', 'in_progress', 'complete', 'partial', 'missing'] as const;

/**
 * cancelled; upcoming (not started); complete (started, every expected learner recorded, or none expected);
 * in_progress (started, not over, not complete: not missing yet); after the end missing (no record) or partial.
 */
export const registerStateSql = (l: string, counts: string, tz: string): string => `CASE
    WHEN ${l}.cancelled THEN 'cancelled'
    WHEN NOT ${lessonStartedSql(l, tz)} THEN 'upcoming'
    WHEN ${counts}.recorded >= ${counts}.expected THEN 'complete'
    WHEN NOT ${lessonEndedSql(l, tz)} THEN 'in_progress'
    WHEN ${counts}.recorded = 0 THEN 'missing'
    ELSE 'partial' END`;
