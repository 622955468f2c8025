-- DOMAIN.md (Assessments): a learner's result in every skill at a date, in one read of the learner's assessments (a
-- report asks it once per trajectory, not once per trajectory and skill). p_intake_levels is that learner's
-- learner.intake_levels (callers have the row at hand). level_index: the highest level reached on or before the date
-- (a failed assessment never raises a level), else the intake level, else null; index 0..6 on A0 < A1 < ... < C2.
-- passed: a pass/fail result (level null) on or before the date passed. One row per skill that has an assessment on
-- or before the date or an intake level. koers_level_index_at and koers_passed_at read one skill of it. One SELECT,
-- so PostgreSQL inlines it into the caller's plan.
-- Test oracle: src/modules/assessments/level-at-date.ts (levelIndexAtDate, passedAtDate).
CREATE OR REPLACE FUNCTION koers_skill_results_at(p_learner uuid, p_intake_levels jsonb, p_day date)
 RETURNS TABLE(skill text, level_index integer, passed boolean)
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce(r.skill, i.skill),
         coalesce(r.level_index, array_position(ARRAY['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'], i.level) - 1),
         coalesce(r.passed, false)
    FROM (SELECT a.skill::text AS skill,
                 max(a.level_index) FILTER (WHERE a.level_index IS NOT NULL AND a.passed IS DISTINCT FROM false)::integer AS level_index,
                 bool_or(a.passed) FILTER (WHERE a.level IS NULL) AS passed
            FROM assessment a
           WHERE a.learner_id = p_learner AND a.date <= p_day
           GROUP BY a.skill) r
    FULL JOIN jsonb_each_text(CASE jsonb_typeof(p_intake_levels) WHEN 'object' THEN p_intake_levels END) i(skill, level) ON i.skill = r.skill
$function$;
