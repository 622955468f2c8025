import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * learner_count holds the number of learners per municipality, kept by triggers in the same transaction as the
 * learner rows, so a list page can read an exact total without counting 30,000 rows on every request. Each
 * change is one upsert in municipality order: concurrent writers queue on the counter rows (row locks held to
 * commit) and always take them in the same order, so they never deadlock on them. Triggers do not fire under
 * session_replication_role = replica: a load of learners that way must refill the table (see the backfill below).
 * No entity: only these triggers write the table.
 */
export class AddLearnerCounts1795616561103 implements MigrationInterface {
  name = 'AddLearnerCounts1795616561103';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "learner_count" ("municipality_id" uuid NOT NULL, "learners" integer NOT NULL, CONSTRAINT "pk_learner_count" PRIMARY KEY ("municipality_id"))`,
    );
    const upsert = (source: string) => `INSERT INTO learner_count AS c (municipality_id, learners)
    ${source}
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners`;
    await queryRunner.query(`
CREATE FUNCTION learner_count_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${upsert('SELECT municipality_id, count(*) FROM learner_count_rows GROUP BY municipality_id ORDER BY municipality_id')};
  RETURN NULL;
END $fn$`);
    await queryRunner.query(`
CREATE FUNCTION learner_count_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${upsert('SELECT municipality_id, -count(*) FROM learner_count_rows GROUP BY municipality_id ORDER BY municipality_id')};
  RETURN NULL;
END $fn$`);
    await queryRunner.query(`
CREATE FUNCTION learner_count_move() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${upsert('SELECT m, d FROM (VALUES (OLD.municipality_id, -1), (NEW.municipality_id, 1)) v(m, d) ORDER BY m')};
  RETURN NULL;
END $fn$`);
    await queryRunner.query(`
CREATE FUNCTION learner_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM learner_count;
  RETURN NULL;
END $fn$`);
    // Blocks learner writes from here to commit, so the backfill and the triggers see the same rows.
    await queryRunner.query(`LOCK TABLE "learner" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_learner_count_insert" AFTER INSERT ON "learner" REFERENCING NEW TABLE AS learner_count_rows FOR EACH STATEMENT EXECUTE FUNCTION learner_count_insert()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_learner_count_delete" AFTER DELETE ON "learner" REFERENCING OLD TABLE AS learner_count_rows FOR EACH STATEMENT EXECUTE FUNCTION learner_count_delete()`,
    );
    // Row level: transition tables cannot be limited to a column, and most updates do not move a learner.
    await queryRunner.query(
      `CREATE TRIGGER "tr_learner_count_move" AFTER UPDATE OF "municipality_id" ON "learner" FOR EACH ROW WHEN (OLD.municipality_id IS DISTINCT FROM NEW.municipality_id) EXECUTE FUNCTION learner_count_move()`,
    );
    await queryRunner.query(`CREATE TRIGGER "tr_learner_count_truncate" AFTER TRUNCATE ON "learner" FOR EACH STATEMENT EXECUTE FUNCTION learner_count_truncate()`);
    await queryRunner.query(`INSERT INTO learner_count (municipality_id, learners) SELECT municipality_id, count(*) FROM learner GROUP BY municipality_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['truncate', 'move', 'delete', 'insert']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_learner_count_${t}" ON "learner"`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS learner_count_${t}()`);
    }
    await queryRunner.query(`DROP TABLE "learner_count"`);
  }
}
