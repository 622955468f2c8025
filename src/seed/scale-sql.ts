/**
 * Set-based SQL for the scale data set: PostgreSQL generates the bulk rows itself.
 * $1 is always "today" (in the college's time zone, COLLEGE_TIME_ZONE) as a date.
 */

/** Deterministic per-row spread from a row number: (n * prime) mod m. */
export const TRAJECTORIES_SQL = `
WITH l AS (SELECT id, municipality_id, (row_number() OVER (ORDER BY learner_number))::int AS n FROM learner),
s AS (
  SELECT l.*, (n * 7919) % 100 AS sp, (n * 31) % 100 AS pp, (n * 37) % 500 AS dp FROM l
),
x AS (
  SELECT s.*,
    CASE WHEN sp < 5 THEN 'planned' WHEN sp < 9 THEN 'suspended' WHEN sp < 20 THEN 'completed' WHEN sp < 31 THEN 'dropped_out' ELSE 'active' END AS status,
    CASE WHEN pp < 55 THEN 'B1-ROUTE' WHEN pp < 67 THEN 'ONDERWIJSROUTE' WHEN pp < 85 THEN 'Z-ROUTE' ELSE 'ALFA' END AS code
  FROM s
),
d AS (
  SELECT x.*,
    CASE status
      WHEN 'planned' THEN $1::date + (7 + dp % 60)
      WHEN 'completed' THEN $1::date - (420 + dp % 200)
      WHEN 'dropped_out' THEN $1::date - (90 + dp % 400)
      ELSE $1::date - (30 + dp) END AS start_date,
    CASE status
      WHEN 'completed' THEN $1::date - (7 + (n * 13) % 180)
      WHEN 'dropped_out' THEN $1::date - (3 + (n * 17) % 180)
      ELSE NULL END AS raw_end
  FROM x
)
INSERT INTO trajectory (learner_id, municipality_id, contract_id, product_id, status, legal_regime, start_date, planned_end_date,
  end_date, pip_date, contracted_hours, target_levels, dropout_reason, dropout_note)
SELECT d.id, d.municipality_id, c.id, p.id, d.status, p.legal_regime, d.start_date, d.start_date + p.planned_duration_weeks * 7,
  CASE WHEN d.raw_end IS NULL THEN NULL ELSE greatest(d.raw_end, d.start_date + 30) END,
  CASE WHEN p.legal_regime = 'wi2021' THEN d.start_date - 21 END, p.contracted_hours, p.default_targets,
  CASE WHEN d.status = 'dropped_out' THEN (ARRAY['moved','exemption','route_switch','ended_by_municipality','health_pregnancy','care_duties',
    'work_conflict','work_conflict','motivation_absence','no_show','level_mismatch','other'])[1 + d.n % 12] END,
  CASE WHEN d.status = 'dropped_out' THEN 'Uitval (testgegevens)' END
FROM d JOIN product p ON p.code = d.code JOIN contract c ON c.municipality_id = d.municipality_id`;

export const LESSONS_SQL = `
INSERT INTO lesson (group_id, date, start_time, minutes, mode, cancelled, cancel_reason, teacher_id)
SELECT s.group_id, d::date, s.start_time, s.minutes, s.mode, c.cancelled,
  CASE WHEN c.cancelled THEN 'Docent ziek' END, pt.user_id
FROM schedule_slot s
JOIN course_group g ON g.id = s.group_id
JOIN (SELECT group_id, min(user_id::text)::uuid AS user_id FROM group_teacher GROUP BY group_id) pt ON pt.group_id = g.id
CROSS JOIN LATERAL generate_series(g.start_date, $1::date + 14, interval '1 day') d
CROSS JOIN LATERAL (SELECT d::date < $1::date AND random() < 0.03 AS cancelled) c
WHERE extract(isodow FROM d) = s.weekday`;

/** Each non-planned trajectory joins one group of its municipality and product, round-robin. */
export const ENROLMENTS_SQL = `
WITH t AS (
  SELECT id, municipality_id, product_id, status, start_date, end_date,
    row_number() OVER (PARTITION BY municipality_id, product_id ORDER BY id) AS rn
  FROM trajectory WHERE status <> 'planned'
),
g AS (
  SELECT id, municipality_id, product_id, start_date,
    row_number() OVER (PARTITION BY municipality_id, product_id ORDER BY code) AS gn,
    count(*) OVER (PARTITION BY municipality_id, product_id) AS gc
  FROM course_group
),
e AS (
  SELECT t.id AS trajectory_id, g.id AS group_id, greatest(t.start_date, g.start_date) AS from_date,
    CASE WHEN t.status = 'suspended' THEN $1::date - 21 ELSE t.end_date END AS to_date
  FROM t JOIN g ON g.municipality_id = t.municipality_id AND g.product_id = t.product_id AND g.gn = (t.rn - 1) % g.gc + 1
)
INSERT INTO enrolment (trajectory_id, group_id, from_date, to_date)
SELECT trajectory_id, group_id, from_date, to_date FROM e WHERE to_date IS NULL OR to_date >= from_date`;

