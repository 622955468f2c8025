import { MigrationInterface, QueryRunner } from "typeorm";

export class AddImports1796125485475 implements MigrationInterface {
    name = 'AddImports1796125485475'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "data_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "municipality_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'uploaded', "file_name" character varying(255) NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200), "file_error" text, "summary" jsonb NOT NULL DEFAULT '{}', "dry_run_document_id" uuid, "requested_by" uuid, "checked_at" TIMESTAMP WITH TIME ZONE, "committed_at" TIMESTAMP WITH TIME ZONE, "committed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_data_import_status" CHECK ("status" IN ('uploaded', 'checked', 'refused', 'committed')), CONSTRAINT "ck_data_import_kind" CHECK ("kind" IN ('learners', 'exam_results')), CONSTRAINT "PK_755c3a88694c220eb49d8baccf1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_data_import_municipality" ON "data_import" ("municipality_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "data_import_row" ("import_id" uuid NOT NULL, "line" integer NOT NULL, "outcome" character varying(10) NOT NULL, "problems" jsonb NOT NULL DEFAULT '[]', "value" jsonb, "learner_id" uuid, "label" character varying(300) NOT NULL DEFAULT '', CONSTRAINT "ck_data_import_row_outcome" CHECK ("outcome" IN ('new', 'known', 'refused')), CONSTRAINT "PK_87e53af10cc9c95dc8b66373b4b" PRIMARY KEY ("import_id", "line"))`);
        await queryRunner.query(`CREATE TABLE "duo_exam_result" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "learner_id" uuid NOT NULL, "part" character varying(3) NOT NULL, "exam_date" date NOT NULL, "level" character varying(2), "result" character varying(10) NOT NULL, "no_result_reason" character varying(20), "assessment_id" uuid, "import_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_duo_exam_result_reason" CHECK (("result" = 'Geen') = ("no_result_reason" IS NOT NULL)), CONSTRAINT "ck_duo_exam_result_result" CHECK ("result" IN ('Geslaagd', 'Gezakt', 'Geen')), CONSTRAINT "ck_duo_exam_result_level" CHECK ("level" IS NULL OR "level" IN ('A2', 'B1', 'B2')), CONSTRAINT "ck_duo_exam_result_part" CHECK ("part" IN ('LE', 'LU', 'SC', 'SP', 'KNM')), CONSTRAINT "PK_37b113b455dbbac8331b9fbed78" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_duo_exam_result_assessment" ON "duo_exam_result" ("assessment_id") `);
        await queryRunner.query(`CREATE INDEX "ix_duo_exam_result_import" ON "duo_exam_result" ("import_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_duo_exam_result" ON "duo_exam_result" ("learner_id", "part", "exam_date") `);
        await queryRunner.query(`ALTER TABLE "data_import" ADD CONSTRAINT "fk_data_import_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "data_import" ADD CONSTRAINT "fk_data_import_requested_by" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "data_import" ADD CONSTRAINT "fk_data_import_committed_by" FOREIGN KEY ("committed_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "data_import_row" ADD CONSTRAINT "fk_data_import_row_import" FOREIGN KEY ("import_id") REFERENCES "data_import"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duo_exam_result" ADD CONSTRAINT "fk_duo_exam_result_learner" FOREIGN KEY ("learner_id") REFERENCES "learner"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duo_exam_result" ADD CONSTRAINT "fk_duo_exam_result_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duo_exam_result" ADD CONSTRAINT "fk_duo_exam_result_import" FOREIGN KEY ("import_id") REFERENCES "data_import"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "duo_exam_result" DROP CONSTRAINT "fk_duo_exam_result_import"`);
        await queryRunner.query(`ALTER TABLE "duo_exam_result" DROP CONSTRAINT "fk_duo_exam_result_assessment"`);
        await queryRunner.query(`ALTER TABLE "duo_exam_result" DROP CONSTRAINT "fk_duo_exam_result_learner"`);
        await queryRunner.query(`ALTER TABLE "data_import_row" DROP CONSTRAINT "fk_data_import_row_import"`);
        await queryRunner.query(`ALTER TABLE "data_import" DROP CONSTRAINT "fk_data_import_committed_by"`);
        await queryRunner.query(`ALTER TABLE "data_import" DROP CONSTRAINT "fk_data_import_requested_by"`);
        await queryRunner.query(`ALTER TABLE "data_import" DROP CONSTRAINT "fk_data_import_municipality"`);
        await queryRunner.query(`DROP INDEX "public"."uq_duo_exam_result"`);
        await queryRunner.query(`DROP INDEX "public"."ix_duo_exam_result_import"`);
        await queryRunner.query(`DROP INDEX "public"."ix_duo_exam_result_assessment"`);
        await queryRunner.query(`DROP TABLE "duo_exam_result"`);
        await queryRunner.query(`DROP TABLE "data_import_row"`);
        await queryRunner.query(`DROP INDEX "public"."ix_data_import_municipality"`);
        await queryRunner.query(`DROP TABLE "data_import"`);
    }

}
