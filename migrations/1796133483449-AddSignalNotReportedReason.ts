import { MigrationInterface, QueryRunner } from "typeorm";

export class AddSignalNotReportedReason1796133483449 implements MigrationInterface {
    name = 'AddSignalNotReportedReason1796133483449'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "absence_signal" ADD "not_reported_reason" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "absence_signal" DROP COLUMN "not_reported_reason"`);
    }

}
