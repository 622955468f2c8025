import { MigrationInterface, QueryRunner } from 'typeorm';

/** Participation entries can be corrected (version-checked) and deleted: a version and the time of the last change. */
export class VersionParticipationEntries1796133255928 implements MigrationInterface {
  name = 'VersionParticipationEntries1796133255928';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participation_entry" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "participation_entry" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participation_entry" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "participation_entry" DROP COLUMN "version"`);
  }
}
