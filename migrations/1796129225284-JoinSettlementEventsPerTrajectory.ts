import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by `npm run sql:migration` from the SQL rule files below; never edit it: change the file and generate a
 * new migration. Down restores the definitions as the database held them before.
 *   src/modules/settlement/sql/koers_settlement_events.sql
 */
export class JoinSettlementEventsPerTrajectory1796129225284 implements MigrationInterface {
  name = 'JoinSettlementEventsPerTrajectory1796129225284';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // src/modules/settlement/sql/koers_settlement_events.sql
    await queryRunner.query(`-- The billable events (DOMAIN.md, Settlement) of one municipality's trajectories, or of one trajectory
-- (p_trajectory_id), or of the whole region (both null); every date, amounts in integer cents.
-- Identity: (trajectory, kind) for milestones, (trajectory, 'hours:YYYY-MM') for hours. Rounding is half up on
-- non-negative bigints: (x + d/2) / d, with d = 100, 60 or contracted minutes (all even). Every sum is cast back to
-- bigint: sum(bigint) is numeric, whose division does not truncate.
-- Advance-reported absences count only from the lesson's date on (p_today); they add no minutes either way.
-- PL/pgSQL with custom plans: the planner sees which of the three selections it is and sizes the joins for it;
-- each trajectory's attendance is read in date order from the covering index (trajectory_id, lesson_date), so
-- running totals need no sort; work_mem keeps the remaining sorts in memory.
CREATE OR REPLACE FUNCTION koers_settlement_events(p_municipality_id uuid, p_trajectory_id uuid, p_today date)
RETURNS TABLE (trajectory_id uuid, kind text, event_key text, event_date date, percent integer, minutes integer, amount_cents bigint)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_custom_plan
SET work_mem = '64MB' AS $fn$
BEGIN
  RETURN QUERY
  WITH tr AS MATERIALIZED (
    -- A planned trajectory, or one dropped out before it was ever active, bills nothing.
    SELECT t.id, t.status, t.start_date, t.end_date, t.learner_id, t.contracted_hours::bigint * 60 AS cap,
           cp.billing_basis, cp.price_cents::bigint AS price, cp.hourly_rate_cents::bigint AS rate,
           cp.exam_bonus_cents::bigint AS bonus, cp.dropout_rule,
           (SELECT (m ->> 'percent')::int FROM jsonb_array_elements(cp.milestones) m WHERE m ->> 'kind' = 'start' LIMIT 1) AS pct_start,
           (SELECT (m ->> 'percent')::int FROM jsonb_array_elements(cp.milestones) m WHERE m ->> 'kind' = 'halfway' LIMIT 1) AS pct_halfway
      FROM trajectory t
      JOIN contract_product cp ON cp.contract_id = t.contract_id AND cp.product_id = t.product_id
     WHERE (p_municipality_id IS NULL OR t.municipality_id = p_municipality_id)
       AND (p_trajectory_id IS NULL OR t.id = p_trajectory_id)
       AND t.status <> 'planned' AND NOT t.never_active
  ),
  pt AS (
    -- per_trajectory, one row per trajectory, everything read per trajectory through laterals (no self-joins of tr):
    -- from its attendance in date order (the covering index, no sort) the attended minutes and the lesson date at
    -- which their running total reaches half the contracted minutes (none when the trajectory ended before that);
    -- the learner's first passed exam on or after the start.
    SELECT tr.*,
           CASE WHEN tr.pct_start IS NOT NULL THEN (tr.price * tr.pct_start + 50) / 100 END AS start_amt,
           x.halfway_date,
           CASE WHEN tr.pct_halfway IS NOT NULL AND x.halfway_date IS NOT NULL THEN (tr.price * tr.pct_halfway + 50) / 100 END AS halfway_amt,
           x.att,
           ex.exam_date
      FROM tr
     CROSS JOIN LATERAL (
       SELECT coalesce(max(c.total), 0)::bigint AS att,
              min(c.lesson_date) FILTER (WHERE c.total * 2 >= tr.cap AND (tr.end_date IS NULL OR c.lesson_date <= tr.end_date)) AS halfway_date
         FROM (SELECT a.lesson_date, (sum(sum(a.attended_minutes)) OVER (ORDER BY a.lesson_date))::bigint AS total
                 FROM attendance_record a
                WHERE a.trajectory_id = tr.id AND (NOT a.reported_in_advance OR a.lesson_date <= p_today)
                GROUP BY a.lesson_date) c
     ) x
     LEFT JOIN LATERAL (
       SELECT min(a.date) AS exam_date
         FROM assessment a
        WHERE a.learner_id = tr.learner_id AND a.is_exam AND a.passed IS TRUE AND a.date >= tr.start_date
     ) ex ON tr.bonus > 0
     WHERE tr.billing_basis = 'per_trajectory'
  ),
  hours AS (
    -- Per hourly trajectory: its months with attended minutes and their running total over the trajectory's life.
    SELECT tr.id, m.month, m.mins, (sum(m.mins) OVER (PARTITION BY tr.id ORDER BY m.month))::bigint AS total, tr.cap, tr.rate
      FROM tr
     CROSS JOIN LATERAL (
       SELECT date_trunc('month', a.lesson_date)::date AS month, sum(a.attended_minutes)::bigint AS mins
         FROM attendance_record a
        WHERE a.trajectory_id = tr.id AND (NOT a.reported_in_advance OR a.lesson_date <= p_today)
        GROUP BY 1
       HAVING sum(a.attended_minutes) > 0
     ) m
     WHERE tr.billing_basis = 'per_attended_hour'
  )
  SELECT pt.id, 'start'::text, 'start'::text, pt.start_date, pt.pct_start, NULL::int, pt.start_amt
    FROM pt WHERE pt.start_amt IS NOT NULL
  UNION ALL
  SELECT pt.id, 'halfway', 'halfway', pt.halfway_date, pt.pct_halfway, NULL::int, pt.halfway_amt
    FROM pt WHERE pt.halfway_amt IS NOT NULL
  UNION ALL
  -- completion = price − what the earlier milestones bill, so the milestone lines add up to the price exactly.
  SELECT pt.id, 'completion', 'completion', pt.end_date,
         100 - coalesce(pt.pct_start, 0) - CASE WHEN pt.halfway_amt IS NULL THEN 0 ELSE coalesce(pt.pct_halfway, 0) END, NULL::int,
         pt.price - coalesce(pt.start_amt, 0) - coalesce(pt.halfway_amt, 0)
    FROM pt WHERE pt.status = 'completed' AND pt.end_date IS NOT NULL
  UNION ALL
  -- Pro rata on dropout: min(attended / contracted, 1) × price, minus start and halfway, never below 0.
  SELECT pt.id, 'dropout', 'dropout', pt.end_date, NULL::int, least(pt.att, pt.cap)::int,
         greatest(0, (least(pt.att, pt.cap) * pt.price + pt.cap / 2) / pt.cap - coalesce(pt.start_amt, 0) - coalesce(pt.halfway_amt, 0))
    FROM pt WHERE pt.status = 'dropped_out' AND pt.dropout_rule = 'pro_rata_hours' AND pt.end_date IS NOT NULL
  UNION ALL
  -- The first passed exam on or after the start (results after the end count too); the bonus is outside the price.
  SELECT pt.id, 'exam_bonus', 'exam_bonus', pt.exam_date, NULL::int, NULL::int, pt.bonus
    FROM pt WHERE pt.exam_date IS NOT NULL
  UNION ALL
  -- One line per month with attended minutes, dated its last day, cut so the life total never exceeds the cap.
  SELECT h.id, 'hours', 'hours:' || to_char(h.month, 'YYYY-MM'), (h.month + interval '1 month - 1 day')::date, NULL::int,
         (least(h.total, h.cap) - least(h.total - h.mins, h.cap))::int,
         ((least(h.total, h.cap) - least(h.total - h.mins, h.cap)) * h.rate + 30) / 60
    FROM hours h;
END
$fn$;`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_settlement_events(p_municipality_id uuid, p_trajectory_id uuid, p_today date)
 RETURNS TABLE(trajectory_id uuid, kind text, event_key text, event_date date, percent integer, minutes integer, amount_cents bigint)
 LANGUAGE plpgsql
 STABLE
 SET plan_cache_mode TO 'force_custom_plan'
 SET work_mem TO '64MB'
AS $function$
BEGIN
  RETURN QUERY
  WITH tr AS MATERIALIZED (
    -- A planned trajectory, or one dropped out before it was ever active, bills nothing.
    SELECT t.id, t.status, t.start_date, t.end_date, t.learner_id, t.contracted_hours::bigint * 60 AS cap,
           cp.billing_basis, cp.price_cents::bigint AS price, cp.hourly_rate_cents::bigint AS rate,
           cp.exam_bonus_cents::bigint AS bonus, cp.dropout_rule,
           (SELECT (m ->> 'percent')::int FROM jsonb_array_elements(cp.milestones) m WHERE m ->> 'kind' = 'start' LIMIT 1) AS pct_start,
           (SELECT (m ->> 'percent')::int FROM jsonb_array_elements(cp.milestones) m WHERE m ->> 'kind' = 'halfway' LIMIT 1) AS pct_halfway
      FROM trajectory t
      JOIN contract_product cp ON cp.contract_id = t.contract_id AND cp.product_id = t.product_id
     WHERE (p_municipality_id IS NULL OR t.municipality_id = p_municipality_id)
       AND (p_trajectory_id IS NULL OR t.id = p_trajectory_id)
       AND t.status <> 'planned' AND NOT t.never_active
  ),
  progress AS (
    -- Per trajectory, from its attendance in date order (the covering index, no sort): the attended minutes and the
    -- lesson date at which their running total reaches half the contracted minutes (none when the trajectory ended
    -- before that).
    SELECT tr.id AS tid, x.att, x.halfway_date
      FROM tr
     CROSS JOIN LATERAL (
       SELECT coalesce(max(c.total), 0)::bigint AS att,
              min(c.lesson_date) FILTER (WHERE c.total * 2 >= tr.cap AND (tr.end_date IS NULL OR c.lesson_date <= tr.end_date)) AS halfway_date
         FROM (SELECT a.lesson_date, (sum(sum(a.attended_minutes)) OVER (ORDER BY a.lesson_date))::bigint AS total
                 FROM attendance_record a
                WHERE a.trajectory_id = tr.id AND (NOT a.reported_in_advance OR a.lesson_date <= p_today)
                GROUP BY a.lesson_date) c
     ) x
     WHERE tr.billing_basis = 'per_trajectory'
  ),
  exam AS (
    SELECT tr.id AS tid, min(a.date) AS exam_date
      FROM tr JOIN assessment a ON a.learner_id = tr.learner_id
     WHERE tr.bonus > 0 AND a.is_exam AND a.passed IS TRUE AND a.date >= tr.start_date
     GROUP BY tr.id
  ),
  pt AS (
    SELECT tr.*,
           CASE WHEN tr.pct_start IS NOT NULL THEN (tr.price * tr.pct_start + 50) / 100 END AS start_amt,
           pr.halfway_date,
           CASE WHEN tr.pct_halfway IS NOT NULL AND pr.halfway_date IS NOT NULL THEN (tr.price * tr.pct_halfway + 50) / 100 END AS halfway_amt,
           pr.att,
           ex.exam_date
      FROM tr
      JOIN progress pr ON pr.tid = tr.id
      LEFT JOIN exam ex ON ex.tid = tr.id
     WHERE tr.billing_basis = 'per_trajectory'
  ),
  hours AS (
    -- Per hourly trajectory: its months with attended minutes and their running total over the trajectory's life.
    SELECT tr.id, m.month, m.mins, (sum(m.mins) OVER (PARTITION BY tr.id ORDER BY m.month))::bigint AS total, tr.cap, tr.rate
      FROM tr
     CROSS JOIN LATERAL (
       SELECT date_trunc('month', a.lesson_date)::date AS month, sum(a.attended_minutes)::bigint AS mins
         FROM attendance_record a
        WHERE a.trajectory_id = tr.id AND (NOT a.reported_in_advance OR a.lesson_date <= p_today)
        GROUP BY 1
       HAVING sum(a.attended_minutes) > 0
     ) m
     WHERE tr.billing_basis = 'per_attended_hour'
  )
  SELECT pt.id, 'start'::text, 'start'::text, pt.start_date, pt.pct_start, NULL::int, pt.start_amt
    FROM pt WHERE pt.start_amt IS NOT NULL
  UNION ALL
  SELECT pt.id, 'halfway', 'halfway', pt.halfway_date, pt.pct_halfway, NULL::int, pt.halfway_amt
    FROM pt WHERE pt.halfway_amt IS NOT NULL
  UNION ALL
  -- completion = price − what the earlier milestones bill, so the milestone lines add up to the price exactly.
  SELECT pt.id, 'completion', 'completion', pt.end_date,
         100 - coalesce(pt.pct_start, 0) - CASE WHEN pt.halfway_amt IS NULL THEN 0 ELSE coalesce(pt.pct_halfway, 0) END, NULL::int,
         pt.price - coalesce(pt.start_amt, 0) - coalesce(pt.halfway_amt, 0)
    FROM pt WHERE pt.status = 'completed' AND pt.end_date IS NOT NULL
  UNION ALL
  -- Pro rata on dropout: min(attended / contracted, 1) × price, minus start and halfway, never below 0.
  SELECT pt.id, 'dropout', 'dropout', pt.end_date, NULL::int, least(pt.att, pt.cap)::int,
         greatest(0, (least(pt.att, pt.cap) * pt.price + pt.cap / 2) / pt.cap - coalesce(pt.start_amt, 0) - coalesce(pt.halfway_amt, 0))
    FROM pt WHERE pt.status = 'dropped_out' AND pt.dropout_rule = 'pro_rata_hours' AND pt.end_date IS NOT NULL
  UNION ALL
  -- The first passed exam on or after the start (results after the end count too); the bonus is outside the price.
  SELECT pt.id, 'exam_bonus', 'exam_bonus', pt.exam_date, NULL::int, NULL::int, pt.bonus
    FROM pt WHERE pt.exam_date IS NOT NULL
  UNION ALL
  -- One line per month with attended minutes, dated its last day, cut so the life total never exceeds the cap.
  SELECT h.id, 'hours', 'hours:' || to_char(h.month, 'YYYY-MM'), (h.month + interval '1 month - 1 day')::date, NULL::int,
         (least(h.total, h.cap) - least(h.total - h.mins, h.cap))::int,
         ((least(h.total, h.cap) - least(h.total - h.mins, h.cap)) * h.rate + 30) / 60
    FROM hours h;
END
$function$`);
  }
}