/**
 * Registers for past, non-cancelled lessons of the groups with index modulo $3 = $2 (so two sessions can load in
 * parallel). About 1 in 40 trajectories is a chronic absentee with a recent run of unauthorised absence.
 * attended_minutes by the rule itself (src/modules/attendance/sql/koers_attended_minutes.sql).
 */
export const ATTENDANCE_SQL = `
INSERT INTO attendance_record (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status, minutes_late,
  attended_minutes, absence_reason, reported_in_advance, recorded_by, recorded_at)
WITH e AS MATERIALIZED (
  -- Materialised so the join is hashed; a per-lesson probe of the enrolment exclusion (GiST) index is ~100× slower.
  SELECT e.group_id, e.from_date, e.to_date, t.id AS trajectory_id, t.learner_id
  FROM enrolment e JOIN trajectory t ON t.id = e.trajectory_id
)
SELECT lesson_id, learner_id, trajectory_id, date, minutes, mode, status, CASE WHEN status = 'late' THEN late ELSE 0 END,
  koers_attended_minutes(status, minutes, CASE WHEN status = 'late' THEN late ELSE 0 END),
  CASE WHEN status = 'absent_authorised' THEN (ARRAY['Ziek','Doktersbezoek','Afspraak bij de gemeente','Ziek kind','Sollicitatiegesprek'])[1 + (r * 1000)::int % 5] END,
  status = 'absent_authorised' AND r > 0.915, teacher_id, date + start_time + make_interval(mins => minutes)
FROM (
  SELECT l.id AS lesson_id, e.learner_id, e.trajectory_id, l.date, l.minutes, l.mode, l.start_time, l.teacher_id, x.r,
    CASE
      WHEN hashtext(e.trajectory_id::text) % 40 = 0 AND l.date >= $1::date - 24 AND x.r < 0.9 THEN 'absent_unauthorised'
      WHEN x.r < 0.80 THEN 'present' WHEN x.r < 0.88 THEN 'late' WHEN x.r < 0.95 THEN 'absent_authorised'
      ELSE 'absent_unauthorised' END AS status,
    CASE WHEN x.r >= 0.80 AND x.r < 0.88 THEN least(l.minutes - 1, 5 * (1 + (x.r * 10000)::int % 8)) ELSE 0 END AS late
  FROM course_group g
  JOIN lesson l ON l.group_id = g.id AND NOT l.cancelled AND l.date < $1::date
  JOIN e ON e.group_id = g.id AND l.date >= e.from_date AND (e.to_date IS NULL OR l.date <= e.to_date)
  -- A deterministic uniform number per (lesson, trajectory); random() here would be evaluated once per statement.
  CROSS JOIN LATERAL (SELECT (hashtext(l.id::text || e.trajectory_id::text) & 2147483647)::float8 / 2147483648 AS r) x
  WHERE (hashtext(g.code) & 2147483647) % $3 = $2
) a`;

/** Progress tests every ~90 days per language skill, with the level creeping up from A1; a KNM exam for long-running ones. */
export const ASSESSMENTS_SQL = `
INSERT INTO assessment (learner_id, trajectory_id, skill, date, instrument, level, level_index, passed, is_exam)
SELECT t.learner_id, t.id, sk.skill, t.start_date + 90 * r.k, 'Voortgangstoets (methode)',
  (ARRAY['A0','A1','A2','B1'])[1 + least(3, r.k + (hashtext(t.id::text || sk.skill) & 1))],
  least(3, r.k + (hashtext(t.id::text || sk.skill) & 1)), NULL, false
FROM trajectory t
CROSS JOIN (VALUES ('reading'), ('listening'), ('writing'), ('speaking')) sk(skill)
CROSS JOIN generate_series(1, 3) r(k)
WHERE t.status <> 'planned' AND t.start_date + 90 * r.k < least(coalesce(t.end_date, $1::date), $1::date)
UNION ALL
SELECT t.learner_id, t.id, 'knm', least(coalesce(t.end_date, $1::date), $1::date) - 20, 'KNM-examen (DUO)', NULL, NULL,
  hashtext(t.id::text) % 4 <> 0, true
FROM trajectory t WHERE t.status <> 'planned' AND t.start_date < $1::date - 300`;
