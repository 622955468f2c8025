-- DOMAIN.md (Absence signals): R1 (N consecutive registered lessons absent_unauthorised, the first such run after
-- the previous R1 signal, dated at its N-th lesson) and R2 (unauthorised lesson minutes within a window reach a
-- threshold), with the thresholds of the trajectory's contract; at most one open signal per trajectory and rule.
-- Test oracle: src/modules/signals/signal-rules.ts (compared in test/signals-runs.e2e-spec.ts).
CREATE OR REPLACE FUNCTION koers_evaluate_absence_signals(p_ids uuid[], p_as_of date, p_actor uuid, p_role text, p_request_id text)
 RETURNS TABLE(signal_id uuid, signal_trajectory uuid, signal_rule text, signal_date text)
 LANGUAGE plpgsql
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
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

  -- The first run of N consecutive registered lessons (by date, start time) that are all absent_unauthorised, among
  -- the records after the previous R1 signal: a run found by back-filling older registers counts as well. Runs are
  -- the islands of rows whose (position overall − position among unauthorised rows) is equal.
  r1 AS (
    SELECT tr.id AS trajectory_id, tr.municipality_id, 'R1'::varchar AS rule, x.lesson_date AS triggered_on,
           jsonb_build_object('consecutiveLessons', tr.r1n, 'lessonIds', to_jsonb(x.run_ids)) AS details
      FROM tr
      CROSS JOIN LATERAL (
        SELECT u.lesson_date, u.run_ids
          FROM (
            SELECT g.lesson_date, g.ord,
                   row_number() OVER run AS pos,
                   array_agg(g.lesson_id) OVER run AS run_ids
              FROM (
                SELECT d.lesson_id, d.lesson_date, d.status,
                       row_number() OVER (ORDER BY d.lesson_date, d.start_time, d.lesson_id) AS ord,
                       row_number() OVER (ORDER BY d.lesson_date, d.start_time, d.lesson_id)
                         - row_number() OVER (PARTITION BY d.status = 'absent_unauthorised'
                                              ORDER BY d.lesson_date, d.start_time, d.lesson_id) AS island
                  FROM (
                    -- The start time only orders two lessons of one day: looked up for those alone (most of the cost).
                    SELECT a.lesson_id, a.lesson_date, a.status,
                           CASE WHEN count(*) OVER (PARTITION BY a.lesson_date) > 1
                                THEN (SELECT l.start_time FROM lesson l WHERE l.id = a.lesson_id) END AS start_time
                      FROM attendance_record a
                     WHERE a.trajectory_id = tr.id AND a.lesson_date > tr.r1_since
                       AND (p_as_of IS NULL OR a.lesson_date <= p_as_of)
                  ) d
              ) g
             WHERE g.status = 'absent_unauthorised'
            WINDOW run AS (PARTITION BY g.island ORDER BY g.ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
          ) u
         WHERE u.pos = tr.r1n
         ORDER BY u.ord
         LIMIT 1
      ) x
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
END $function$;
