import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface DuoHoursRow {
  learnerId: string;
  learnerNumber: string;
  name: string;
  bsnCiphertext: string;
  cbsCode: string;
  attendedMinutes: number;
  lastLesson: string | null;
  zRoute: boolean;
  participationMinutes: number;
  lastEntry: string | null;
}

/**
 * Per wi2021 learner with a BSN of whom municipality M pays a trajectory: attended minutes of its wi2021 trajectories M
 * pays (a route switch is a second trajectory: both count), and for the Z-route the participation entries, each up to
 * and including `until` (and never past today: an absence reported in advance counts from its lesson's date on).
 * Parameters: municipality id, until, today. (bench/duo-hours-bench.ts times it alone, as the export's floor.)
 */
export const DUO_HOURS_SQL = `
WITH t AS (
  SELECT t.id, t.learner_id, p.participation_norm AS z
    FROM trajectory t JOIN product p ON p.id = t.product_id
   WHERE t.municipality_id = $1 AND t.legal_regime = 'wi2021'
),
att AS (
  SELECT t.learner_id, sum(a.attended_minutes)::bigint AS minutes, max(a.lesson_date) AS last_lesson
    FROM t JOIN attendance_record a ON a.trajectory_id = t.id
   WHERE a.lesson_date <= $2::date AND a.lesson_date <= $3::date
   GROUP BY t.learner_id
),
par AS (
  SELECT t.learner_id, sum(pe.minutes)::bigint AS minutes, max(pe.entry_date) AS last_entry
    FROM t JOIN referral r ON r.trajectory_id = t.id JOIN participation_entry pe ON pe.referral_id = r.id
   WHERE t.z AND pe.entry_date <= $2::date AND pe.entry_date <= $3::date
   GROUP BY t.learner_id
),
lrn AS (SELECT t.learner_id, bool_or(t.z) AS z FROM t GROUP BY t.learner_id)
SELECT l.id AS "learnerId", l.learner_number AS "learnerNumber", l.first_name || ' ' || l.last_name AS name,
       l.bsn_ciphertext AS "bsnCiphertext", mu.cbs_code AS "cbsCode",
       coalesce(att.minutes, 0)::float8 AS "attendedMinutes", to_char(att.last_lesson, 'YYYY-MM-DD') AS "lastLesson",
       lrn.z AS "zRoute", coalesce(par.minutes, 0)::float8 AS "participationMinutes", to_char(par.last_entry, 'YYYY-MM-DD') AS "lastEntry"
  FROM lrn
  JOIN learner l ON l.id = lrn.learner_id
  JOIN municipality mu ON mu.id = $1
  LEFT JOIN att ON att.learner_id = lrn.learner_id
  LEFT JOIN par ON par.learner_id = lrn.learner_id
 WHERE l.bsn_ciphertext IS NOT NULL
 ORDER BY l.learner_number`;

@Injectable()
export class DuoHoursRepository {
  rows(m: EntityManager, municipalityId: string, until: string, today: string): Promise<DuoHoursRow[]> {
    return m.query(DUO_HOURS_SQL, [municipalityId, until, today]);
  }
}
