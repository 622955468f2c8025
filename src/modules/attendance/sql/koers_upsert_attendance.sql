-- Writes attendance records of one lesson (register saves and advance absences); attended minutes per
-- koers_attended_minutes. Rows that would not change are left alone.
CREATE OR REPLACE FUNCTION koers_upsert_attendance(p_lesson uuid, p_user uuid, p_learners uuid[], p_trajectories uuid[], p_statuses text[], p_minutes_late integer[], p_reasons text[], p_advance boolean[])
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE v_written int;
BEGIN
  WITH w AS (
    INSERT INTO attendance_record AS r (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status,
                                        minutes_late, attended_minutes, absence_reason, reported_in_advance, recorded_by, recorded_at)
    SELECT l.id, x.learner_id, x.trajectory_id, l.date, l.minutes, l.mode, x.status, x.minutes_late,
           koers_attended_minutes(x.status, l.minutes, x.minutes_late),
           CASE WHEN x.status IN ('present', 'late') THEN NULL ELSE x.reason END, x.advance, p_user, now()
      FROM lesson l
     CROSS JOIN unnest(p_learners, p_trajectories, p_statuses, p_minutes_late, p_reasons, p_advance)
                AS x(learner_id, trajectory_id, status, minutes_late, reason, advance)
     WHERE l.id = p_lesson
    ON CONFLICT (lesson_id, learner_id) DO UPDATE
       SET trajectory_id = EXCLUDED.trajectory_id, lesson_date = EXCLUDED.lesson_date,
           lesson_minutes = EXCLUDED.lesson_minutes, lesson_mode = EXCLUDED.lesson_mode,
           status = EXCLUDED.status, minutes_late = EXCLUDED.minutes_late, attended_minutes = EXCLUDED.attended_minutes,
           absence_reason = EXCLUDED.absence_reason,
           reported_in_advance = EXCLUDED.reported_in_advance OR (r.reported_in_advance AND EXCLUDED.status = 'absent_authorised'),
           recorded_by = EXCLUDED.recorded_by, recorded_at = now()
     WHERE (r.trajectory_id, r.lesson_date, r.lesson_minutes, r.lesson_mode, r.status, r.minutes_late, r.attended_minutes,
            r.absence_reason, r.reported_in_advance)
           IS DISTINCT FROM
           (EXCLUDED.trajectory_id, EXCLUDED.lesson_date, EXCLUDED.lesson_minutes, EXCLUDED.lesson_mode, EXCLUDED.status,
            EXCLUDED.minutes_late, EXCLUDED.attended_minutes, EXCLUDED.absence_reason,
            EXCLUDED.reported_in_advance OR (r.reported_in_advance AND EXCLUDED.status = 'absent_authorised'))
    RETURNING 1)
  SELECT count(*) INTO v_written FROM w;
  RETURN v_written;
END $function$;
