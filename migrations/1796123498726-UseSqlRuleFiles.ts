import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by `npm run sql:migration` from the SQL rule files below; never edit it: change the file and generate a
 * new migration. Down restores the definitions as the database held them before.
 *   src/common/auth/sql/koers_municipality_sees_learner.sql
 *   src/common/auth/sql/koers_teacher_learner_ids.sql
 *   src/common/auth/sql/koers_teacher_trajectory_ids.sql
 *   src/modules/assessments/sql/koers_level_index_at.sql
 *   src/modules/assessments/sql/koers_passed_at.sql
 *   src/modules/attendance/sql/koers_attended_minutes.sql
 *   src/modules/attendance/sql/koers_count_lesson_records.sql
 *   src/modules/attendance/sql/koers_upsert_attendance.sql
 *   src/modules/audit/sql/koers_audit_event_refuse_change.sql
 *   src/modules/learners/sql/koers_learner_count_delete.sql
 *   src/modules/learners/sql/koers_learner_count_insert.sql
 *   src/modules/learners/sql/koers_learner_count_move.sql
 *   src/modules/learners/sql/koers_learner_count_truncate.sql
 *   src/modules/learners/sql/koers_learner_other_payers_fill.sql
 *   src/modules/learners/sql/koers_trajectory_touch_learners.sql
 *   src/modules/learners/sql/koers_trajectory_touch_learners_moved.sql
 *   src/modules/learners/sql/koers_trajectory_touch_learners_truncated.sql
 *   src/modules/portfolio/sql/koers_portfolio_completeness.sql
 */
