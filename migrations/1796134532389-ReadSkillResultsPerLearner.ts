import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by `npm run sql:migration` from the SQL rule files below; never edit it: change the file and generate a
 * new migration. Down restores the definitions as the database held them before.
 *   src/modules/assessments/sql/koers_skill_results_at.sql
 *   src/modules/network/sql/koers_participation_minutes.sql
 *   src/modules/portfolio/sql/koers_portfolio_completeness.sql
 *   src/modules/assessments/sql/koers_level_index_at.sql
 *   src/modules/assessments/sql/koers_passed_at.sql
 */
export class ReadSkillResultsPerLearner1796134532389 implements MigrationInterface {
  name = 'ReadSkillResultsPerLearner1796134532389';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // src/modules/assessments/sql/koers_skill_results_at.sql
    await queryRunner.query(`-- DOMAIN.md (Assessments): a learner's result in every skill at a date, in one read of the learner's assessments (a
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
$function$;`);
    // src/modules/network/sql/koers_participation_minutes.sql
    await queryRunner.query(`-- A trajectory's participation at network partners (Z-route norm, DOMAIN.md "Network"): the sum of the minutes of
-- its referrals' participation entries dated on or before p_until. One SELECT of a sub-select, so PostgreSQL inlines it
-- into the caller's plan (a body with its own FROM runs as a separate call per row).
CREATE OR REPLACE FUNCTION koers_participation_minutes(p_trajectory_id uuid, p_until date)
RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT (SELECT coalesce(sum(pe.minutes), 0)::integer
            FROM referral r
            JOIN participation_entry pe ON pe.referral_id = r.id
           WHERE r.trajectory_id = p_trajectory_id
             AND pe.entry_date <= p_until)
$$;`);
    // src/modules/portfolio/sql/koers_portfolio_completeness.sql
    await queryRunner.query(`-- DOMAIN.md (Portfolio): completeness = approved distinct required domains / required domains of the product; 1 when
-- the product requires none. p_at: count items approved (reviewed) on or before that instant; null = now.
-- One SELECT of a sub-select, so PostgreSQL inlines it into the caller's plan instead of calling it per row.
CREATE OR REPLACE FUNCTION koers_portfolio_completeness(p_trajectory uuid, p_at timestamptz)
 RETURNS double precision
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT (SELECT CASE WHEN coalesce(cardinality(p.required_domains), 0) = 0 THEN 1.0::float8 ELSE
            (SELECT count(DISTINCT pi.domain) FROM portfolio_item pi
              WHERE pi.trajectory_id = t.id AND pi.status = 'approved' AND pi.domain = ANY (p.required_domains)
                AND (p_at IS NULL OR pi.reviewed_at <= p_at))::float8
            / (SELECT count(DISTINCT d) FROM unnest(p.required_domains) d)::float8 END
            FROM trajectory t JOIN product p ON p.id = t.product_id
           WHERE t.id = p_trajectory)
$function$;`);
    // src/modules/assessments/sql/koers_level_index_at.sql
    await queryRunner.query(`-- DOMAIN.md (Assessments): a learner's level in a skill at a date is the highest level reached on or before that date,
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
$function$;`);
    // src/modules/assessments/sql/koers_passed_at.sql
    await queryRunner.query(`-- A pass/fail skill (knm, map, ona) counts as passed once any pass/fail assessment on or before the date passed.
-- One skill of koers_skill_results_at (the rule itself). Inlined by PostgreSQL.
-- Test oracle: src/modules/assessments/level-at-date.ts (passedAtDate).
CREATE OR REPLACE FUNCTION koers_passed_at(p_learner uuid, p_skill text, p_day date)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce((SELECT r.passed FROM learner l CROSS JOIN LATERAL koers_skill_results_at(l.id, l.intake_levels, p_day) r
                    WHERE l.id = p_learner AND r.skill = p_skill), false)
$function$;`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_skill_results_at(p_learner uuid, p_intake_levels jsonb, p_day date)`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_participation_minutes(p_trajectory_id uuid, p_until date)
 RETURNS integer
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce(sum(pe.minutes), 0)::integer
    FROM referral r
    JOIN participation_entry pe ON pe.referral_id = r.id
   WHERE r.trajectory_id = p_trajectory_id
     AND pe.entry_date <= p_until
$function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_portfolio_completeness(p_trajectory uuid, p_at timestamp with time zone)
 RETURNS double precision
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT CASE WHEN coalesce(cardinality(p.required_domains), 0) = 0 THEN 1.0::float8 ELSE
    (SELECT count(DISTINCT pi.domain) FROM portfolio_item pi
      WHERE pi.trajectory_id = t.id AND pi.status = 'approved' AND pi.domain = ANY (p.required_domains)
        AND (p_at IS NULL OR pi.reviewed_at <= p_at))::float8
    / (SELECT count(DISTINCT d) FROM unnest(p.required_domains) d)::float8 END
    FROM trajectory t JOIN product p ON p.id = t.product_id
   WHERE t.id = p_trajectory
$function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_level_index_at(p_learner uuid, p_skill text, p_day date)
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
$function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_passed_at(p_learner uuid, p_skill text, p_day date)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce(
    (SELECT bool_or(a.passed) FROM assessment a
      WHERE a.learner_id = p_learner AND a.skill = p_skill AND a.date <= p_day AND a.level IS NULL),
    false)
$function$`);
  }
}
