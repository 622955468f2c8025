import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CEFR_LEVELS, PASS, PASS_FAIL_SKILLS, SKILLS } from '../../common/domain/vocabulary';
import { SkillLevelAtDate } from './skill-levels';

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
 * Level per skill at a date, in one query: the rules are the SQL functions koers_level_index_at and koers_passed_at
 * (src/modules/assessments/sql/), inlined by PostgreSQL. Batches many (learner, date) pairs so callers never load
 * assessment rows.
 */
const LEVELS_AT_DATE_SQL = `
WITH q AS (
  SELECT r.learner_id, r.at_date, r.trajectory_id, (r.ord - 1)::int AS ord
    FROM unnest($1::uuid[], $2::date[], $3::uuid[]) WITH ORDINALITY AS r(learner_id, at_date, trajectory_id, ord)
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
         CASE WHEN s.skill <> ALL ($5::text[]) THEN koers_level_index_at(q.learner_id, s.skill, q.at_date) END AS current_index,
         tr.target_levels ->> s.skill AS target_raw,
         array_position($6::text[], tr.target_levels ->> s.skill) - 1 AS target_index,
         CASE WHEN s.skill = ANY ($5::text[]) THEN koers_passed_at(q.learner_id, s.skill, q.at_date) END AS passed
    FROM q
    JOIN learner l ON l.id = q.learner_id
   CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS s(skill, pos)
    LEFT JOIN tr ON tr.ord = q.ord
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
