import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by `npm run sql:migration` from the SQL rule files below; never edit it: change the file and generate a
 * new migration. Down restores the definitions as the database held them before.
 *   src/modules/attendance/sql/koers_save_register.sql
 */
export class AuditEveryRegisterSave1796125675721 implements MigrationInterface {
  name = 'AuditEveryRegisterSave1796125675721';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // src/modules/attendance/sql/koers_save_register.sql
    await queryRunner.query(`-- Saves a whole register in one call: scope and lesson checks, replacing the records (koers_upsert_attendance),
-- R1/R2 (koers_evaluate_absence_signals), the audit event and the answer, so a save is one round trip.
CREATE OR REPLACE FUNCTION koers_save_register(p_lesson uuid, p_tz text, p_role text, p_user uuid, p_request_id text, p_learners uuid[], p_statuses text[], p_minutes_late integer[], p_reasons text[])
 RETURNS json
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE
  v_lesson record;
  v_bad int[];
  v_trajectories uuid[];
  v_deleted uuid[];
  v_written int;
  v_may_fire uuid[];
  v_raised json;
  v_enrolled uuid[];
  v_enrolled_trajectories uuid[];
  v_numbers text[];
  v_first_names text[];
  v_last_names text[];
BEGIN
  SELECT l.id, l.date AS lesson_date, l.minutes, l.cancelled, g.code AS group_code,
         ((l.date + l.start_time) AT TIME ZONE p_tz) > now() AS in_future
    INTO v_lesson
    FROM lesson l JOIN course_group g ON g.id = l.group_id
   WHERE l.id = p_lesson
     AND (p_role IN ('admin', 'coordinator')
          OR (p_role = 'teacher' AND (l.teacher_id = p_user
              OR EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = l.group_id AND gt.user_id = p_user))))
     FOR UPDATE OF l;
  IF NOT FOUND THEN RETURN json_build_object('outcome', 'not_found'); END IF;

  SELECT array_agg(x.i - 1 ORDER BY x.i) INTO v_bad
    FROM unnest(p_statuses, p_minutes_late) WITH ORDINALITY AS x(status, minutes_late, i)
   WHERE x.status = 'late' AND x.minutes_late > v_lesson.minutes;
  IF v_bad IS NOT NULL THEN
    RETURN json_build_object('outcome', 'minutes_late_too_long', 'lessonMinutes', v_lesson.minutes, 'entries', to_json(v_bad));
  END IF;
  IF v_lesson.cancelled THEN RETURN json_build_object('outcome', 'cancelled'); END IF;
  IF v_lesson.in_future THEN RETURN json_build_object('outcome', 'in_future'); END IF;

  SELECT array_agg(en.learner_id), array_agg(en.trajectory_id), array_agg(en.learner_number), array_agg(en.first_name), array_agg(en.last_name)
    INTO v_enrolled, v_enrolled_trajectories, v_numbers, v_first_names, v_last_names
    FROM koers_enrolled_on_lesson(p_lesson) en;
  SELECT array_agg(x.i - 1 ORDER BY x.i) FILTER (WHERE en.trajectory_id IS NULL), array_agg(en.trajectory_id ORDER BY x.i)
    INTO v_bad, v_trajectories
    FROM unnest(p_learners) WITH ORDINALITY AS x(learner_id, i)
    LEFT JOIN unnest(v_enrolled, v_enrolled_trajectories) AS en(learner_id, trajectory_id) ON en.learner_id = x.learner_id;
  IF v_bad IS NOT NULL THEN
    RETURN json_build_object('outcome', 'not_enrolled', 'groupCode', v_lesson.group_code,
                              'date', to_char(v_lesson.lesson_date, 'YYYY-MM-DD'), 'entries', to_json(v_bad));
  END IF;
  v_trajectories := coalesce(v_trajectories, '{}');

  -- Learners left off the register lose their record, except absence reported in advance.
  WITH d AS (
    DELETE FROM attendance_record a
     WHERE a.lesson_id = p_lesson AND NOT (a.learner_id = ANY(p_learners)) AND NOT a.reported_in_advance
    RETURNING a.trajectory_id
  )
  SELECT coalesce(array_agg(DISTINCT d.trajectory_id), '{}') INTO v_deleted FROM d;

  v_written := koers_upsert_attendance(p_lesson, p_user, p_learners, v_trajectories, p_statuses, p_minutes_late, p_reasons,
                                       array_fill(false, ARRAY[coalesce(cardinality(p_learners), 0)]));

  -- Locked after writing and before evaluating: a concurrent save for the same trajectory (another lesson) waits
  -- here, and the evaluation statement then takes a fresh snapshot that includes its committed records.
  PERFORM koers_lock_trajectories(v_trajectories || v_deleted);

  -- Only an added unauthorised absence (R1, R2) or a removed record (R1: the run of last lessons shifts) can make
  -- a rule newly fire; a register of present learners needs no evaluation.
  SELECT array_agg(DISTINCT s.t) INTO v_may_fire FROM (
    SELECT x.trajectory_id AS t FROM unnest(v_trajectories, p_statuses) AS x(trajectory_id, status) WHERE x.status = 'absent_unauthorised'
    UNION ALL SELECT unnest(v_deleted)
  ) s;
  IF v_may_fire IS NOT NULL THEN
    SELECT json_agg(json_build_object('id', r.signal_id, 'trajectoryId', r.signal_trajectory, 'rule', r.signal_rule,
                                        'triggeredOn', r.signal_date) ORDER BY r.signal_trajectory, r.signal_rule)
      INTO v_raised
      FROM koers_evaluate_absence_signals(v_may_fire, NULL, p_user, p_role, p_request_id) r;
  END IF;

  -- Every save is audited, also one identical to the stored register: the teacher confirmed it at that moment.
  INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, fields, request_id)
  VALUES (p_user, p_role, 'attendance.register.save', 'lesson', p_lesson::text,
          ARRAY['status', 'minutesLate', 'absenceReason', 'attendedMinutes'], p_request_id);

  RETURN json_build_object(
    'outcome', 'saved', 'lesson', koers_register_lesson(p_lesson, p_tz),
    'learners', koers_register_lines(p_lesson, v_enrolled, v_enrolled_trajectories, v_numbers, v_first_names, v_last_names),
    'signalsRaised', coalesce(v_raised, '[]'::json));
END $function$;`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_save_register(p_lesson uuid, p_tz text, p_role text, p_user uuid, p_request_id text, p_learners uuid[], p_statuses text[], p_minutes_late integer[], p_reasons text[])
 RETURNS json
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE
  v_lesson record;
  v_bad int[];
  v_trajectories uuid[];
  v_deleted uuid[];
  v_written int;
  v_may_fire uuid[];
  v_raised json;
  v_enrolled uuid[];
  v_enrolled_trajectories uuid[];
  v_numbers text[];
  v_first_names text[];
  v_last_names text[];
BEGIN
  SELECT l.id, l.date AS lesson_date, l.minutes, l.cancelled, g.code AS group_code,
         ((l.date + l.start_time) AT TIME ZONE p_tz) > now() AS in_future
    INTO v_lesson
    FROM lesson l JOIN course_group g ON g.id = l.group_id
   WHERE l.id = p_lesson
     AND (p_role IN ('admin', 'coordinator')
          OR (p_role = 'teacher' AND (l.teacher_id = p_user
              OR EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = l.group_id AND gt.user_id = p_user))))
     FOR UPDATE OF l;
  IF NOT FOUND THEN RETURN json_build_object('outcome', 'not_found'); END IF;

