-- DOMAIN.md (Attendance): a trajectory counts as enrolled in a group on a day when the enrolment covers the day and the
-- trajectory has not ended before it. Inlined by PostgreSQL (no sub-select): reports call it in their own plans.
CREATE OR REPLACE FUNCTION koers_enrolled_on(p_from date, p_to date, p_status text, p_end date, p_day date)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT p_from <= p_day AND p_day <= coalesce(p_to, p_day) AND (p_status IN ('planned', 'active', 'suspended') OR p_end >= p_day)
$function$;
