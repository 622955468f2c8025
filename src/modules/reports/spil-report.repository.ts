import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LANGUAGE_SKILLS } from '../../common/domain/vocabulary';
import { InjectReportsDataSource } from '../../database/reports-data-source';
import {
  cefrIndexSql,
  IN_SCOPE,
  levelIndexAtSql,
  NEUTRAL_REASONS_SQL,
  passedAtSql,
  PERIOD_END_INSTANT,
  RECORD_COUNTS,
} from './spil-sql-rules';

/** The parameters of every SPIL query ($1..$5, see spil-sql-rules.ts). */
export interface SpilQueryParams {
  municipalityIds: string[];
  from: string;
  to: string;
  today: string;
  timeZone: string;
}

/** Rows carry `municipalityId`; null is the region total (GROUPING SETS: computed over all records, not averaged). */
export interface ByMunicipality {
  municipalityId: string | null;
}

export interface FlowRow extends ByMunicipality {
  inScope: number;
  started: number;
  completed: number;
  droppedOut: number;
  droppedOutNeutral: number;
}
export interface ReasonRow extends ByMunicipality {
  reason: string;
  n: number;
}
export interface AttendanceRow extends ByMunicipality {
  registeredMinutes: number;
  attendedMinutes: number;
  authorisedMinutes: number;
  unauthorisedMinutes: number;
  physicalMinutes: number;
  onlineMinutes: number;
}
export interface CompletenessRow extends ByMunicipality {
  expected: number;
  registered: number;
}
export interface TargetReachedRow extends ByMunicipality {
  ended: number;
  reached: number;
}
export interface LevelGainRow extends ByMunicipality {
  skill: string;
  n: number;
  gainSum: number;
}
export interface ExamRow extends ByMunicipality {
  taken: number;
  passed: number;
}
export interface SignalRow extends ByMunicipality {
  raised: number;
  r1: number;
  r2: number;
}
export interface PortfolioRow extends ByMunicipality {
  n: number;
  completenessSum: number;
}
export interface ZRouteRow extends ByMunicipality {
  trajectories: number;
  languageMinutes: number;
  participationMinutes: number;
  languageMet: number;
  participationMet: number;
  bothMet: number;
}
export interface MonthlyRow extends ByMunicipality {
  month: string;
  registeredMinutes: number;
  attendedMinutes: number;
  started: number;
  completed: number;
  droppedOut: number;
}
export interface ContractTargetsRow {
  municipalityId: string;
  contractId: string;
  reference: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  spilTargets: Record<string, number>;
}
export interface MunicipalityRow {
  id: string;
  name: string;
  cbsCode: string;
}

const BY_MUNICIPALITY = `GROUP BY GROUPING SETS ((t.municipality_id), ())`;

/**
 * The SPIL indicators (DOMAIN.md), each group computed by one named query in the database over the reports data
 * source (DATABASE_READ_URL); nothing loads attendance rows into Node. Every query answers one row per
 * municipality that has any, plus the region total (municipalityId null).
 */
@Injectable()
export class SpilReportRepository {
  constructor(@InjectReportsDataSource() private readonly db: DataSource) {}

  private run<T>(name: string, sql: string, p: SpilQueryParams): Promise<T[]> {
    // The name travels as a comment so pg_stat_statements and slow-query logs say which indicator group it was.
    // Every query gets all five parameters; one that needs fewer mentions the rest as `$n IS NOT NULL` so
    // PostgreSQL knows their types.
    return this.db.query(`/* spil:${name} */ ${sql}`, [p.municipalityIds, p.from, p.to, p.today, p.timeZone]);
  }

  municipalities(ids: string[] | null): Promise<MunicipalityRow[]> {
    return this.db.query(
      `SELECT m.id, m.name, m.cbs_code AS "cbsCode" FROM municipality m
        WHERE $1::uuid[] IS NULL OR m.id = ANY($1::uuid[]) ORDER BY m.name, m.id`,
      [ids],
    );
  }

