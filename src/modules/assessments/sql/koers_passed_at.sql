-- A pass/fail skill (knm, map, ona) counts as passed once any pass/fail assessment on or before the date passed.
-- Inlined by PostgreSQL. Test oracle: src/modules/assessments/level-at-date.ts (passedAtDate).
CREATE OR REPLACE FUNCTION koers_passed_at(p_learner uuid, p_skill text, p_day date)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce(
    (SELECT bool_or(a.passed) FROM assessment a
      WHERE a.learner_id = p_learner AND a.skill = p_skill AND a.date <= p_day AND a.level IS NULL),
    false)
$function$;
