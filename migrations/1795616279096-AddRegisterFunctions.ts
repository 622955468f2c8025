import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saving a register becomes one call of koers_save_register: one round trip instead of ten, and PL/pgSQL keeps
 * each statement's plan for the session instead of planning it on every request. The enrolment rule, the register
 * view, the attendance upsert (with the attended-minutes formula of DOMAIN.md) and the absence rules R1/R2 each
 * live in one function that the TypeScript repositories call as well.
 */
export class AddRegisterFunctions1795616279096 implements MigrationInterface {
  name = 'AddRegisterFunctions1795616279096';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Enrolled on a lesson day: enrolment from_date ≤ day ≤ coalesce(to_date, day), and the trajectory unfinished or
    // ended on/after that day. A one-expression SQL function, so PostgreSQL inlines it into the queries that use it
    // (set-based reports included) and its comparisons still reach the indexes.
    await queryRunner.query(`
CREATE FUNCTION koers_enrolled_on(p_from date, p_to date, p_status text, p_end date, p_day date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT p_from <= p_day AND p_day <= coalesce(p_to, p_day) AND (p_status IN ('planned', 'active', 'suspended') OR p_end >= p_day)
$fn$`);

    // The learners enrolled on a lesson's date, one line per learner (its latest trajectory).
    await queryRunner.query(`
CREATE FUNCTION koers_enrolled_on_lesson(p_lesson uuid)
RETURNS TABLE (learner_id uuid, trajectory_id uuid, learner_number text, first_name text, last_name text)
LANGUAGE plpgsql STABLE AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT DISTINCT ON (t.learner_id) t.learner_id, t.id, ln.learner_number::text, ln.first_name::text, ln.last_name::text
    FROM lesson l
    JOIN enrolment e ON e.group_id = l.group_id
    JOIN trajectory t ON t.id = e.trajectory_id
    JOIN learner ln ON ln.id = t.learner_id
   WHERE l.id = p_lesson AND koers_enrolled_on(e.from_date, e.to_date, t.status, t.end_date, l.date)
   ORDER BY t.learner_id, t.start_date DESC, t.id;
END $fn$`);

    await queryRunner.query(`
CREATE FUNCTION koers_register_lesson(p_lesson uuid, p_tz text)
RETURNS json
LANGUAGE plpgsql STABLE AS $fn$
DECLARE v json;
BEGIN
  SELECT json_build_object(
           'id', l.id, 'groupId', l.group_id, 'groupCode', g.code, 'groupName', g.name,
           'date', to_char(l.date, 'YYYY-MM-DD'), 'startTime', to_char(l.start_time, 'HH24:MI'),
           'minutes', l.minutes, 'mode', l.mode, 'cancelled', l.cancelled, 'cancelReason', l.cancel_reason,
           'teacherId', l.teacher_id, 'inFuture', ((l.date + l.start_time) AT TIME ZONE p_tz) > now())
    INTO v
    FROM lesson l JOIN course_group g ON g.id = l.group_id
   WHERE l.id = p_lesson;
  RETURN v;
END $fn$`);

    // The register's lines: the given enrolled learners (koers_enrolled_on_lesson, as arrays), by name, each with
    // its record or null. json, not jsonb: built to be sent, never queried.
    await queryRunner.query(`
CREATE FUNCTION koers_register_lines(p_lesson uuid, p_learners uuid[], p_trajectories uuid[], p_numbers text[],
                                     p_first_names text[], p_last_names text[])
RETURNS json
LANGUAGE plpgsql STABLE AS $fn$
DECLARE v json;
BEGIN
  SELECT coalesce(json_agg(json_build_object(
           'learnerId', en.learner_id, 'trajectoryId', en.trajectory_id, 'learnerNumber', en.learner_number,
           'firstName', en.first_name, 'lastName', en.last_name,
           'record', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object(
             'status', a.status, 'minutesLate', a.minutes_late, 'attendedMinutes', a.attended_minutes,
             'absenceReason', a.absence_reason, 'reportedInAdvance', a.reported_in_advance, 'recordedBy', a.recorded_by,
             'recordedAt', to_char(a.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END)
           ORDER BY en.last_name, en.first_name, en.learner_id), '[]'::json)
    INTO v
    FROM unnest(p_learners, p_trajectories, p_numbers, p_first_names, p_last_names)
         AS en(learner_id, trajectory_id, learner_number, first_name, last_name)
    LEFT JOIN attendance_record a ON a.lesson_id = p_lesson AND a.learner_id = en.learner_id;
  RETURN v;
END $fn$`);