export class UseSqlRuleFiles1796123498726 implements MigrationInterface {
  name = 'UseSqlRuleFiles1796123498726';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_trajectory_payers_truncate" ON "trajectory"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_trajectory_payers_move" ON "trajectory"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_trajectory_payers_delete" ON "trajectory"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_trajectory_payers_insert" ON "trajectory"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_lesson_records_truncate" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_lesson_records_move" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_lesson_records_delete" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_lesson_records_insert" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_audit_event_no_truncate" ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_audit_event_append_only" ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_learner_other_payers" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_learner_count_truncate" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_learner_count_move" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_learner_count_delete" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_learner_count_insert" ON "learner"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_event_refuse_change()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS learner_count_insert()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS learner_count_delete()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS learner_count_move()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS learner_count_truncate()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS learner_other_payers_fill()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS trajectory_touch_learners()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS trajectory_touch_learners_moved()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS trajectory_touch_learners_truncated()`);
    // src/common/auth/sql/koers_municipality_sees_learner.sql
    await queryRunner.query(`-- DOMAIN.md (Who sees what): a municipality sees the base record of learners living in it and of learners whose
-- trajectory it pays. learner.other_payers (kept by koers_learner_other_payers_fill) holds the paying municipalities
-- other than the residence, so the rule needs no trajectory row. Inlined by PostgreSQL (no sub-select), so callers
-- keep their index plans.
CREATE OR REPLACE FUNCTION koers_municipality_sees_learner(p_learner_municipality uuid, p_other_payers uuid[], p_municipality uuid)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT p_learner_municipality = p_municipality OR coalesce(p_other_payers @> ARRAY[p_municipality], false)
$function$;`);
    // src/common/auth/sql/koers_teacher_learner_ids.sql
    await queryRunner.query(`-- The teacher scope of koers_teacher_sees_learner as a set of learner ids, for reads of many learners: the teacher's
-- groups first, then their enrolments by group. \`= ANY (ARRAY(...))\` keeps the enrolment lookup on the btree index
-- ix_enrolment_group_trajectory; with a join the planner takes the gist index ex_enrolment_no_overlap, which cannot
-- seek by group and reads all of it for every group (~15 ms). Inlined by PostgreSQL when called in FROM.
CREATE OR REPLACE FUNCTION koers_teacher_learner_ids(p_teacher uuid)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT scope_t.learner_id FROM enrolment scope_e JOIN trajectory scope_t ON scope_t.id = scope_e.trajectory_id
   WHERE scope_e.group_id = ANY (ARRAY(SELECT scope_gt.group_id FROM group_teacher scope_gt WHERE scope_gt.user_id = p_teacher))
$function$;`);
    // src/common/auth/sql/koers_teacher_trajectory_ids.sql
    await queryRunner.query(`-- DOMAIN.md (Who sees what): a teacher sees the trajectories enrolled, now or before, in one of its groups. A set
-- (\`t.id IN (SELECT ... FROM koers_teacher_trajectory_ids($1))\`), which PostgreSQL inlines when called in FROM: the
-- teacher's groups first, then their enrolments by group on ix_enrolment_group_trajectory (see
-- koers_teacher_learner_ids.sql for why the groups are an array).
CREATE OR REPLACE FUNCTION koers_teacher_trajectory_ids(p_teacher uuid)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT scope_e.trajectory_id FROM enrolment scope_e
   WHERE scope_e.group_id = ANY (ARRAY(SELECT scope_gt.group_id FROM group_teacher scope_gt WHERE scope_gt.user_id = p_teacher))
$function$;`);
    // src/modules/assessments/sql/koers_level_index_at.sql
    await queryRunner.query(`-- DOMAIN.md (Assessments): a learner's level in a skill at a date is the highest level reached on or before that date,
-- or the intake level if none; a failed assessment never raises a level. Index 0..6 on A0 < A1 < ... < C2, null when
-- there is neither. Inlined by PostgreSQL (one SELECT of sub-selects), so callers keep their plans.
-- Test oracle: src/modules/assessments/level-at-date.ts (levelIndexAtDate).
CREATE OR REPLACE FUNCTION koers_level_index_at(p_learner uuid, p_skill text, p_day date)
 RETURNS integer
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce(
    (SELECT max(a.level_index)::integer FROM assessment a
      WHERE a.learner_id = p_learner AND a.skill = p_skill AND a.date <= p_day
        AND a.level_index IS NOT NULL AND a.passed IS DISTINCT FROM false),
    (SELECT array_position(ARRAY['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'], l.intake_levels ->> p_skill) - 1
       FROM learner l WHERE l.id = p_learner))
$function$;`);
    // src/modules/assessments/sql/koers_passed_at.sql
    await queryRunner.query(`-- A pass/fail skill (knm, map, ona) counts as passed once any pass/fail assessment on or before the date passed.
-- Inlined by PostgreSQL. Test oracle: src/modules/assessments/level-at-date.ts (passedAtDate).
CREATE OR REPLACE FUNCTION koers_passed_at(p_learner uuid, p_skill text, p_day date)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT coalesce(
    (SELECT bool_or(a.passed) FROM assessment a
      WHERE a.learner_id = p_learner AND a.skill = p_skill AND a.date <= p_day AND a.level IS NULL),
    false)
$function$;`);
    // src/modules/attendance/sql/koers_attended_minutes.sql
    await queryRunner.query(`-- DOMAIN.md (Attendance): present = lesson minutes, late = lesson minutes - minutes late (never below 0),
-- absent (authorised or not) = 0. Stored on each record as attended_minutes by koers_upsert_attendance, so reports
-- sum the column. Test oracle: src/modules/attendance/attended-minutes.ts.
CREATE OR REPLACE FUNCTION koers_attended_minutes(p_status text, p_lesson_minutes integer, p_minutes_late integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT CASE p_status WHEN 'present' THEN p_lesson_minutes WHEN 'late' THEN greatest(0, p_lesson_minutes - p_minutes_late) ELSE 0 END
$function$;`);
    // src/modules/attendance/sql/koers_count_lesson_records.sql
    await queryRunner.query(`-- Keeps lesson.recorded_learners (records per lesson) for the missing-registers report, in the writing transaction.
CREATE OR REPLACE FUNCTION koers_count_lesson_records()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners + d.n
      FROM (SELECT r.lesson_id, count(*)::int AS n FROM lesson_record_rows r GROUP BY r.lesson_id) d WHERE l.id = d.lesson_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners - d.n
      FROM (SELECT r.lesson_id, count(*)::int AS n FROM lesson_record_rows r GROUP BY r.lesson_id) d WHERE l.id = d.lesson_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners + CASE WHEN l.id = NEW.lesson_id THEN 1 ELSE -1 END
     WHERE l.id IN (OLD.lesson_id, NEW.lesson_id);
  ELSE
    UPDATE lesson SET recorded_learners = 0 WHERE recorded_learners <> 0;
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_lesson_records_delete AFTER DELETE ON attendance_record REFERENCING OLD TABLE AS lesson_record_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records();

CREATE OR REPLACE TRIGGER koers_lesson_records_insert AFTER INSERT ON attendance_record REFERENCING NEW TABLE AS lesson_record_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records();

CREATE OR REPLACE TRIGGER koers_lesson_records_move AFTER UPDATE OF lesson_id ON attendance_record FOR EACH ROW WHEN ((old.lesson_id IS DISTINCT FROM new.lesson_id)) EXECUTE FUNCTION koers_count_lesson_records();

CREATE OR REPLACE TRIGGER koers_lesson_records_truncate AFTER TRUNCATE ON attendance_record FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records();`);
    // src/modules/attendance/sql/koers_upsert_attendance.sql
    await queryRunner.query(`-- Writes attendance records of one lesson (register saves and advance absences); attended minutes per
-- koers_attended_minutes. Rows that would not change are left alone.
CREATE OR REPLACE FUNCTION koers_upsert_attendance(p_lesson uuid, p_user uuid, p_learners uuid[], p_trajectories uuid[], p_statuses text[], p_minutes_late integer[], p_reasons text[], p_advance boolean[])
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE v_written int;
BEGIN
  WITH w AS (
    INSERT INTO attendance_record AS r (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status,
                                        minutes_late, attended_minutes, absence_reason, reported_in_advance, recorded_by, recorded_at)
    SELECT l.id, x.learner_id, x.trajectory_id, l.date, l.minutes, l.mode, x.status, x.minutes_late,
           koers_attended_minutes(x.status, l.minutes, x.minutes_late),
           CASE WHEN x.status IN ('present', 'late') THEN NULL ELSE x.reason END, x.advance, p_user, now()
      FROM lesson l
     CROSS JOIN unnest(p_learners, p_trajectories, p_statuses, p_minutes_late, p_reasons, p_advance)
                AS x(learner_id, trajectory_id, status, minutes_late, reason, advance)
     WHERE l.id = p_lesson
    ON CONFLICT (lesson_id, learner_id) DO UPDATE
       SET trajectory_id = EXCLUDED.trajectory_id, lesson_date = EXCLUDED.lesson_date,
           lesson_minutes = EXCLUDED.lesson_minutes, lesson_mode = EXCLUDED.lesson_mode,
           status = EXCLUDED.status, minutes_late = EXCLUDED.minutes_late, attended_minutes = EXCLUDED.attended_minutes,
           absence_reason = EXCLUDED.absence_reason,
           reported_in_advance = EXCLUDED.reported_in_advance OR (r.reported_in_advance AND EXCLUDED.status = 'absent_authorised'),
           recorded_by = EXCLUDED.recorded_by, recorded_at = now()
     WHERE (r.trajectory_id, r.lesson_date, r.lesson_minutes, r.lesson_mode, r.status, r.minutes_late, r.attended_minutes,
            r.absence_reason, r.reported_in_advance)
           IS DISTINCT FROM
           (EXCLUDED.trajectory_id, EXCLUDED.lesson_date, EXCLUDED.lesson_minutes, EXCLUDED.lesson_mode, EXCLUDED.status,
            EXCLUDED.minutes_late, EXCLUDED.attended_minutes, EXCLUDED.absence_reason,
            EXCLUDED.reported_in_advance OR (r.reported_in_advance AND EXCLUDED.status = 'absent_authorised'))
    RETURNING 1)
  SELECT count(*) INTO v_written FROM w;
  RETURN v_written;
END $function$;`);
    // src/modules/audit/sql/koers_audit_event_refuse_change.sql
    await queryRunner.query(`-- The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on audit_event.
CREATE OR REPLACE FUNCTION koers_audit_event_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $function$;

CREATE OR REPLACE TRIGGER koers_audit_event_append_only BEFORE DELETE OR UPDATE ON audit_event FOR EACH ROW EXECUTE FUNCTION koers_audit_event_refuse_change();

CREATE OR REPLACE TRIGGER koers_audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION koers_audit_event_refuse_change();`);
    // src/modules/learners/sql/koers_learner_count_delete.sql
    await queryRunner.query(`-- learner_count: learners removed (see koers_learner_count_insert.sql).
CREATE OR REPLACE FUNCTION koers_learner_count_delete()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT municipality_id, -count(*) FROM learner_count_rows GROUP BY municipality_id ORDER BY municipality_id
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_count_delete AFTER DELETE ON learner REFERENCING OLD TABLE AS learner_count_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_learner_count_delete();`);
    // src/modules/learners/sql/koers_learner_count_insert.sql
    await queryRunner.query(`-- learner_count holds the learners per municipality, kept in the writing transaction so list pages read an exact
-- total without counting. Upserts in municipality order, so concurrent writers never deadlock on the counters.
CREATE OR REPLACE FUNCTION koers_learner_count_insert()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT municipality_id, count(*) FROM learner_count_rows GROUP BY municipality_id ORDER BY municipality_id
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_count_insert AFTER INSERT ON learner REFERENCING NEW TABLE AS learner_count_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_learner_count_insert();`);
    // src/modules/learners/sql/koers_learner_count_move.sql
    await queryRunner.query(`-- learner_count: a learner moved to another municipality (see koers_learner_count_insert.sql).
CREATE OR REPLACE FUNCTION koers_learner_count_move()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT m, d FROM (VALUES (OLD.municipality_id, -1), (NEW.municipality_id, 1)) v(m, d) ORDER BY m
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_count_move AFTER UPDATE OF municipality_id ON learner FOR EACH ROW WHEN ((old.municipality_id IS DISTINCT FROM new.municipality_id)) EXECUTE FUNCTION koers_learner_count_move();`);
    // src/modules/learners/sql/koers_learner_count_truncate.sql
    await queryRunner.query(`-- learner_count: the learner table was emptied.
CREATE OR REPLACE FUNCTION koers_learner_count_truncate()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  DELETE FROM learner_count;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_count_truncate AFTER TRUNCATE ON learner FOR EACH STATEMENT EXECUTE FUNCTION koers_learner_count_truncate();`);
    // src/modules/learners/sql/koers_learner_other_payers_fill.sql
    await queryRunner.query(`-- learner.other_payers: the municipalities other than the residence that pay a trajectory of the learner (sorted,
-- null when none), so a municipality's learners are found from learner indexes alone. Only this trigger computes it.
CREATE OR REPLACE FUNCTION koers_learner_other_payers_fill()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.other_payers := (SELECT array_agg(DISTINCT t.municipality_id ORDER BY t.municipality_id) FROM trajectory t
                        WHERE t.learner_id = NEW.id AND t.municipality_id <> NEW.municipality_id);
  RETURN NEW;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_other_payers BEFORE INSERT OR UPDATE OF municipality_id, other_payers ON learner FOR EACH ROW EXECUTE FUNCTION koers_learner_other_payers_fill();`);
    // src/modules/learners/sql/koers_trajectory_touch_learners.sql
    await queryRunner.query(`-- Trajectory rows added or removed: re-fire koers_learner_other_payers_fill on their learners (ids in order, so two
-- writers never deadlock on them).
CREATE OR REPLACE FUNCTION koers_trajectory_touch_learners()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  
  PERFORM 1 FROM learner WHERE id IN (SELECT learner_id FROM trajectory_payer_rows) ORDER BY id FOR NO KEY UPDATE;
  UPDATE learner SET other_payers = NULL WHERE id IN (SELECT learner_id FROM trajectory_payer_rows);
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_trajectory_payers_delete AFTER DELETE ON trajectory REFERENCING OLD TABLE AS trajectory_payer_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_trajectory_touch_learners();

CREATE OR REPLACE TRIGGER koers_trajectory_payers_insert AFTER INSERT ON trajectory REFERENCING NEW TABLE AS trajectory_payer_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_trajectory_touch_learners();`);
    // src/modules/learners/sql/koers_trajectory_touch_learners_moved.sql
    await queryRunner.query(`-- A trajectory moved to another learner or municipality: re-fire koers_learner_other_payers_fill on both learners.
CREATE OR REPLACE FUNCTION koers_trajectory_touch_learners_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  
  PERFORM 1 FROM learner WHERE id IN (OLD.learner_id, NEW.learner_id) ORDER BY id FOR NO KEY UPDATE;
  UPDATE learner SET other_payers = NULL WHERE id IN (OLD.learner_id, NEW.learner_id);
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_trajectory_payers_move AFTER UPDATE OF learner_id, municipality_id ON trajectory FOR EACH ROW WHEN (((old.learner_id IS DISTINCT FROM new.learner_id) OR (old.municipality_id IS DISTINCT FROM new.municipality_id))) EXECUTE FUNCTION koers_trajectory_touch_learners_moved();`);
    // src/modules/learners/sql/koers_trajectory_touch_learners_truncated.sql
    await queryRunner.query(`-- The trajectory table was emptied: no learner has other payers.
CREATE OR REPLACE FUNCTION koers_trajectory_touch_learners_truncated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE learner SET other_payers = NULL WHERE other_payers IS NOT NULL;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_trajectory_payers_truncate AFTER TRUNCATE ON trajectory FOR EACH STATEMENT EXECUTE FUNCTION koers_trajectory_touch_learners_truncated();`);
    // src/modules/portfolio/sql/koers_portfolio_completeness.sql
    await queryRunner.query(`-- DOMAIN.md (Portfolio): completeness = approved distinct required domains / required domains of the product; 1 when
-- the product requires none. p_at: count items approved (reviewed) on or before that instant; null = now.
CREATE OR REPLACE FUNCTION koers_portfolio_completeness(p_trajectory uuid, p_at timestamptz)
 RETURNS double precision
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT CASE WHEN coalesce(cardinality(p.required_domains), 0) = 0 THEN 1.0::float8 ELSE
    (SELECT count(DISTINCT pi.domain) FROM portfolio_item pi
      WHERE pi.trajectory_id = t.id AND pi.status = 'approved' AND pi.domain = ANY (p.required_domains)
        AND (p_at IS NULL OR pi.reviewed_at <= p_at))::float8
    / (SELECT count(DISTINCT d) FROM unnest(p.required_domains) d)::float8 END
    FROM trajectory t JOIN product p ON p.id = t.product_id
   WHERE t.id = p_trajectory
$function$;`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_lesson_records_truncate" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_lesson_records_move" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_lesson_records_insert" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_lesson_records_delete" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_audit_event_no_truncate" ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_audit_event_append_only" ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_learner_count_delete" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_learner_count_insert" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_learner_count_move" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_learner_count_truncate" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_learner_other_payers" ON "learner"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_trajectory_payers_insert" ON "trajectory"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_trajectory_payers_delete" ON "trajectory"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_trajectory_payers_move" ON "trajectory"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "koers_trajectory_payers_truncate" ON "trajectory"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_municipality_sees_learner(p_learner_municipality uuid, p_other_payers uuid[], p_municipality uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_teacher_learner_ids(p_teacher uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_teacher_trajectory_ids(p_teacher uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_level_index_at(p_learner uuid, p_skill text, p_day date)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_passed_at(p_learner uuid, p_skill text, p_day date)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_attended_minutes(p_status text, p_lesson_minutes integer, p_minutes_late integer)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_audit_event_refuse_change()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_learner_count_delete()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_learner_count_insert()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_learner_count_move()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_learner_count_truncate()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_learner_other_payers_fill()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_trajectory_touch_learners()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_trajectory_touch_learners_moved()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_trajectory_touch_learners_truncated()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_portfolio_completeness(p_trajectory uuid, p_at timestamp with time zone)`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_count_lesson_records()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners + d.n
      FROM (SELECT r.lesson_id, count(*)::int AS n FROM lesson_record_rows r GROUP BY r.lesson_id) d WHERE l.id = d.lesson_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners - d.n
      FROM (SELECT r.lesson_id, count(*)::int AS n FROM lesson_record_rows r GROUP BY r.lesson_id) d WHERE l.id = d.lesson_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners + CASE WHEN l.id = NEW.lesson_id THEN 1 ELSE -1 END
     WHERE l.id IN (OLD.lesson_id, NEW.lesson_id);
  ELSE
    UPDATE lesson SET recorded_learners = 0 WHERE recorded_learners <> 0;
  END IF;
  RETURN NULL;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_upsert_attendance(p_lesson uuid, p_user uuid, p_learners uuid[], p_trajectories uuid[], p_statuses text[], p_minutes_late integer[], p_reasons text[], p_advance boolean[])
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE v_written int;
BEGIN
  WITH w AS (
    INSERT INTO attendance_record AS r (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status,
                                        minutes_late, attended_minutes, absence_reason, reported_in_advance, recorded_by, recorded_at)
    SELECT l.id, x.learner_id, x.trajectory_id, l.date, l.minutes, l.mode, x.status, x.minutes_late,
           CASE x.status WHEN 'present' THEN l.minutes WHEN 'late' THEN greatest(0, l.minutes - x.minutes_late) ELSE 0 END,
           CASE WHEN x.status IN ('present', 'late') THEN NULL ELSE x.reason END, x.advance, p_user, now()
      FROM lesson l
     CROSS JOIN unnest(p_learners, p_trajectories, p_statuses, p_minutes_late, p_reasons, p_advance)
                AS x(learner_id, trajectory_id, status, minutes_late, reason, advance)
     WHERE l.id = p_lesson
    ON CONFLICT (lesson_id, learner_id) DO UPDATE
       SET trajectory_id = EXCLUDED.trajectory_id, lesson_date = EXCLUDED.lesson_date,
           lesson_minutes = EXCLUDED.lesson_minutes, lesson_mode = EXCLUDED.lesson_mode,
           status = EXCLUDED.status, minutes_late = EXCLUDED.minutes_late, attended_minutes = EXCLUDED.attended_minutes,
           absence_reason = EXCLUDED.absence_reason,
           reported_in_advance = EXCLUDED.reported_in_advance OR (r.reported_in_advance AND EXCLUDED.status = 'absent_authorised'),
           recorded_by = EXCLUDED.recorded_by, recorded_at = now()
     WHERE (r.trajectory_id, r.lesson_date, r.lesson_minutes, r.lesson_mode, r.status, r.minutes_late, r.attended_minutes,
            r.absence_reason, r.reported_in_advance)
           IS DISTINCT FROM
           (EXCLUDED.trajectory_id, EXCLUDED.lesson_date, EXCLUDED.lesson_minutes, EXCLUDED.lesson_mode, EXCLUDED.status,
            EXCLUDED.minutes_late, EXCLUDED.attended_minutes, EXCLUDED.absence_reason,
            EXCLUDED.reported_in_advance OR (r.reported_in_advance AND EXCLUDED.status = 'absent_authorised'))
    RETURNING 1)
  SELECT count(*) INTO v_written FROM w;
  RETURN v_written;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.audit_event_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.learner_count_insert()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT municipality_id, count(*) FROM learner_count_rows GROUP BY municipality_id ORDER BY municipality_id
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.learner_count_delete()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT municipality_id, -count(*) FROM learner_count_rows GROUP BY municipality_id ORDER BY municipality_id
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.learner_count_move()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT m, d FROM (VALUES (OLD.municipality_id, -1), (NEW.municipality_id, 1)) v(m, d) ORDER BY m
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.learner_count_truncate()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  DELETE FROM learner_count;
  RETURN NULL;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.learner_other_payers_fill()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.other_payers := (SELECT array_agg(DISTINCT t.municipality_id ORDER BY t.municipality_id) FROM trajectory t
                        WHERE t.learner_id = NEW.id AND t.municipality_id <> NEW.municipality_id);
  RETURN NEW;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.trajectory_touch_learners()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  
  PERFORM 1 FROM learner WHERE id IN (SELECT learner_id FROM trajectory_payer_rows) ORDER BY id FOR NO KEY UPDATE;
  UPDATE learner SET other_payers = NULL WHERE id IN (SELECT learner_id FROM trajectory_payer_rows);
  RETURN NULL;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.trajectory_touch_learners_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  
  PERFORM 1 FROM learner WHERE id IN (OLD.learner_id, NEW.learner_id) ORDER BY id FOR NO KEY UPDATE;
  UPDATE learner SET other_payers = NULL WHERE id IN (OLD.learner_id, NEW.learner_id);
  RETURN NULL;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.trajectory_touch_learners_truncated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE learner SET other_payers = NULL WHERE other_payers IS NOT NULL;
  RETURN NULL;
END $function$`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_trajectory_payers_truncate AFTER TRUNCATE ON public.trajectory FOR EACH STATEMENT EXECUTE FUNCTION trajectory_touch_learners_truncated()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_trajectory_payers_move AFTER UPDATE OF learner_id, municipality_id ON public.trajectory FOR EACH ROW WHEN (((old.learner_id IS DISTINCT FROM new.learner_id) OR (old.municipality_id IS DISTINCT FROM new.municipality_id))) EXECUTE FUNCTION trajectory_touch_learners_moved()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_trajectory_payers_delete AFTER DELETE ON public.trajectory REFERENCING OLD TABLE AS trajectory_payer_rows FOR EACH STATEMENT EXECUTE FUNCTION trajectory_touch_learners()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_trajectory_payers_insert AFTER INSERT ON public.trajectory REFERENCING NEW TABLE AS trajectory_payer_rows FOR EACH STATEMENT EXECUTE FUNCTION trajectory_touch_learners()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_lesson_records_truncate AFTER TRUNCATE ON public.attendance_record FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_lesson_records_move AFTER UPDATE OF lesson_id ON public.attendance_record FOR EACH ROW WHEN ((old.lesson_id IS DISTINCT FROM new.lesson_id)) EXECUTE FUNCTION koers_count_lesson_records()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_lesson_records_delete AFTER DELETE ON public.attendance_record REFERENCING OLD TABLE AS lesson_record_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_lesson_records_insert AFTER INSERT ON public.attendance_record REFERENCING NEW TABLE AS lesson_record_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON public.audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_audit_event_append_only BEFORE DELETE OR UPDATE ON public.audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_learner_other_payers BEFORE INSERT OR UPDATE OF municipality_id, other_payers ON public.learner FOR EACH ROW EXECUTE FUNCTION learner_other_payers_fill()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_learner_count_truncate AFTER TRUNCATE ON public.learner FOR EACH STATEMENT EXECUTE FUNCTION learner_count_truncate()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_learner_count_move AFTER UPDATE OF municipality_id ON public.learner FOR EACH ROW WHEN ((old.municipality_id IS DISTINCT FROM new.municipality_id)) EXECUTE FUNCTION learner_count_move()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_learner_count_delete AFTER DELETE ON public.learner REFERENCING OLD TABLE AS learner_count_rows FOR EACH STATEMENT EXECUTE FUNCTION learner_count_delete()`);
    await queryRunner.query(`CREATE OR REPLACE TRIGGER tr_learner_count_insert AFTER INSERT ON public.learner REFERENCING NEW TABLE AS learner_count_rows FOR EACH STATEMENT EXECUTE FUNCTION learner_count_insert()`);
  }
}
