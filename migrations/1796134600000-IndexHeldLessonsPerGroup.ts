import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SPIL report's expected registers read, per group, the dates of its lessons that were not cancelled: with this
 * partial index that read is index-only and ordered (a municipality's groups only, no scan of every lesson in the
 * period).
 */
export class IndexHeldLessonsPerGroup1796134600000 implements MigrationInterface {
  name = 'IndexHeldLessonsPerGroup1796134600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_lesson_group_date_held" ON "lesson" ("group_id", "date") WHERE NOT "cancelled"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_lesson_group_date_held"`);
  }
}
