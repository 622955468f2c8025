import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes and one kept column for the scoped list reads (municipality and teacher learner lists, teacher lessons).
 *
 * learner.other_payers: the municipalities other than the residence that pay a trajectory of the learner (sorted,
 * null when none). With it a municipality's learners are `municipality_id = M OR other_payers @> {M}`, read from
 * learner indexes alone; finding them through trajectory rows cost ~5 ms a request. The value is only ever computed
 * by the BEFORE trigger on learner, from the committed trajectory rows and the row's own municipality; trajectory
 * writes re-fire it by updating the learners they touch (ids in order, so two writers never deadlock on them). That
 * update is a real row update taken after the row lock, so under READ COMMITTED the recount sees every trajectory
 * committed before it (each statement of a trigger function takes a new snapshot), and under REPEATABLE READ a
 * concurrent change of the same learner is a serialisation failure, never a stale value. A rollback undoes the
 * trajectory rows and the learner update together. Triggers do not fire under session_replication_role = replica:
 * a load of trajectories that way must refill the column (the backfill below).
 */
export class SpeedUpScopedLists1796052121728 implements MigrationInterface {
  name = 'SpeedUpScopedLists1796052121728';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // With id last, a municipality's learners come in list order (name, then id) from the index alone.
    await queryRunner.query(`DROP INDEX "public"."ix_learner_municipality_name"`);
    await queryRunner.query(`CREATE INDEX "ix_learner_municipality_name_id" ON "learner" ("municipality_id", "last_name", "first_name", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_enrolment_group_trajectory" ON "enrolment" ("group_id", "trajectory_id")`);

    await queryRunner.query(`ALTER TABLE "learner" ADD "other_payers" uuid array`);
    await queryRunner.query(`CREATE INDEX "ix_learner_other_payers" ON "learner" USING gin ("other_payers") WHERE other_payers IS NOT NULL`);
    await queryRunner.query(`
CREATE FUNCTION learner_other_payers_fill() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.other_payers := (SELECT array_agg(DISTINCT t.municipality_id ORDER BY t.municipality_id) FROM trajectory t
                        WHERE t.learner_id = NEW.id AND t.municipality_id <> NEW.municipality_id);
  RETURN NEW;
END $fn$`);
    // Lock in id order first, then update: the update's BEFORE trigger recounts each learner.
    const touch = (ids: string) => `
  PERFORM 1 FROM learner WHERE id IN (${ids}) ORDER BY id FOR NO KEY UPDATE;
  UPDATE learner SET other_payers = NULL WHERE id IN (${ids});`;
    await queryRunner.query(`
CREATE FUNCTION trajectory_touch_learners() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${touch('SELECT learner_id FROM trajectory_payer_rows')}
  RETURN NULL;
END $fn$`);
    await queryRunner.query(`
CREATE FUNCTION trajectory_touch_learners_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${touch('OLD.learner_id, NEW.learner_id')}
  RETURN NULL;
END $fn$`);
    await queryRunner.query(`
CREATE FUNCTION trajectory_touch_learners_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE learner SET other_payers = NULL WHERE other_payers IS NOT NULL;
  RETURN NULL;
END $fn$`);
    // Blocks learner and trajectory writes from here to commit, so the backfill and the triggers see the same rows.
    await queryRunner.query(`LOCK TABLE "learner", "trajectory" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_learner_other_payers" BEFORE INSERT OR UPDATE OF "municipality_id", "other_payers" ON "learner" FOR EACH ROW EXECUTE FUNCTION learner_other_payers_fill()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_trajectory_payers_insert" AFTER INSERT ON "trajectory" REFERENCING NEW TABLE AS trajectory_payer_rows FOR EACH STATEMENT EXECUTE FUNCTION trajectory_touch_learners()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_trajectory_payers_delete" AFTER DELETE ON "trajectory" REFERENCING OLD TABLE AS trajectory_payer_rows FOR EACH STATEMENT EXECUTE FUNCTION trajectory_touch_learners()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_trajectory_payers_move" AFTER UPDATE OF "learner_id", "municipality_id" ON "trajectory" FOR EACH ROW WHEN (OLD.learner_id IS DISTINCT FROM NEW.learner_id OR OLD.municipality_id IS DISTINCT FROM NEW.municipality_id) EXECUTE FUNCTION trajectory_touch_learners_moved()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_trajectory_payers_truncate" AFTER TRUNCATE ON "trajectory" FOR EACH STATEMENT EXECUTE FUNCTION trajectory_touch_learners_truncated()`,
    );
    await queryRunner.query(
      `UPDATE learner l SET other_payers = NULL WHERE EXISTS (SELECT 1 FROM trajectory t WHERE t.learner_id = l.id AND t.municipality_id <> l.municipality_id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['truncate', 'move', 'delete', 'insert']) await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_trajectory_payers_${t}" ON "trajectory"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_learner_other_payers" ON "learner"`);
    for (const f of ['trajectory_touch_learners_truncated', 'trajectory_touch_learners_moved', 'trajectory_touch_learners', 'learner_other_payers_fill']) {
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${f}()`);
    }
    await queryRunner.query(`DROP INDEX "public"."ix_learner_other_payers"`);
    await queryRunner.query(`ALTER TABLE "learner" DROP COLUMN "other_payers"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrolment_group_trajectory"`);
    await queryRunner.query(`DROP INDEX "public"."ix_learner_municipality_name_id"`);
    await queryRunner.query(`CREATE INDEX "ix_learner_municipality_name" ON "learner" ("municipality_id", "last_name", "first_name")`);
  }
}
