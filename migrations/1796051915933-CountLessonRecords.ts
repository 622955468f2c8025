import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * lesson.recorded_learners is the number of attendance records of the lesson, kept by statement triggers in the
 * same transaction as the records. The missing-registers report compares it with the number of learners enrolled
 * on the lesson date (a cheap set-based count) and checks learner by learner only where the two differ, instead
 * of probing every (lesson, learner) pair of the region (seconds on 150,000 lessons). Register writes lock their
 * lesson row first, so the triggers' updates add no new lock order. Triggers do not fire under
 * session_replication_role = replica: a load that way calls koers_recount_lesson_records() afterwards.
 */
export class CountLessonRecords1796051915933 implements MigrationInterface {
  name = 'CountLessonRecords1796051915933';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lesson" ADD "recorded_learners" integer NOT NULL DEFAULT '0'`);
    // koers_enrolled_on as an interval: an enrolment counts its learner from from_date through this day, so a sweep
    // over the group's enrolments counts the enrolled learners of every lesson without pairing lessons and learners.
    await queryRunner.query(`
CREATE FUNCTION koers_enrolled_last_day(p_to date, p_status text, p_end date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT least(coalesce(p_to, 'infinity'::date),
               CASE WHEN p_status IN ('planned', 'active', 'suspended') THEN 'infinity'::date ELSE coalesce(p_end, '-infinity'::date) END)
$fn$`);
    await queryRunner.query(`
CREATE FUNCTION koers_recount_lesson_records() RETURNS void LANGUAGE sql AS $fn$
  UPDATE lesson l SET recorded_learners = coalesce(c.n, 0)
    FROM lesson x LEFT JOIN (SELECT a.lesson_id, count(*)::int AS n FROM attendance_record a GROUP BY a.lesson_id) c ON c.lesson_id = x.id
   WHERE l.id = x.id AND l.recorded_learners IS DISTINCT FROM coalesce(c.n, 0)
$fn$`);
    await queryRunner.query(`
CREATE FUNCTION koers_count_lesson_records() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
END $fn$`);
    // Blocks record writes from here to commit, so the backfill and the triggers see the same rows.
    await queryRunner.query(`LOCK TABLE "attendance_record" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_lesson_records_insert" AFTER INSERT ON "attendance_record" REFERENCING NEW TABLE AS lesson_record_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_lesson_records_delete" AFTER DELETE ON "attendance_record" REFERENCING OLD TABLE AS lesson_record_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records()`,
    );
    // Row level: transition tables cannot be limited to a column, and no update moves a record to another lesson.
    await queryRunner.query(
      `CREATE TRIGGER "tr_lesson_records_move" AFTER UPDATE OF "lesson_id" ON "attendance_record" FOR EACH ROW WHEN (OLD.lesson_id IS DISTINCT FROM NEW.lesson_id) EXECUTE FUNCTION koers_count_lesson_records()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_lesson_records_truncate" AFTER TRUNCATE ON "attendance_record" FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records()`,
    );
    await queryRunner.query(`SELECT koers_recount_lesson_records()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_lesson_records_truncate" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER "tr_lesson_records_move" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER "tr_lesson_records_delete" ON "attendance_record"`);
    await queryRunner.query(`DROP TRIGGER "tr_lesson_records_insert" ON "attendance_record"`);
    await queryRunner.query(`DROP FUNCTION koers_count_lesson_records()`);
    await queryRunner.query(`DROP FUNCTION koers_recount_lesson_records()`);
    await queryRunner.query(`DROP FUNCTION koers_enrolled_last_day(date, text, date)`);
    await queryRunner.query(`ALTER TABLE "lesson" DROP COLUMN "recorded_learners"`);
  }
}
