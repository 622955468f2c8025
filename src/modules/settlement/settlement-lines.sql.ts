/**
 * The lines of a draft, computed in the database in one statement ($1 run, $2 municipality, $3 from, $4 to, $5 today):
 * - every event of the municipality's trajectories dated on or before `to` that no final run billed (dated before
 *   `from`: late, "nagekomen");
 * - for every billed event, what it would bill now minus what its billed lines (corrections included) add up to;
 *   a difference ≠ 0 is a correction dated `to`, pointing at the event's first billed line. An event that no longer
 *   occurs bills 0 now, so it is credited in full. A billed event whose date moved is never billed again.
 */
export const INSERT_DRAFT_LINES = `
WITH tr AS (
  SELECT t.id FROM trajectory t WHERE t.municipality_id = $2::uuid
),
ev AS (
  SELECT e.* FROM koers_settlement_events($2::uuid, NULL, $5::date) e
),
billed AS (
  SELECT b.trajectory_id, b.event_key, sum(b.amount_cents)::bigint AS billed, max(b.correction_seq) AS seq,
         (array_agg(b.line_id ORDER BY b.correction_seq))[1] AS first_line
    FROM settlement_billing b
   WHERE b.trajectory_id IN (SELECT id FROM tr)
   GROUP BY b.trajectory_id, b.event_key
),
x AS (
  SELECT e.trajectory_id, e.kind, e.event_key, e.event_date, e.percent, e.minutes, e.amount_cents,
         e.event_date < $3::date AS late, NULL::uuid AS corrects, 0 AS seq
    FROM ev e
   WHERE e.event_date <= $4::date
     AND NOT EXISTS (SELECT 1 FROM billed b WHERE b.trajectory_id = e.trajectory_id AND b.event_key = e.event_key)
  UNION ALL
  SELECT b.trajectory_id, 'correction', b.event_key, $4::date, e.percent, e.minutes,
         coalesce(e.amount_cents, 0) - b.billed, false, b.first_line, b.seq + 1
    FROM billed b
    LEFT JOIN ev e ON e.trajectory_id = b.trajectory_id AND e.event_key = b.event_key
   WHERE coalesce(e.amount_cents, 0) <> b.billed
)
INSERT INTO settlement_line (run_id, line_no, trajectory_id, product_id, contract_id, kind, event_key, event_date, percent,
                             minutes, amount_cents, vat_rate_basis_points, late, corrects_line_id, correction_seq)
SELECT $1::uuid,
       row_number() OVER (ORDER BY p.name, l.learner_number, x.event_date, x.event_key, x.seq),
       x.trajectory_id, t.product_id, t.contract_id, x.kind, x.event_key, x.event_date, x.percent, x.minutes,
       x.amount_cents, c.vat_rate_basis_points, x.late, x.corrects, x.seq
  FROM x
  JOIN trajectory t ON t.id = x.trajectory_id
  JOIN learner l ON l.id = t.learner_id
  JOIN product p ON p.id = t.product_id
  JOIN contract c ON c.id = t.contract_id`;

/** VAT per rate over the run's lines, each rounded half up (away from zero for a credit). */
export const UPDATE_RUN_TOTALS = `
WITH per_rate AS (
  SELECT l.vat_rate_basis_points AS bp, sum(l.amount_cents)::bigint AS net, count(*) AS n
    FROM settlement_line l WHERE l.run_id = $1::uuid GROUP BY l.vat_rate_basis_points
),
t AS (
  SELECT coalesce(sum(n), 0)::int AS n, coalesce(sum(net), 0)::bigint AS net,
         coalesce(sum(CASE WHEN net < 0 THEN -((-net * bp + 5000) / 10000) ELSE (net * bp + 5000) / 10000 END), 0)::bigint AS vat
    FROM per_rate
)
UPDATE settlement_run r SET line_count = t.n, subtotal_cents = t.net, vat_cents = t.vat, total_cents = t.net + t.vat, computed_at = now()
  FROM t WHERE r.id = $1::uuid`;
