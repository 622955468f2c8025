import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface RaisedSignal {
  id: string;
  trajectoryId: string;
  rule: string;
  triggeredOn: string;
}

/**
 * R1/R2 of signal-rules.ts, set-based in one statement (no per-trajectory loop), so the
 * nightly pass over every unfinished trajectory stays a single query. Thresholds come from
 * each trajectory's contract. ON CONFLICT against uq_absence_signal_open keeps at most one
 * open signal per trajectory and rule; only records after the previous signal of that rule count.
 */
const EVALUATE_SQL = `
WITH tr AS (
  SELECT t.id, t.municipality_id,
         c.r1_consecutive_lessons AS r1n, c.r2_window_days AS r2w, c.r2_unauthorised_minutes AS r2m,
         coalesce((SELECT max(s.triggered_on) FROM absence_signal s WHERE s.trajectory_id = t.id AND s.rule = 'R1'), '-infinity'::date) AS r1_since,
         coalesce((SELECT max(s.triggered_on) FROM absence_signal s WHERE s.trajectory_id = t.id AND s.rule = 'R2'), '-infinity'::date) AS r2_since
    FROM trajectory t
    JOIN contract c ON c.id = t.contract_id
   WHERE t.status IN ('planned', 'active', 'suspended')
     AND ($1::uuid[] IS NULL OR t.id = ANY($1::uuid[]))
),
r1 AS (
  SELECT tr.id AS trajectory_id, tr.municipality_id, 'R1'::varchar AS rule, max(x.lesson_date) AS triggered_on,
         jsonb_build_object('consecutiveLessons', tr.r1n,
                            'lessonIds', jsonb_agg(x.lesson_id ORDER BY x.lesson_date, x.start_time, x.lesson_id)) AS details
    FROM tr
    CROSS JOIN LATERAL (
      SELECT y.* FROM (
        SELECT a.lesson_id, a.lesson_date, a.status, l.start_time
          FROM attendance_record a
          JOIN lesson l ON l.id = a.lesson_id
         WHERE a.trajectory_id = tr.id AND a.lesson_date > tr.r1_since
           AND ($2::date IS NULL OR a.lesson_date <= $2::date)
         ORDER BY a.lesson_date DESC
         FETCH FIRST tr.r1n ROWS WITH TIES
      ) y
      ORDER BY y.lesson_date DESC, y.start_time DESC, y.lesson_id DESC
      LIMIT tr.r1n
    ) x
   GROUP BY tr.id, tr.municipality_id, tr.r1n
  HAVING count(*) = tr.r1n AND bool_and(x.status = 'absent_unauthorised')
),
r2 AS (
  SELECT DISTINCT ON (tr.id)
         tr.id AS trajectory_id, tr.municipality_id, 'R2'::varchar AS rule, e.lesson_date AS triggered_on,
         jsonb_build_object('windowDays', tr.r2w, 'thresholdMinutes', tr.r2m, 'unauthorisedMinutes', w.minutes) AS details
    FROM tr
    JOIN attendance_record e
      ON e.trajectory_id = tr.id AND e.status = 'absent_unauthorised' AND e.lesson_date > tr.r2_since
     AND ($2::date IS NULL OR e.lesson_date <= $2::date)
    CROSS JOIN LATERAL (
      SELECT sum(s.lesson_minutes)::int AS minutes
        FROM attendance_record s
       WHERE s.trajectory_id = tr.id AND s.status = 'absent_unauthorised'
         AND s.lesson_date > tr.r2_since
         AND s.lesson_date > e.lesson_date - tr.r2w AND s.lesson_date <= e.lesson_date
    ) w
   WHERE w.minutes >= tr.r2m
   ORDER BY tr.id, e.lesson_date
),
hits AS (
  SELECT * FROM r1 UNION ALL SELECT * FROM r2
),
ins AS (
  INSERT INTO absence_signal (trajectory_id, municipality_id, rule, triggered_on, details)
  SELECT trajectory_id, municipality_id, rule, triggered_on, details FROM hits ORDER BY trajectory_id, rule
  ON CONFLICT (trajectory_id, rule) WHERE status IN ('registered', 'in_progress') DO NOTHING
  RETURNING id, trajectory_id, rule, triggered_on
),
audited AS (
  INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, fields, request_id)
  SELECT $3::uuid, $4::varchar, 'raise', 'absence_signal', ins.id::text, ARRAY['rule', 'triggeredOn', 'details'], $5::varchar FROM ins
)
SELECT id, trajectory_id AS "trajectoryId", rule, to_char(triggered_on, 'YYYY-MM-DD') AS "triggeredOn" FROM ins`;

export interface EvaluationActor {
  userId: string | null;
  role: string | null;
  requestId?: string | null;
}

@Injectable()
export class SignalEvaluationRepository {
  /**
   * Evaluates the given trajectories (null = every unfinished one) through `asOf`
   * (null = all records) and raises new signals; runs in the caller's transaction.
   */
  async evaluate(m: EntityManager, trajectoryIds: string[] | null, asOf: string | null, actor: EvaluationActor): Promise<RaisedSignal[]> {
    if (trajectoryIds && !trajectoryIds.length) return [];
    return m.query(EVALUATE_SQL, [trajectoryIds, asOf, actor.userId, actor.role, actor.requestId ?? null]);
  }
}
