import { LANGUAGE_SKILLS } from '../../common/domain/vocabulary';
import {
  cefrIndexSql,
  enrolledLastDaySql,
  IN_SCOPE,
  NEUTRAL_REASONS_SQL,
  portfolioCompletenessSql,
  PERIOD_END_INSTANT,
  RECORD_COUNTS,
  skillResultsAtSql,
} from './spil-sql-rules';

const BY_MUNICIPALITY = `GROUP BY GROUPING SETS ((t.municipality_id), ())`;

/**
 * The SQL of every indicator group, by name; parameters $1..$5 as in spil-sql-rules.ts. Exported so the benchmark
 * runs exactly this text directly against PostgreSQL beside the HTTP route.
 */
export const SPIL_SQL = {
  contract_targets: `SELECT DISTINCT ON (c.municipality_id) c.municipality_id AS "municipalityId", c.id AS "contractId", c.reference, c.name,
              to_char(c.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(c.valid_to, 'YYYY-MM-DD') AS "validTo",
              c.spil_targets AS "spilTargets"
         FROM contract c
        WHERE c.municipality_id = ANY($1::uuid[]) AND c.valid_from <= $3::date AND (c.valid_to IS NULL OR c.valid_to >= $3::date)
          AND $2::date IS NOT NULL AND $4::date IS NOT NULL AND $5::text IS NOT NULL
        ORDER BY c.municipality_id, c.valid_from DESC, c.created_at DESC, c.id`,
  flows: `SELECT t.municipality_id AS "municipalityId",
              count(*)::int AS "inScope",
              count(*) FILTER (WHERE t.start_date >= $2::date)::int AS started,
              count(*) FILTER (WHERE t.status = 'completed' AND t.end_date <= $3::date)::int AS completed,
              count(*) FILTER (WHERE t.status = 'dropped_out' AND t.end_date <= $3::date)::int AS "droppedOut",
              count(*) FILTER (WHERE t.status = 'dropped_out' AND t.end_date <= $3::date
                                 AND t.dropout_reason = ANY(${NEUTRAL_REASONS_SQL}))::int AS "droppedOutNeutral"
         FROM trajectory t
        WHERE ${IN_SCOPE} AND $4::date IS NOT NULL AND $5::text IS NOT NULL
        ${BY_MUNICIPALITY}`,
  dropouts_by_reason: `SELECT t.municipality_id AS "municipalityId", coalesce(t.dropout_reason, 'other') AS reason, count(*)::int AS n
         FROM trajectory t
        WHERE t.municipality_id = ANY($1::uuid[]) AND t.status = 'dropped_out' AND t.end_date BETWEEN $2::date AND $3::date
          AND $4::date IS NOT NULL AND $5::text IS NOT NULL
        GROUP BY GROUPING SETS ((t.municipality_id, coalesce(t.dropout_reason, 'other')), (coalesce(t.dropout_reason, 'other')))`,
  /**
   * One pass over the period's attendance records: per municipality and lesson day first (the few thousand groups
   * then get their calendar month, clipped, instead of every record), rolled up by GROUPING SETS to the period, the
   * region total and the region's months. The month sums count a record only while its trajectory is in scope for
   * that month (the series' own definition).
   */
  attendance: `WITH r AS (
         SELECT t.municipality_id, a.lesson_date,
                -- In scope for the record's month: certainly when the record lies within the trajectory's dates; only
                -- otherwise the month's own bounds are worked out (month end = first of next month - 1, by day numbers).
                CASE WHEN a.lesson_date >= t.start_date AND (t.end_date IS NULL OR a.lesson_date <= t.end_date) THEN true
                     ELSE t.start_date <= least(a.lesson_date + 31 - extract(day FROM a.lesson_date + 31 - extract(day FROM a.lesson_date)::int + 1)::int
                                                - extract(day FROM a.lesson_date)::int + 1, $3::date)
                          AND (t.end_date IS NULL OR t.end_date >= greatest(a.lesson_date - extract(day FROM a.lesson_date)::int + 1, $2::date)) END AS in_month,
                sum(a.lesson_minutes) AS registered, sum(a.attended_minutes) AS attended,
                sum(a.lesson_minutes) FILTER (WHERE a.status = 'absent_authorised') AS authorised,
                sum(a.lesson_minutes) FILTER (WHERE a.status = 'absent_unauthorised') AS unauthorised,
                sum(a.attended_minutes) FILTER (WHERE a.lesson_mode = 'physical') AS physical,
                sum(a.attended_minutes) FILTER (WHERE a.lesson_mode = 'online') AS online,
                -- registration_completeness' numerator: records of lessons up to today while the trajectory ran.
                count(*) FILTER (WHERE a.lesson_date <= $4::date AND a.lesson_date >= t.start_date
                                   AND (t.end_date IS NULL OR a.lesson_date <= t.end_date)) AS registered_pairs
           FROM trajectory t
           JOIN attendance_record a ON a.trajectory_id = t.id AND ${RECORD_COUNTS}
          WHERE ${IN_SCOPE} AND $5::text IS NOT NULL
          GROUP BY 1, 2, 3
       ), m AS (
         SELECT r.*, greatest(r.lesson_date - extract(day FROM r.lesson_date)::int + 1, $2::date) AS ms_clipped FROM r
       )
       SELECT t.municipality_id AS "municipalityId", to_char(t.ms_clipped, 'YYYY-MM-DD') AS month,
              coalesce(sum(t.registered), 0)::float8 AS "registeredMinutes",
              coalesce(sum(t.attended), 0)::float8 AS "attendedMinutes",
              coalesce(sum(t.authorised), 0)::float8 AS "authorisedMinutes",
              coalesce(sum(t.unauthorised), 0)::float8 AS "unauthorisedMinutes",
              coalesce(sum(t.physical), 0)::float8 AS "physicalMinutes",
              coalesce(sum(t.online), 0)::float8 AS "onlineMinutes",
              coalesce(sum(t.registered) FILTER (WHERE t.in_month), 0)::float8 AS "monthRegisteredMinutes",
              coalesce(sum(t.attended) FILTER (WHERE t.in_month), 0)::float8 AS "monthAttendedMinutes",
              coalesce(sum(t.registered_pairs), 0)::int AS "registeredPairs"
         FROM m t
        GROUP BY GROUPING SETS ((t.municipality_id), (), (t.municipality_id, t.ms_clipped), (t.ms_clipped))`,
  /**
   * registration_completeness' denominator: expected (lesson, learner) pairs are the non-cancelled lessons in the
   * period up to today of groups the trajectory was enrolled in on the lesson date, once it had started. Enrolled on a
   * day (koers_enrolled_on) is from the enrolment's from_date to koers_enrolled_last_day, so each enrolment expects the
   * group's lessons in one span of days: counted with two binary searches (width_bucket gives the number of sorted
   * dates ≤ a day) in the group's sorted lesson dates, without a row per pair. The numerator (pairs with a record)
   * comes from the attendance pass: a record exists only for an enrolled learner of a lesson that is not cancelled (the
   * register and the cancel refuse otherwise), so counting the records of those days is counting the registered
   * expected pairs, without a probe per pair.
   */
  registration_completeness: `WITH spans AS (
         SELECT t.municipality_id, en.group_id, greatest($2::date, en.from_date, t.start_date) AS first_day,
                least($3::date, $4::date, ${enrolledLastDaySql('en', 't')}) AS last_day
           FROM trajectory t
           JOIN enrolment en ON en.trajectory_id = t.id
          WHERE ${IN_SCOPE} AND $5::text IS NOT NULL
       ), days AS (
         SELECT l.group_id, array_agg(l.date ORDER BY l.date) AS dates
           FROM lesson l
          WHERE l.group_id IN (SELECT s.group_id FROM spans s) AND l.date >= $2::date AND l.date <= $3::date AND l.date <= $4::date
            AND NOT l.cancelled
          GROUP BY l.group_id
       )
       SELECT t.municipality_id AS "municipalityId",
              coalesce(sum(width_bucket(t.last_day, d.dates) - width_bucket(t.first_day - 1, d.dates)), 0)::int AS expected
         FROM spans t JOIN days d ON d.group_id = t.group_id
        WHERE t.last_day >= t.first_day
        ${BY_MUNICIPALITY}`,
  /** Each ended trajectory's results are read once (koers_skill_results_at), then matched to its targets. */
  target_reached: `WITH ended AS (
         SELECT t.municipality_id, t.id, t.learner_id, ln.intake_levels, t.end_date, t.target_levels
           FROM trajectory t JOIN learner ln ON ln.id = t.learner_id
          WHERE t.municipality_id = ANY($1::uuid[]) AND t.status IN ('completed', 'dropped_out')
            AND t.end_date BETWEEN $2::date AND $3::date AND $4::date IS NOT NULL AND $5::text IS NOT NULL
       ), results AS (
         SELECT e.id, r.skill, r.level_index, r.passed
           FROM ended e CROSS JOIN LATERAL ${skillResultsAtSql('e.learner_id', 'e.intake_levels', 'e.end_date')} r
       ), reached AS (
         SELECT e.municipality_id, e.id,
                bool_and(coalesce(CASE WHEN tl.value = 'pass' THEN r.passed ELSE r.level_index >= ${cefrIndexSql('tl.value')} END, false)) AS reached
           FROM ended e
           CROSS JOIN LATERAL jsonb_each_text(e.target_levels) tl
           LEFT JOIN results r ON r.id = e.id AND r.skill = tl.key
          GROUP BY e.municipality_id, e.id
       )
       SELECT t.municipality_id AS "municipalityId", count(*)::int AS ended, count(*) FILTER (WHERE t.reached)::int AS reached
         FROM reached t
        ${BY_MUNICIPALITY}`,
  /** Each trajectory's levels are read once for all skills (koers_skill_results_at), not once per skill. */
  level_gain: `WITH gains AS (
         SELECT t.municipality_id, r.skill, r.level_index - ${cefrIndexSql('ln.intake_levels ->> r.skill')} AS gain
           FROM trajectory t
           JOIN learner ln ON ln.id = t.learner_id
           CROSS JOIN LATERAL ${skillResultsAtSql('t.learner_id', 'ln.intake_levels', 'least($3::date, t.end_date)')} r
          WHERE ${IN_SCOPE} AND $4::date IS NOT NULL AND $5::text IS NOT NULL
            AND r.skill = ANY(ARRAY[${LANGUAGE_SKILLS.map((s) => `'${s}'`).join(', ')}]::text[])
            AND ${cefrIndexSql('ln.intake_levels ->> r.skill')} IS NOT NULL
       )
       SELECT t.municipality_id AS "municipalityId", t.skill, count(*)::int AS n, coalesce(sum(t.gain), 0)::int AS "gainSum"
         FROM gains t
        GROUP BY GROUPING SETS ((t.municipality_id, t.skill), (t.skill))`,
  exams: `WITH ex AS (
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
  signals: `SELECT t.municipality_id AS "municipalityId", count(*)::int AS raised,
              count(*) FILTER (WHERE t.rule = 'R1')::int AS r1, count(*) FILTER (WHERE t.rule = 'R2')::int AS r2
         FROM absence_signal t
        WHERE t.municipality_id = ANY($1::uuid[]) AND t.triggered_on BETWEEN $2::date AND $3::date
          AND $4::date IS NOT NULL AND $5::text IS NOT NULL
        ${BY_MUNICIPALITY}`,
  portfolio: `SELECT t.municipality_id AS "municipalityId", count(*)::int AS n,
              -- Without an approved item the rule's answer is 0 (the product requires domains): skip the call then.
              coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM portfolio_item pa WHERE pa.trajectory_id = t.id AND pa.status = 'approved')
                                THEN ${portfolioCompletenessSql('t.id', PERIOD_END_INSTANT)} ELSE 0 END), 0)::float8 AS "completenessSum"
         FROM trajectory t JOIN product pr ON pr.id = t.product_id
        WHERE ${IN_SCOPE} AND cardinality(pr.required_domains) > 0 AND $4::date IS NOT NULL
        ${BY_MUNICIPALITY}`,
  z_route: `WITH z AS (
         SELECT t.municipality_id,
                (SELECT coalesce(sum(a.attended_minutes), 0) FROM attendance_record a
                  WHERE a.trajectory_id = t.id AND a.lesson_date <= $3::date
                    AND (NOT a.reported_in_advance OR a.lesson_date <= $4::date))::float8 AS language_minutes,
                koers_participation_minutes(t.id, $3::date)::float8 AS participation_minutes
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
  /**
   * The monthly series' trajectory counts per calendar month (clipped): a trajectory starts in the month holding its
   * start date and ends in the month holding its end date, and is then in scope for that month, so each in-scope
   * trajectory is read once (no trajectory × month product).
   */
  monthly: `WITH ev AS (
         SELECT t.municipality_id, t.start_date AS d, 1 AS started, 0 AS completed, 0 AS dropped_out
           FROM trajectory t
          WHERE ${IN_SCOPE} AND t.start_date >= $2::date
         UNION ALL
         SELECT t.municipality_id, t.end_date, 0, (t.status = 'completed')::int, (t.status = 'dropped_out')::int
           FROM trajectory t
          WHERE ${IN_SCOPE} AND t.status IN ('completed', 'dropped_out') AND t.end_date <= $3::date
       )
       SELECT t.municipality_id AS "municipalityId",
              to_char(greatest(t.d - extract(day FROM t.d)::int + 1, $2::date), 'YYYY-MM-DD') AS month,
              sum(t.started)::int AS started, sum(t.completed)::int AS completed, sum(t.dropped_out)::int AS "droppedOut"
         FROM ev t
        WHERE $4::date IS NOT NULL AND $5::text IS NOT NULL
        GROUP BY GROUPING SETS ((t.municipality_id, greatest(t.d - extract(day FROM t.d)::int + 1, $2::date)), (greatest(t.d - extract(day FROM t.d)::int + 1, $2::date)))`,
  /** certificates_issued per kind and, for level certificates, the highest CEFR level stated on it. */
  certificates_issued: `WITH c AS (
         SELECT t.municipality_id, c.kind,
                CASE WHEN c.kind = 'level' THEN
                  (SELECT l.level FROM jsonb_to_recordset(coalesce(c.facts -> 'levels', '[]'::jsonb)) AS l(skill text, level text)
                    WHERE ${cefrIndexSql('l.level')} IS NOT NULL ORDER BY ${cefrIndexSql('l.level')} DESC LIMIT 1)
                END AS level
           FROM certificate c JOIN trajectory t ON t.id = c.trajectory_id
          WHERE t.municipality_id = ANY($1::uuid[]) AND c.issue_date BETWEEN $2::date AND $3::date
            AND $4::date IS NOT NULL AND $5::text IS NOT NULL
       )
       SELECT c.municipality_id AS "municipalityId", c.kind, c.level, count(*)::int AS n
         FROM c
        GROUP BY GROUPING SETS ((c.municipality_id, c.kind, c.level), (c.kind, c.level))
        ORDER BY c.kind, c.level`,
} as const;

export type SpilQueryName = keyof typeof SPIL_SQL;

