import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CEFR_LEVELS, PASS, PASS_FAIL_SKILLS, SKILLS } from '../../common/domain/vocabulary';
import { SkillLevelAtDate } from './level-at-date';

export interface LevelAtDateRequest {
  learnerId: string;
  /** YYYY-MM-DD: the level on (and including) this day. */
  date: string;
  /** Whose targets to compare with; default the learner's unfinished trajectory, else the most recent one. */
  trajectoryId?: string | null;
}

export interface LevelAtDateRow extends SkillLevelAtDate {
  /** Position of the request (0-based) in the array passed in. */
  request: number;
  learnerId: string;
  date: string;
  /** The trajectory the targets came from, or null. */
  trajectoryId: string | null;
}

/**
 * Level per skill at a date, computed in one query (semantics: level-at-date.ts):
 * highest level_index of passed assessments on or before the date, else the
 * intake level; pass/fail skills: any pass on or before the date. Batches many
 * (learner, date) pairs so reports can reuse it without loading assessment rows.
 */
const LEVELS_AT_DATE_SQL = `
WITH q AS (
  SELECT r.learner_id, r.at_date, r.trajectory_id, (r.ord - 1)::int AS ord
    FROM unnest($1::uuid[], $2::date[], $3::uuid[]) WITH ORDINALITY AS r(learner_id, at_date, trajectory_id, ord)
),
best AS (
  SELECT q.ord, a.skill,
         max(a.level_index) FILTER (WHERE a.level_index IS NOT NULL AND a.passed IS DISTINCT FROM false) AS best_index,
         bool_or(a.passed) FILTER (WHERE a.level IS NULL) AS passed
    FROM q JOIN assessment a ON a.learner_id = q.learner_id AND a.date <= q.at_date
   GROUP BY q.ord, a.skill
),
tr AS (
  SELECT q.ord, t.id, t.target_levels
    FROM q JOIN LATERAL (
      SELECT t.id, t.target_levels FROM trajectory t
       WHERE t.learner_id = q.learner_id AND (q.trajectory_id IS NULL OR t.id = q.trajectory_id)
       ORDER BY (t.status IN ('planned', 'active', 'suspended')) DESC, coalesce(t.end_date, t.start_date) DESC, t.created_at DESC
       LIMIT 1) t ON true
),
base AS (
  SELECT q.ord, q.learner_id, q.at_date, s.skill, s.pos, tr.id AS trajectory_id,
         s.skill = ANY($5::text[]) AS pass_fail,
         array_position($6::text[], l.intake_levels ->> s.skill) - 1 AS intake_index,
         coalesce(b.best_index, array_position($6::text[], l.intake_levels ->> s.skill) - 1) AS current_index,
         tr.target_levels ->> s.skill AS target_raw,
         array_position($6::text[], tr.target_levels ->> s.skill) - 1 AS target_index,
         coalesce(b.passed, false) AS passed
    FROM q
    JOIN learner l ON l.id = q.learner_id
   CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS s(skill, pos)
    LEFT JOIN tr ON tr.ord = q.ord
    LEFT JOIN best b ON b.ord = q.ord AND b.skill = s.skill
)
SELECT ord AS request, learner_id AS "learnerId", at_date::text AS date, trajectory_id AS "trajectoryId", skill,
       CASE WHEN pass_fail THEN 'pass_fail' ELSE 'cefr' END AS scale,
       CASE WHEN NOT pass_fail THEN ($6::text[])[intake_index + 1] END AS intake,
       CASE WHEN NOT pass_fail THEN ($6::text[])[current_index + 1] END AS current,
       CASE WHEN pass_fail THEN target_raw ELSE ($6::text[])[target_index + 1] END AS target,
       CASE WHEN NOT pass_fail THEN current_index - intake_index END AS gain,
       CASE WHEN pass_fail THEN passed END AS passed,
       CASE WHEN pass_fail THEN CASE WHEN target_raw = $7 THEN passed END
            WHEN target_index IS NOT NULL THEN coalesce(current_index >= target_index, false) END AS reached
  FROM base
 ORDER BY ord, pos`;

@Injectable()
export class AssessmentLevelRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One row per (request, skill) in SKILLS order; requests for unknown learners give no rows. */
  levelsAtDates(requests: LevelAtDateRequest[], m: EntityManager = this.db.manager): Promise<LevelAtDateRow[]> {
    if (!requests.length) return Promise.resolve([]);
    return m.query(LEVELS_AT_DATE_SQL, [
      requests.map((r) => r.learnerId),
      requests.map((r) => r.date),
      requests.map((r) => r.trajectoryId ?? null),
      [...SKILLS],
      [...PASS_FAIL_SKILLS],
      [...CEFR_LEVELS],
      PASS,
    ]);
  }

  levelsAtDate(learnerId: string, date: string, m?: EntityManager): Promise<LevelAtDateRow[]> {
    return this.levelsAtDates([{ learnerId, date }], m);
  }
}
