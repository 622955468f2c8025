-- The lesson of a register with what a save must check (cancelled, in the future, minutes), as JSON.
CREATE OR REPLACE FUNCTION koers_register_lesson(p_lesson uuid, p_tz text)
 RETURNS json
 LANGUAGE plpgsql
 STABLE
AS $function$
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
END $function$;