  /** Targets: the municipality's contract valid on the period's last day (the latest starting one if several). */
  contractTargets(p: SpilQueryParams): Promise<ContractTargetsRow[]> {
    return this.run(
      'contract_targets',
      `SELECT DISTINCT ON (c.municipality_id) c.municipality_id AS "municipalityId", c.id AS "contractId", c.reference, c.name,
              to_char(c.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(c.valid_to, 'YYYY-MM-DD') AS "validTo",
              c.spil_targets AS "spilTargets"
         FROM contract c
        WHERE c.municipality_id = ANY($1::uuid[]) AND c.valid_from <= $3::date AND (c.valid_to IS NULL OR c.valid_to >= $3::date)
          AND $2::date IS NOT NULL AND $4::date IS NOT NULL AND $5::text IS NOT NULL
        ORDER BY c.municipality_id, c.valid_from DESC, c.created_at DESC, c.id`,
      p,
    );
  }

  /** in_scope, started, completed, dropped_out, dropped_out_neutral. */
  flows(p: SpilQueryParams): Promise<FlowRow[]> {
    return this.run(
      'flows',
      `SELECT t.municipality_id AS "municipalityId",
              count(*)::int AS "inScope",
              count(*) FILTER (WHERE t.start_date >= $2::date)::int AS started,
              count(*) FILTER (WHERE t.status = 'completed' AND t.end_date <= $3::date)::int AS completed,
              count(*) FILTER (WHERE t.status = 'dropped_out' AND t.end_date <= $3::date)::int AS "droppedOut",
              count(*) FILTER (WHERE t.status = 'dropped_out' AND t.end_date <= $3::date
                                 AND t.dropout_reason = ANY(${NEUTRAL_REASONS_SQL}))::int AS "droppedOutNeutral"
         FROM trajectory t
        WHERE ${IN_SCOPE} AND $4::date IS NOT NULL AND $5::text IS NOT NULL
        ${BY_MUNICIPALITY}`,
      p,
    );
  }

  /** dropouts_by_reason (a dropout without a recorded reason counts as `other`). */
  dropoutsByReason(p: SpilQueryParams): Promise<ReasonRow[]> {
    return this.run(
      'dropouts_by_reason',
      `SELECT t.municipality_id AS "municipalityId", coalesce(t.dropout_reason, 'other') AS reason, count(*)::int AS n
         FROM trajectory t
        WHERE t.municipality_id = ANY($1::uuid[]) AND t.status = 'dropped_out' AND t.end_date BETWEEN $2::date AND $3::date
          AND $4::date IS NOT NULL AND $5::text IS NOT NULL
        GROUP BY GROUPING SETS ((t.municipality_id, coalesce(t.dropout_reason, 'other')), (coalesce(t.dropout_reason, 'other')))`,
      p,
    );
  }

  /** registered/attended minutes, absences by kind, attended minutes physical/online. */
  attendance(p: SpilQueryParams): Promise<AttendanceRow[]> {
    return this.run(
      'attendance',
      `SELECT t.municipality_id AS "municipalityId",
              coalesce(sum(a.lesson_minutes), 0)::float8 AS "registeredMinutes",
              coalesce(sum(a.attended_minutes), 0)::float8 AS "attendedMinutes",
              coalesce(sum(a.lesson_minutes) FILTER (WHERE a.status = 'absent_authorised'), 0)::float8 AS "authorisedMinutes",
              coalesce(sum(a.lesson_minutes) FILTER (WHERE a.status = 'absent_unauthorised'), 0)::float8 AS "unauthorisedMinutes",
              coalesce(sum(a.attended_minutes) FILTER (WHERE a.lesson_mode = 'physical'), 0)::float8 AS "physicalMinutes",
              coalesce(sum(a.attended_minutes) FILTER (WHERE a.lesson_mode = 'online'), 0)::float8 AS "onlineMinutes"
         FROM trajectory t
         JOIN attendance_record a ON a.trajectory_id = t.id AND ${RECORD_COUNTS}
        WHERE ${IN_SCOPE} AND $5::text IS NOT NULL
        ${BY_MUNICIPALITY}`,
      p,
    );
  }