    // The register as the API shows it: the lesson and the lines of every learner enrolled on its date.
    await queryRunner.query(`
CREATE FUNCTION koers_register_view(p_lesson uuid, p_tz text)
RETURNS json
LANGUAGE plpgsql STABLE AS $fn$
DECLARE v json;
BEGIN
  SELECT koers_register_lines(p_lesson, array_agg(en.learner_id), array_agg(en.trajectory_id), array_agg(en.learner_number),
                              array_agg(en.first_name), array_agg(en.last_name))
    INTO v
    FROM koers_enrolled_on_lesson(p_lesson) en;
  RETURN json_build_object('lesson', koers_register_lesson(p_lesson, p_tz), 'learners', v);
END $fn$`);

    // Inserts or replaces records; unchanged rows are left alone (keeping who recorded them). Attended minutes
    // (DOMAIN.md): present = lesson minutes, late = lesson minutes − minutes late, absent = 0; twin of attended-minutes.ts.
    // Absence reported in advance stays marked as such while the teacher keeps it authorised.
    await queryRunner.query(`
CREATE FUNCTION koers_upsert_attendance(p_lesson uuid, p_user uuid, p_learners uuid[], p_trajectories uuid[],
                                        p_statuses text[], p_minutes_late int[], p_reasons text[], p_advance boolean[])
RETURNS int
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE v_written int;
BEGIN
  WITH w AS (
    INSERT INTO attendance_record AS r (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status,
                                        minutes_late, attended_minutes, absence_reason, reported_in_advance, recorded_by, recorded_at)
    SELECT l.id, x.learner_id, x.trajectory_id, l.date, l.minutes, l.mode, x.status, x.minutes_late,
           CASE x.status WHEN 'present' THEN l.minutes WHEN 'late' THEN greatest(0, l.minutes - x.minutes_late) ELSE 0 END,
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
END $fn$`);

    // Serialises saves that touch the same trajectories, so signal evaluation sees both (sorted: no deadlock).
    await queryRunner.query(`
CREATE FUNCTION koers_lock_trajectories(p_ids uuid[])
RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE v_id text;
BEGIN
  FOREACH v_id IN ARRAY coalesce((SELECT array_agg(DISTINCT x::text ORDER BY x::text) FROM unnest(p_ids) AS x), '{}') LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('attendance:' || v_id, 0));
  END LOOP;
END $fn$`);

