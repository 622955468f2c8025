import { MigrationInterface, QueryRunner } from "typeorm";

export class AddDocuments1796123101481 implements MigrationInterface {
    name = 'AddDocuments1796123101481'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(60) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "params_hash" character(64) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "progress" smallint NOT NULL DEFAULT '0', "error_code" character varying(60), "error_message" text, "requested_by" uuid, "municipality_id" uuid, "learner_id" uuid, "idempotency_key" character varying(200), "storage_key" character varying(300), "content_type" character varying(100), "file_name" character varying(255), "size_bytes" bigint, "sha256" character(64), "attempts" smallint NOT NULL DEFAULT '0', "attempt_token" uuid, "lease_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "expired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_document_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "ck_document_status" CHECK ("status" IN ('pending', 'running', 'done', 'failed', 'expired')), CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_document_idempotency_key" ON "document" ("requested_by", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_document_open_request" ON "document" ("params_hash") WHERE status IN ('pending', 'running')`);
        await queryRunner.query(`CREATE INDEX "ix_document_done_finished" ON "document" ("finished_at") WHERE status = 'done'`);
        await queryRunner.query(`CREATE INDEX "ix_document_unfinished" ON "document" ("status", "lease_until") WHERE status IN ('pending', 'running')`);
        await queryRunner.query(`CREATE INDEX "ix_document_created" ON "document" ("created_at") `);
        await queryRunner.query(`CREATE INDEX "ix_document_learner" ON "document" ("learner_id", "created_at") WHERE learner_id IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_document_municipality" ON "document" ("municipality_id", "created_at") WHERE municipality_id IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_document_requested_by" ON "document" ("requested_by", "created_at") `);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_requested_by" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_learner" FOREIGN KEY ("learner_id") REFERENCES "learner"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_learner"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_municipality"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_requested_by"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_requested_by"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_municipality"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_learner"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_unfinished"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_done_finished"`);
        await queryRunner.query(`DROP INDEX "public"."uq_document_open_request"`);
        await queryRunner.query(`DROP INDEX "public"."uq_document_idempotency_key"`);
        await queryRunner.query(`DROP TABLE "document"`);
    }

}