  /**
   * registration_completeness: expected (lesson, learner) pairs are the non-cancelled lessons in the period up to
   * today of groups the trajectory was enrolled in on the lesson date (koers_enrolled_on), once it had started;
   * registered are those with a record.
   */
  registrationCompleteness(p: SpilQueryParams): Promise<CompletenessRow[]> {
    return this.run(
      'registration_completeness',
      `WITH pairs AS (
         SELECT t.municipality_id, l.id AS lesson_id, t.learner_id
           FROM trajectory t
           JOIN enrolment en ON en.trajectory_id = t.id
           JOIN lesson l ON l.group_id = en.group_id AND NOT l.cancelled
                        AND l.date BETWEEN greatest($2::date, en.from_date, t.start_date) AND least($3::date, $4::date)
          WHERE ${IN_SCOPE} AND $5::text IS NOT NULL
            AND koers_enrolled_on(en.from_date, en.to_date, t.status, t.end_date, l.date)
       )
       SELECT t.municipality_id AS "municipalityId", count(*)::int AS expected,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attendance_record a
                                              WHERE a.lesson_id = t.lesson_id AND a.learner_id = t.learner_id))::int AS registered
         FROM pairs t
        ${BY_MUNICIPALITY}`,
      p,
    );
  }

  /**
   * target_reached_rate: trajectories ended in the period with at least one target; reached when the level on the
   * end date meets every target (koers_level_index_at; a pass/fail target: koers_passed_at).
   */
  targetReached(p: SpilQueryParams): Promise<TargetReachedRow[]> {
    return this.run(
      'target_reached',
      `WITH ended AS (
         SELECT t.municipality_id, t.id,
                bool_and(coalesce(CASE WHEN tl.value = 'pass' THEN ${passedAtSql('t.learner_id', 'tl.key', 't.end_date')}
                                       ELSE ${levelIndexAtSql('t.learner_id', 'tl.key', 't.end_date')} >= ${cefrIndexSql('tl.value')} END,
                                  false)) AS reached
           FROM trajectory t
           CROSS JOIN LATERAL jsonb_each_text(t.target_levels) tl
          WHERE t.municipality_id = ANY($1::uuid[]) AND t.status IN ('completed', 'dropped_out')
            AND t.end_date BETWEEN $2::date AND $3::date AND $4::date IS NOT NULL AND $5::text IS NOT NULL
          GROUP BY t.municipality_id, t.id
       )
       SELECT t.municipality_id AS "municipalityId", count(*)::int AS ended, count(*) FILTER (WHERE t.reached)::int AS reached
         FROM ended t
        ${BY_MUNICIPALITY}`,
      p,
    );
  }

  /** level_gain per language skill: Σ and count of index(level at min(to, end)) − index(intake). */
  levelGain(p: SpilQueryParams): Promise<LevelGainRow[]> {
    return this.run(
      'level_gain',
      `WITH gains AS (
         SELECT t.municipality_id, s.skill,
                ${levelIndexAtSql('t.learner_id', 's.skill', 'least($3::date, t.end_date)')} - ${cefrIndexSql('ln.intake_levels ->> s.skill')} AS gain
           FROM trajectory t
           JOIN learner ln ON ln.id = t.learner_id
           CROSS JOIN unnest(ARRAY[${LANGUAGE_SKILLS.map((s) => `'${s}'`).join(', ')}]::text[]) AS s(skill)
          WHERE ${IN_SCOPE} AND $4::date IS NOT NULL AND $5::text IS NOT NULL
            AND ${cefrIndexSql('ln.intake_levels ->> s.skill')} IS NOT NULL
       )
       SELECT t.municipality_id AS "municipalityId", t.skill, count(*)::int AS n, coalesce(sum(t.gain), 0)::int AS "gainSum"
         FROM gains t
        GROUP BY GROUPING SETS ((t.municipality_id, t.skill), (t.skill))`,
      p,
    );
  }

