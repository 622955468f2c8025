import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * koers_level_index_at and koers_passed_at read a learner's assessments of a skill up to a date: with the level index,
 * the level and the pass flag in the index that read is index-only (the SPIL report asks it for every in-scope
 * trajectory and skill). Same key as the index it replaces.
 */
export class CoverAssessmentLevels1796127107286 implements MigrationInterface {
  name = 'CoverAssessmentLevels1796127107286';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_assessment_learner_skill_date"`);
    await queryRunner.query(
      `CREATE INDEX "ix_assessment_learner_skill_date_cover" ON "assessment" ("learner_id", "skill", "date") INCLUDE ("level_index", "level", "passed")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_assessment_learner_skill_date_cover"`);
    await queryRunner.query(`CREATE INDEX "ix_assessment_learner_skill_date" ON "assessment" ("learner_id", "skill", "date")`);
  }
}