    // R1/R2 (signal-rules.ts) set-based: thresholds from each trajectory's contract; only records after the previous
    // signal of a rule count; uq_absence_signal_open keeps at most one open signal per trajectory and rule.
    // p_ids null = every unfinished trajectory; p_as_of null = all records. Planning the statement took longer than
    // running it for one register (3.5 vs 2 ms), and the custom plans were no better: keep the generic plan.
    await queryRunner.query(`
CREATE FUNCTION koers_evaluate_absence_signals(p_ids uuid[], p_as_of date, p_actor uuid, p_role text, p_request_id text)
RETURNS TABLE (signal_id uuid, signal_trajectory uuid, signal_rule text, signal_date text)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $fn$
#variable_conflict use_column
BEGIN
  IF p_ids IS NULL THEN
    SELECT array_agg(t.id) INTO p_ids FROM trajectory t WHERE t.status IN ('planned', 'active', 'suspended');
  END IF;
  IF coalesce(cardinality(p_ids), 0) = 0 THEN RETURN; END IF;
  RETURN QUERY
  WITH tr AS (
    SELECT t.id, t.municipality_id,
           c.r1_consecutive_lessons AS r1n, c.r2_window_days AS r2w, c.r2_unauthorised_minutes AS r2m,
           coalesce((SELECT max(s.triggered_on) FROM absence_signal s WHERE s.trajectory_id = t.id AND s.rule = 'R1'), '-infinity'::date) AS r1_since,
           coalesce((SELECT max(s.triggered_on) FROM absence_signal s WHERE s.trajectory_id = t.id AND s.rule = 'R2'), '-infinity'::date) AS r2_since
      FROM trajectory t
      JOIN contract c ON c.id = t.contract_id
     WHERE t.id = ANY(p_ids) AND t.status IN ('planned', 'active', 'suspended')
  ),
  r1 AS (
    SELECT tr.id AS trajectory_id, tr.municipality_id, 'R1'::varchar AS rule, max(x.lesson_date) AS triggered_on,
           jsonb_build_object('consecutiveLessons', tr.r1n,
                              'lessonIds', jsonb_agg(x.lesson_id ORDER BY x.lesson_date, x.start_time, x.lesson_id)) AS details
      FROM tr
      CROSS JOIN LATERAL (
        SELECT y.* FROM (
          SELECT a.lesson_id, a.lesson_date, a.status, l.start_time
            FROM attendance_record a
            JOIN lesson l ON l.id = a.lesson_id
           WHERE a.trajectory_id = tr.id AND a.lesson_date > tr.r1_since
             AND (p_as_of IS NULL OR a.lesson_date <= p_as_of)
           ORDER BY a.lesson_date DESC
           FETCH FIRST tr.r1n ROWS WITH TIES
        ) y
        ORDER BY y.lesson_date DESC, y.start_time DESC, y.lesson_id DESC
        LIMIT tr.r1n
      ) x
     GROUP BY tr.id, tr.municipality_id, tr.r1n
    HAVING count(*) = tr.r1n AND bool_and(x.status = 'absent_unauthorised')
  ),
  r2 AS (
    SELECT DISTINCT ON (tr.id)
           tr.id AS trajectory_id, tr.municipality_id, 'R2'::varchar AS rule, e.lesson_date AS triggered_on,
           jsonb_build_object('windowDays', tr.r2w, 'thresholdMinutes', tr.r2m, 'unauthorisedMinutes', w.minutes) AS details
      FROM tr
      JOIN attendance_record e
        ON e.trajectory_id = tr.id AND e.status = 'absent_unauthorised' AND e.lesson_date > tr.r2_since
       AND (p_as_of IS NULL OR e.lesson_date <= p_as_of)
      CROSS JOIN LATERAL (
        SELECT sum(s.lesson_minutes)::int AS minutes
          FROM attendance_record s
         WHERE s.trajectory_id = tr.id AND s.status = 'absent_unauthorised'
           AND s.lesson_date > tr.r2_since
           AND s.lesson_date > e.lesson_date - tr.r2w AND s.lesson_date <= e.lesson_date
      ) w
     WHERE w.minutes >= tr.r2m
     ORDER BY tr.id, e.lesson_date
  ),
  hits AS (
    SELECT * FROM r1 UNION ALL SELECT * FROM r2
  ),
  ins AS (
    INSERT INTO absence_signal (trajectory_id, municipality_id, rule, triggered_on, details)
    SELECT h.trajectory_id, h.municipality_id, h.rule, h.triggered_on, h.details FROM hits h ORDER BY h.trajectory_id, h.rule
    ON CONFLICT (trajectory_id, rule) WHERE status IN ('registered', 'in_progress') DO NOTHING
    RETURNING absence_signal.id, absence_signal.trajectory_id, absence_signal.rule, absence_signal.triggered_on
  ),
  audited AS (
    INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, fields, request_id)
    SELECT p_actor, p_role, 'raise', 'absence_signal', ins.id::text, ARRAY['rule', 'triggeredOn', 'details'], p_request_id FROM ins
  )
  SELECT ins.id, ins.trajectory_id, ins.rule::text, to_char(ins.triggered_on, 'YYYY-MM-DD') FROM ins;
END $fn$`);

    // PUT /lessons/:id/register in one call. Checks in the order the API reports them; an outcome other than
    // 'saved' has changed nothing. Entries arrive checked for shape and duplicates (register-entries.validator.ts).
    await queryRunner.query(`
CREATE FUNCTION koers_save_register(p_lesson uuid, p_tz text, p_role text, p_user uuid, p_request_id text,
                                    p_learners uuid[], p_statuses text[], p_minutes_late int[], p_reasons text[])
RETURNS json
LANGUAGE plpgsql AS $fn$
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
END $fn$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION koers_save_register(uuid, text, text, uuid, text, uuid[], text[], int[], text[])`);
    await queryRunner.query(`DROP FUNCTION koers_evaluate_absence_signals(uuid[], date, uuid, text, text)`);
    await queryRunner.query(`DROP FUNCTION koers_lock_trajectories(uuid[])`);
    await queryRunner.query(`DROP FUNCTION koers_upsert_attendance(uuid, uuid, uuid[], uuid[], text[], int[], text[], boolean[])`);
    await queryRunner.query(`DROP FUNCTION koers_register_view(uuid, text)`);
    await queryRunner.query(`DROP FUNCTION koers_register_lines(uuid, uuid[], uuid[], text[], text[], text[])`);
    await queryRunner.query(`DROP FUNCTION koers_register_lesson(uuid, text)`);
    await queryRunner.query(`DROP FUNCTION koers_enrolled_on_lesson(uuid)`);
    await queryRunner.query(`DROP FUNCTION koers_enrolled_on(date, date, text, date, date)`);
  }
}
