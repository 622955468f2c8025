import { CEFR_LEVELS, NEUTRAL_DROPOUT_REASONS } from '../../common/domain/vocabulary';

/**
 * SQL fragments of the SPIL report. Query parameters, the same in every query of spil-report.repository.ts:
 * $1 municipality ids (uuid[]), $2 from, $3 to (dates, inclusive), $4 today (date, REPORT_TIMEZONE),
 * $5 the report time zone (text).
 */

/** Trajectory alias `t` is in scope for the period: DOMAIN.md "In scope". */
export const IN_SCOPE = `t.municipality_id = ANY($1::uuid[]) AND t.status <> 'planned'
  AND t.start_date <= $3::date AND (t.end_date IS NULL OR t.end_date >= $2::date)`;

/** Attendance record alias `a` counts for the period; an absence reported in advance only from its lesson date on. */
export const RECORD_COUNTS = `a.lesson_date BETWEEN $2::date AND $3::date AND (NOT a.reported_in_advance OR a.lesson_date <= $4::date)`;

/** The last instant of the period's last day in the report time zone: "on or before `to`" for timestamps. */
export const PERIOD_END_INSTANT = `((($3::date + 1)::timestamp AT TIME ZONE $5::text) - interval '1 microsecond')`;

/** koers_portfolio_completeness: approved distinct required domains ÷ required domains, items reviewed by the instant. */
export const portfolioCompletenessSql = (trajectory: string, at: string): string => `koers_portfolio_completeness(${trajectory}, ${at})`;

export const NEUTRAL_REASONS_SQL = `ARRAY[${NEUTRAL_DROPOUT_REASONS.map((r) => `'${r}'`).join(', ')}]::text[]`;
const CEFR_SQL = `ARRAY[${CEFR_LEVELS.map((l) => `'${l}'`).join(', ')}]::text[]`;

/** CEFR level text → index 0..6 (null when not a level). */
export const cefrIndexSql = (expr: string): string => `(array_position(${CEFR_SQL}, ${expr}) - 1)`;

/**
 * koers_skill_results_at, rows (skill, level_index, passed) for use in FROM: every skill's level index at the date (the
 * highest passed CEFR index on or before it, else the intake index, else null) and whether a pass/fail skill was
 * passed on or before it; one read per learner and date, where koers_level_index_at/koers_passed_at read one skill.
 * `intakeLevels` is that learner's learner.intake_levels.
 */
export const skillResultsAtSql = (learner: string, intakeLevels: string, atDate: string): string =>
  `koers_skill_results_at(${learner}, ${intakeLevels}, ${atDate})`;

/** koers_enrolled_last_day: the last day an enrolment counts (koers_enrolled_on holds from its from_date to this day). */
export const enrolledLastDaySql = (enrolment: string, trajectory: string): string =>
  `koers_enrolled_last_day(${enrolment}.to_date, ${trajectory}.status, ${trajectory}.end_date)`;
