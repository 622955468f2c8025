-- A pass/fail skill (knm, map, ona) counts as passed once any pass/fail assessment on or before the date passed.
-- One skill of koers_skill_results_at (the rule itself). Inlined by PostgreSQL.
-- Test oracle: src/modules/assessments/level-at-date.ts (passedAtDate).
CREATE OR REPLACE FUNCTION koers_passed_at(p_learner uuid, p_skill text, p_day date)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce((SELECT r.passed FROM learner l CROSS JOIN LATERAL koers_skill_results_at(l.id, l.intake_levels, p_day) r
                    WHERE l.id = p_learner AND r.skill = p_skill), false)
$function$;
