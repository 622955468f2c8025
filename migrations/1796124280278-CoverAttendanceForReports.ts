import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SPIL report reads a municipality's attendance of a period as one index range scan per trajectory: with the
 * minutes, status and mode in the index that scan answers from the index alone (no heap visit per
 * record). Same key as the index it replaces, so every other reader of (trajectory_id, lesson_date) keeps its plan.
 */
export class CoverAttendanceForReports1796124280278 implements MigrationInterface {
  name = 'CoverAttendanceForReports1796124280278';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_attendance_trajectory_date"`);
    await queryRunner.query(
      `CREATE INDEX "ix_attendance_trajectory_date_cover" ON "attendance_record" ("trajectory_id", "lesson_date")
         INCLUDE ("status", "lesson_minutes", "attended_minutes", "lesson_mode", "reported_in_advance")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_attendance_trajectory_date_cover"`);
    await queryRunner.query(`CREATE INDEX "ix_attendance_trajectory_date" ON "attendance_record" ("trajectory_id", "lesson_date")`);
  }
}
