-- Recounts lesson.recorded_learners from the records (after a load with triggers off).
CREATE OR REPLACE FUNCTION koers_recount_lesson_records()
 RETURNS void
 LANGUAGE sql
AS $function$
  UPDATE lesson l SET recorded_learners = coalesce(c.n, 0)
    FROM lesson x LEFT JOIN (SELECT a.lesson_id, count(*)::int AS n FROM attendance_record a GROUP BY a.lesson_id) c ON c.lesson_id = x.id
   WHERE l.id = x.id AND l.recorded_learners IS DISTINCT FROM coalesce(c.n, 0)
$function$;
