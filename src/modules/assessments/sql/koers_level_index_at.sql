-- DOMAIN.md (Assessments): a learner's level in a skill at a date is the highest level reached on or before that date,
-- or the intake level if none; a failed assessment never raises a level. Index 0..6 on A0 < A1 < ... < C2, null when
-- there is neither. Inlined by PostgreSQL (one SELECT of sub-selects), so callers keep their plans.
-- Test oracle: src/modules/assessments/level-at-date.ts (levelIndexAtDate).
CREATE OR REPLACE FUNCTION koers_level_index_at(p_learner uuid, p_skill text, p_day date)
 RETURNS integer
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce(
    (SELECT max(a.level_index)::integer FROM assessment a
      WHERE a.learner_id = p_learner AND a.skill = p_skill AND a.date <= p_day
        AND a.level_index IS NOT NULL AND a.passed IS DISTINCT FROM false),
    (SELECT array_position(ARRAY['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'], l.intake_levels ->> p_skill) - 1
       FROM learner l WHERE l.id = p_learner))
$function$;
