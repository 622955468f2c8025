-- DOMAIN.md (Assessments): a learner's level in a skill at a date is the highest level reached on or before that date,
-- or the intake level if none; a failed assessment never raises a level. Index 0..6 on A0 < A1 < ... < C2, null when
-- there is neither. One skill of koers_skill_results_at (the rule itself). Inlined by PostgreSQL (one SELECT of a
-- sub-select), so callers keep their plans.
-- Test oracle: src/modules/assessments/level-at-date.ts (levelIndexAtDate).
CREATE OR REPLACE FUNCTION koers_level_index_at(p_learner uuid, p_skill text, p_day date)
 RETURNS integer
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT (SELECT r.level_index FROM learner l CROSS JOIN LATERAL koers_skill_results_at(l.id, l.intake_levels, p_day) r
           WHERE l.id = p_learner AND r.skill = p_skill)
$function$;
