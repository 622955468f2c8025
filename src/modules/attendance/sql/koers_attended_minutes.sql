-- DOMAIN.md (Attendance): present = lesson minutes, late = lesson minutes - minutes late (never below 0),
-- absent (authorised or not) = 0. Stored on each record as attended_minutes by koers_upsert_attendance, so reports
-- sum the column. Test oracle: src/modules/attendance/attended-minutes.ts.
CREATE OR REPLACE FUNCTION koers_attended_minutes(p_status text, p_lesson_minutes integer, p_minutes_late integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT CASE p_status WHEN 'present' THEN p_lesson_minutes WHEN 'late' THEN greatest(0, p_lesson_minutes - p_minutes_late) ELSE 0 END
$function$;