  SELECT array_agg(x.i - 1 ORDER BY x.i) INTO v_bad
    FROM unnest(p_statuses, p_minutes_late) WITH ORDINALITY AS x(status, minutes_late, i)
   WHERE x.status = 'late' AND x.minutes_late > v_lesson.minutes;
  IF v_bad IS NOT NULL THEN
    RETURN json_build_object('outcome', 'minutes_late_too_long', 'lessonMinutes', v_lesson.minutes, 'entries', to_json(v_bad));
  END IF;
  IF v_lesson.cancelled THEN RETURN json_build_object('outcome', 'cancelled'); END IF;
  IF v_lesson.in_future THEN RETURN json_build_object('outcome', 'in_future'); END IF;

  SELECT array_agg(en.learner_id), array_agg(en.trajectory_id), array_agg(en.learner_number), array_agg(en.first_name), array_agg(en.last_name)
    INTO v_enrolled, v_enrolled_trajectories, v_numbers, v_first_names, v_last_names
    FROM koers_enrolled_on_lesson(p_lesson) en;
  SELECT array_agg(x.i - 1 ORDER BY x.i) FILTER (WHERE en.trajectory_id IS NULL), array_agg(en.trajectory_id ORDER BY x.i)
    INTO v_bad, v_trajectories
    FROM unnest(p_learners) WITH ORDINALITY AS x(learner_id, i)
    LEFT JOIN unnest(v_enrolled, v_enrolled_trajectories) AS en(learner_id, trajectory_id) ON en.learner_id = x.learner_id;
  IF v_bad IS NOT NULL THEN
    RETURN json_build_object('outcome', 'not_enrolled', 'groupCode', v_lesson.group_code,
                              'date', to_char(v_lesson.lesson_date, 'YYYY-MM-DD'), 'entries', to_json(v_bad));
  END IF;
  v_trajectories := coalesce(v_trajectories, '{}');