  /**
   * exam_pass_rate: exams dated in the period of in-scope trajectories (linked to the trajectory, or unlinked and
   * dated within it); an attempt without a result (passed null) is not taken.
   */
  exams(p: SpilQueryParams): Promise<ExamRow[]> {
    return this.run(
      'exams',
      `WITH ex AS (
         SELECT t.municipality_id, a.passed
           FROM trajectory t JOIN assessment a ON a.trajectory_id = t.id
          WHERE ${IN_SCOPE} AND a.is_exam AND a.date BETWEEN $2::date AND $3::date
         UNION ALL
         SELECT t.municipality_id, a.passed
           FROM trajectory t JOIN assessment a ON a.learner_id = t.learner_id AND a.trajectory_id IS NULL
          WHERE ${IN_SCOPE} AND a.is_exam AND a.date BETWEEN greatest($2::date, t.start_date) AND least($3::date, t.end_date)
       )
       SELECT t.municipality_id AS "municipalityId", count(t.passed)::int AS taken, count(*) FILTER (WHERE t.passed)::int AS passed
         FROM ex t
        WHERE $4::date IS NOT NULL AND $5::text IS NOT NULL
        ${BY_MUNICIPALITY}`,
      p,
    );
  }

  /** signals_raised: signals whose triggering lesson date lies in the period. */
  signals(p: SpilQueryParams): Promise<SignalRow[]> {
    return this.run(
      'signals',
      `SELECT t.municipality_id AS "municipalityId", count(*)::int AS raised,
              count(*) FILTER (WHERE t.rule = 'R1')::int AS r1, count(*) FILTER (WHERE t.rule = 'R2')::int AS r2
         FROM absence_signal t
        WHERE t.municipality_id = ANY($1::uuid[]) AND t.triggered_on BETWEEN $2::date AND $3::date
          AND $4::date IS NOT NULL AND $5::text IS NOT NULL
        ${BY_MUNICIPALITY}`,
      p,
    );
  }

  /** portfolio_completeness: mean over in-scope trajectories whose product requires domains, items approved by `to`. */
  portfolio(p: SpilQueryParams): Promise<PortfolioRow[]> {
    return this.run(
      'portfolio',
      `SELECT t.municipality_id AS "municipalityId", count(*)::int AS n,
              coalesce(sum(
                (SELECT count(DISTINCT pi.domain) FROM portfolio_item pi
                  WHERE pi.trajectory_id = t.id AND pi.status = 'approved' AND pi.reviewed_at < ${PERIOD_END_INSTANT}
                    AND pi.domain = ANY(pr.required_domains))::float8
                / (SELECT count(DISTINCT d) FROM unnest(pr.required_domains) d)::float8), 0)::float8 AS "completenessSum"
         FROM trajectory t JOIN product pr ON pr.id = t.product_id
        WHERE ${IN_SCOPE} AND cardinality(pr.required_domains) > 0 AND $4::date IS NOT NULL
        ${BY_MUNICIPALITY}`,
      p,
    );
  }

