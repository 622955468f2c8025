-- The learners (and their trajectories) enrolled in a lesson's group on the lesson's date (koers_enrolled_on).
CREATE OR REPLACE FUNCTION koers_enrolled_on_lesson(p_lesson uuid)
 RETURNS TABLE(learner_id uuid, trajectory_id uuid, learner_number text, first_name text, last_name text)
 LANGUAGE plpgsql
 STABLE
AS $function$
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
END $function$;