  -- Learners left off the register lose their record, except absence reported in advance.
  WITH d AS (
    DELETE FROM attendance_record a
     WHERE a.lesson_id = p_lesson AND NOT (a.learner_id = ANY(p_learners)) AND NOT a.reported_in_advance
    RETURNING a.trajectory_id
  )
  SELECT coalesce(array_agg(DISTINCT d.trajectory_id), '{}') INTO v_deleted FROM d;

  v_written := koers_upsert_attendance(p_lesson, p_user, p_learners, v_trajectories, p_statuses, p_minutes_late, p_reasons,
                                       array_fill(false, ARRAY[coalesce(cardinality(p_learners), 0)]));

  -- Locked after writing and before evaluating: a concurrent save for the same trajectory (another lesson) waits
  -- here, and the evaluation statement then takes a fresh snapshot that includes its committed records.
  PERFORM koers_lock_trajectories(v_trajectories || v_deleted);

  -- Only an added unauthorised absence (R1, R2) or a removed record (R1: the run of last lessons shifts) can make
  -- a rule newly fire; a register of present learners needs no evaluation.
  SELECT array_agg(DISTINCT s.t) INTO v_may_fire FROM (
    SELECT x.trajectory_id AS t FROM unnest(v_trajectories, p_statuses) AS x(trajectory_id, status) WHERE x.status = 'absent_unauthorised'
    UNION ALL SELECT unnest(v_deleted)
  ) s;
  IF v_may_fire IS NOT NULL THEN
    SELECT json_agg(json_build_object('id', r.signal_id, 'trajectoryId', r.signal_trajectory, 'rule', r.signal_rule,
                                        'triggeredOn', r.signal_date) ORDER BY r.signal_trajectory, r.signal_rule)
      INTO v_raised
      FROM koers_evaluate_absence_signals(v_may_fire, NULL, p_user, p_role, p_request_id) r;
  END IF;

  IF cardinality(v_deleted) > 0 OR v_written > 0 THEN
    INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, fields, request_id)
    VALUES (p_user, p_role, 'attendance.register.save', 'lesson', p_lesson::text,
            ARRAY['status', 'minutesLate', 'absenceReason', 'attendedMinutes'], p_request_id);
  END IF;

  RETURN json_build_object(
    'outcome', 'saved', 'lesson', koers_register_lesson(p_lesson, p_tz),
    'learners', koers_register_lines(p_lesson, v_enrolled, v_enrolled_trajectories, v_numbers, v_first_names, v_last_names),
    'signalsRaised', coalesce(v_raised, '[]'::json));
END $function$`);
  }
}
