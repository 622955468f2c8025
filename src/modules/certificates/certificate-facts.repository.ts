import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CEFR_LEVELS, PASS_FAIL_SKILLS, SKILLS } from '../../common/domain/vocabulary';

export interface LevelFact { skill: string; level: string | null; passed: boolean | null }
export interface HoursFact { physicalMinutes: number; onlineMinutes: number }

/**
 * Levels for a certificate: per skill, in SKILLS order, the highest CEFR level of a passed assessment on or before the
 * date (the intake level does not count: it was never examined), and pass/fail skills passed on or before the date.
 * Skills without either are left out.
 */
const LEVELS_SQL = `
SELECT q.learner_id AS "learnerId", r.skill, r.level, r.passed
  FROM unnest($1::uuid[]) AS q(learner_id)
 CROSS JOIN LATERAL (
   SELECT s.skill, s.pos,
          CASE WHEN NOT s.skill = ANY($4::text[])
               THEN ($5::text[])[max(a.level_index) FILTER (WHERE a.level_index IS NOT NULL AND a.passed IS DISTINCT FROM false) + 1] END AS level,
          CASE WHEN s.skill = ANY($4::text[]) THEN coalesce(bool_or(a.passed) FILTER (WHERE a.level IS NULL), false) END AS passed
     FROM unnest($3::text[]) WITH ORDINALITY AS s(skill, pos)
     JOIN assessment a ON a.learner_id = q.learner_id AND a.skill = s.skill AND a.date <= $2::date
    GROUP BY s.skill, s.pos
 ) r
 WHERE r.level IS NOT NULL OR r.passed
 ORDER BY q.learner_id, r.pos`;

/** Attended minutes per lesson mode over each trajectory's [from, to], from the stored attended_minutes. */
const HOURS_SQL = `
SELECT q.trajectory_id AS "trajectoryId",
       coalesce(sum(a.attended_minutes) FILTER (WHERE a.lesson_mode = 'physical'), 0)::int AS "physicalMinutes",
       coalesce(sum(a.attended_minutes) FILTER (WHERE a.lesson_mode = 'online'), 0)::int AS "onlineMinutes"
  FROM unnest($1::uuid[], $2::date[], $3::date[]) AS q(trajectory_id, from_date, to_date)
  LEFT JOIN attendance_record a ON a.trajectory_id = q.trajectory_id AND a.lesson_date BETWEEN q.from_date AND q.to_date
 GROUP BY q.trajectory_id`;

/** What certificates state, computed in the database (one query for one learner or a whole group). */
@Injectable()
export class CertificateFactsRepository {
  async levelsAt(m: EntityManager, learnerIds: string[], date: string): Promise<Map<string, LevelFact[]>> {
    const out = new Map<string, LevelFact[]>();
    if (!learnerIds.length) return out;
    const rows: Array<LevelFact & { learnerId: string }> = await m.query(LEVELS_SQL, [learnerIds, date, [...SKILLS], [...PASS_FAIL_SKILLS], [...CEFR_LEVELS]]);
    for (const { learnerId, ...fact } of rows) {
      const list = out.get(learnerId) ?? [];
      list.push(fact);
      out.set(learnerId, list);
    }
    return out;
  }

  async hours(m: EntityManager, periods: Array<{ trajectoryId: string; from: string; to: string }>): Promise<Map<string, HoursFact>> {
    const out = new Map<string, HoursFact>();
    if (!periods.length) return out;
    const rows: Array<HoursFact & { trajectoryId: string }> = await m.query(HOURS_SQL, [
      periods.map((p) => p.trajectoryId),
      periods.map((p) => p.from),
      periods.map((p) => p.to),
    ]);
    for (const { trajectoryId, ...h } of rows) out.set(trajectoryId, h);
    return out;
  }
}
