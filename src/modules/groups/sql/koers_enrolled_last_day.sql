-- The last day an enrolment counts: its own end, or the day its trajectory ended, whichever comes first.
CREATE OR REPLACE FUNCTION koers_enrolled_last_day(p_to date, p_status text, p_end date)
 RETURNS date
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT least(coalesce(p_to, 'infinity'::date),
               CASE WHEN p_status IN ('planned', 'active', 'suspended') THEN 'infinity'::date ELSE coalesce(p_end, '-infinity'::date) END)
$function$;