  /**
   * Z-route: per in-scope Z-route trajectory its language hours (attended minutes of its lessons up to `to`) and
   * participation hours up to `to`, against 800 + 800 hours.
   */
  zRoute(p: SpilQueryParams): Promise<ZRouteRow[]> {
    // No participation entries are recorded yet (no network module on main): participation counts 0 minutes.
    return this.run(
      'z_route',
      `WITH z AS (
         SELECT t.municipality_id,
                (SELECT coalesce(sum(a.attended_minutes), 0) FROM attendance_record a
                  WHERE a.trajectory_id = t.id AND a.lesson_date <= $3::date
                    AND (NOT a.reported_in_advance OR a.lesson_date <= $4::date))::float8 AS language_minutes,
                0::float8 AS participation_minutes
           FROM trajectory t JOIN product pr ON pr.id = t.product_id
          WHERE ${IN_SCOPE} AND pr.participation_norm AND $5::text IS NOT NULL
       )
       SELECT t.municipality_id AS "municipalityId", count(*)::int AS trajectories,
              coalesce(sum(t.language_minutes), 0)::float8 AS "languageMinutes",
              coalesce(sum(t.participation_minutes), 0)::float8 AS "participationMinutes",
              count(*) FILTER (WHERE t.language_minutes >= 800 * 60)::int AS "languageMet",
              count(*) FILTER (WHERE t.participation_minutes >= 800 * 60)::int AS "participationMet",
              count(*) FILTER (WHERE t.language_minutes >= 800 * 60 AND t.participation_minutes >= 800 * 60)::int AS "bothMet"
         FROM z t
        ${BY_MUNICIPALITY}`,
      p,
    );
  }

  /** The monthly series: the same definitions per calendar month, the first and last month clipped to the period. */
  monthly(p: SpilQueryParams): Promise<MonthlyRow[]> {
    return this.run(
      'monthly',
      `WITH m AS (
         SELECT greatest(g::date, $2::date) AS m_from, least((g + interval '1 month' - interval '1 day')::date, $3::date) AS m_to
           FROM generate_series(date_trunc('month', $2::date), $3::date, interval '1 month') g
       ),
       tr AS (
         SELECT t.id, t.municipality_id, t.start_date, t.end_date, t.status FROM trajectory t WHERE ${IN_SCOPE}
       ),
       att AS (
         SELECT tr.municipality_id, m.m_from, sum(a.lesson_minutes) AS registered, sum(a.attended_minutes) AS attended
           FROM tr
           JOIN attendance_record a ON a.trajectory_id = tr.id AND ${RECORD_COUNTS}
           JOIN m ON a.lesson_date BETWEEN m.m_from AND m.m_to
          WHERE tr.start_date <= m.m_to AND (tr.end_date IS NULL OR tr.end_date >= m.m_from)
          GROUP BY GROUPING SETS ((tr.municipality_id, m.m_from), (m.m_from))
       ),
       fl AS (
         SELECT tr.municipality_id, m.m_from,
                count(*) FILTER (WHERE tr.start_date >= m.m_from) AS started,
                count(*) FILTER (WHERE tr.status = 'completed' AND tr.end_date <= m.m_to) AS completed,
                count(*) FILTER (WHERE tr.status = 'dropped_out' AND tr.end_date <= m.m_to) AS dropped_out
           FROM tr JOIN m ON tr.start_date <= m.m_to AND (tr.end_date IS NULL OR tr.end_date >= m.m_from)
          GROUP BY GROUPING SETS ((tr.municipality_id, m.m_from), (m.m_from))
       )
       SELECT coalesce(fl.municipality_id, att.municipality_id) AS "municipalityId",
              to_char(coalesce(fl.m_from, att.m_from), 'YYYY-MM-DD') AS month,
              coalesce(att.registered, 0)::float8 AS "registeredMinutes", coalesce(att.attended, 0)::float8 AS "attendedMinutes",
              coalesce(fl.started, 0)::int AS started, coalesce(fl.completed, 0)::int AS completed,
              coalesce(fl.dropped_out, 0)::int AS "droppedOut"
         FROM fl FULL JOIN att ON att.m_from = fl.m_from AND att.municipality_id IS NOT DISTINCT FROM fl.municipality_id
        WHERE $5::text IS NOT NULL`,
      p,
    );
  }
}
