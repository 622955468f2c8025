import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCertificates1796122778829 implements MigrationInterface {
    name = 'AddCertificates1796122778829'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(16) NOT NULL, "year" smallint NOT NULL, "seq" integer NOT NULL, "verification_code" character(16) NOT NULL, "kind" character varying(20) NOT NULL, "learner_id" uuid NOT NULL, "trajectory_id" uuid NOT NULL, "group_id" uuid, "issue_date" date NOT NULL, "period_from" date, "period_to" date, "facts" jsonb NOT NULL, "document_id" uuid, "issued_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, "revoked_by" uuid, "regenerated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_certificate_revocation" CHECK (("revoked_at" IS NULL) = ("revocation_reason" IS NULL)), CONSTRAINT "ck_certificate_period" CHECK (("period_from" IS NULL AND "period_to" IS NULL) OR ("period_from" <= "period_to")), CONSTRAINT "ck_certificate_seq" CHECK ("seq" BETWEEN 1 AND 999999), CONSTRAINT "ck_certificate_kind" CHECK ("kind" IN ('level', 'participation', 'completion')), CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_number" ON "certificate" ("number") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_verification_code" ON "certificate" ("verification_code") `);
        await queryRunner.query(`CREATE INDEX "ix_certificate_group" ON "certificate" ("group_id") `);
        await queryRunner.query(`CREATE INDEX "ix_certificate_document" ON "certificate" ("document_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_completion" ON "certificate" ("trajectory_id") WHERE kind = 'completion' AND revoked_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_certificate_issued" ON "certificate" ("issue_date", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_certificate_learner" ON "certificate" ("learner_id") `);
        await queryRunner.query(`CREATE INDEX "ix_certificate_trajectory" ON "certificate" ("trajectory_id", "kind") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_year_seq" ON "certificate" ("year", "seq") `);
        await queryRunner.query(`CREATE TABLE "certificate_counter" ("year" smallint NOT NULL, "last_number" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_certificate_counter_last" CHECK ("last_number" BETWEEN 0 AND 999999), CONSTRAINT "PK_fda1a090c1b48fb1ea65205536c" PRIMARY KEY ("year"))`);
        await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_learner" FOREIGN KEY ("learner_id") REFERENCES "learner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_trajectory" FOREIGN KEY ("trajectory_id") REFERENCES "trajectory"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_group" FOREIGN KEY ("group_id") REFERENCES "course_group"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_issued_by" FOREIGN KEY ("issued_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_revoked_by" FOREIGN KEY ("revoked_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_revoked_by"`);
        await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_issued_by"`);
        await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_group"`);
        await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_trajectory"`);
        await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_learner"`);
        await queryRunner.query(`DROP TABLE "certificate_counter"`);
        await queryRunner.query(`DROP INDEX "public"."uq_certificate_year_seq"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_trajectory"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_learner"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_issued"`);
        await queryRunner.query(`DROP INDEX "public"."uq_certificate_completion"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_document"`);
        await queryRunner.query(`DROP INDEX "public"."ix_certificate_group"`);
        await queryRunner.query(`DROP INDEX "public"."uq_certificate_verification_code"`);
        await queryRunner.query(`DROP INDEX "public"."uq_certificate_number"`);
        await queryRunner.query(`DROP TABLE "certificate"`);
    }

}
