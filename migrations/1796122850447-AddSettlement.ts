/** Settlement runs, their lines, the ledger of billed lines (its unique key bills an event once) and the invoice counter. */
import { MigrationInterface, QueryRunner } from "typeorm";

export class AddSettlement1796122850447 implements MigrationInterface {
    name = 'AddSettlement1796122850447'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "settlement_invoice_counter" ("year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_a409fdfbc97f9c5444dc2faa2e0" PRIMARY KEY ("year"))`);
        await queryRunner.query(`CREATE TABLE "settlement_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'draft', "invoice_number" character varying(12), "invoice_date" date, "line_count" integer NOT NULL DEFAULT '0', "subtotal_cents" bigint NOT NULL DEFAULT '0', "vat_cents" bigint NOT NULL DEFAULT '0', "total_cents" bigint NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finalised_at" TIMESTAMP WITH TIME ZONE, "finalised_by" uuid, CONSTRAINT "ck_settlement_run_final" CHECK ("status" = 'draft' OR ("invoice_number" IS NOT NULL AND "invoice_date" IS NOT NULL)), CONSTRAINT "ck_settlement_run_period" CHECK ("period_to" >= "period_from"), CONSTRAINT "ck_settlement_run_status" CHECK ("status" IN ('draft', 'final')), CONSTRAINT "PK_9ef623d0e771bd8b6327740e876" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_settlement_run_invoice_number" ON "settlement_run" ("invoice_number") `);
        await queryRunner.query(`CREATE INDEX "ix_settlement_run_municipality" ON "settlement_run" ("municipality_id", "period_to") `);
        await queryRunner.query(`CREATE TABLE "settlement_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "line_no" integer NOT NULL, "trajectory_id" uuid NOT NULL, "product_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "event_key" character varying(20) NOT NULL, "event_date" date NOT NULL, "percent" integer, "minutes" integer, "amount_cents" integer NOT NULL, "vat_rate_basis_points" integer NOT NULL DEFAULT '0', "late" boolean NOT NULL DEFAULT false, "corrects_line_id" uuid, "correction_seq" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_settlement_line_correction" CHECK (("kind" = 'correction') = ("corrects_line_id" IS NOT NULL) AND ("kind" = 'correction') = ("correction_seq" > 0)), CONSTRAINT "ck_settlement_line_kind" CHECK ("kind" IN ('start', 'halfway', 'completion', 'exam_bonus', 'dropout', 'hours', 'correction')), CONSTRAINT "PK_a31fbc8b0efd3c48bd30f7023db" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_settlement_line_product" ON "settlement_line" ("product_id") `);
        await queryRunner.query(`CREATE INDEX "ix_settlement_line_contract" ON "settlement_line" ("contract_id") `);
        await queryRunner.query(`CREATE INDEX "ix_settlement_line_corrects" ON "settlement_line" ("corrects_line_id") `);
        await queryRunner.query(`CREATE INDEX "ix_settlement_line_trajectory" ON "settlement_line" ("trajectory_id", "event_key") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_settlement_line_run_no" ON "settlement_line" ("run_id", "line_no") `);
        await queryRunner.query(`CREATE TABLE "settlement_billing" ("line_id" uuid NOT NULL, "run_id" uuid NOT NULL, "trajectory_id" uuid NOT NULL, "event_key" character varying(20) NOT NULL, "correction_seq" integer NOT NULL, "amount_cents" integer NOT NULL, CONSTRAINT "PK_0afad742b9f54bf55981fbf9c9a" PRIMARY KEY ("line_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_settlement_billing_run" ON "settlement_billing" ("run_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_settlement_billing_event" ON "settlement_billing" ("trajectory_id", "event_key", "correction_seq") `);
        await queryRunner.query(`ALTER TABLE "trajectory" ADD "never_active" boolean NOT NULL DEFAULT false`);
        // Trajectories dropped out through the API without an activation before: they never became active.
        await queryRunner.query(`UPDATE trajectory t SET never_active = true
          WHERE t.status = 'dropped_out'
            AND EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_type = 'trajectory' AND a.entity_id = t.id::text AND a.action = 'status.drop_out')
            AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_type = 'trajectory' AND a.entity_id = t.id::text AND a.action = 'status.activate')`);
        await queryRunner.query(`ALTER TABLE "settlement_run" ADD CONSTRAINT "fk_settlement_run_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_run" ADD CONSTRAINT "fk_settlement_run_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_run" ADD CONSTRAINT "fk_settlement_run_finalised_by" FOREIGN KEY ("finalised_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_line" ADD CONSTRAINT "fk_settlement_line_run" FOREIGN KEY ("run_id") REFERENCES "settlement_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_line" ADD CONSTRAINT "fk_settlement_line_trajectory" FOREIGN KEY ("trajectory_id") REFERENCES "trajectory"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_line" ADD CONSTRAINT "fk_settlement_line_product" FOREIGN KEY ("product_id") REFERENCES "product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_line" ADD CONSTRAINT "fk_settlement_line_contract" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_line" ADD CONSTRAINT "fk_settlement_line_corrects" FOREIGN KEY ("corrects_line_id") REFERENCES "settlement_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_billing" ADD CONSTRAINT "fk_settlement_billing_line" FOREIGN KEY ("line_id") REFERENCES "settlement_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "settlement_billing" ADD CONSTRAINT "fk_settlement_billing_run" FOREIGN KEY ("run_id") REFERENCES "settlement_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "settlement_billing" DROP CONSTRAINT "fk_settlement_billing_run"`);
        await queryRunner.query(`ALTER TABLE "settlement_billing" DROP CONSTRAINT "fk_settlement_billing_line"`);
        await queryRunner.query(`ALTER TABLE "settlement_line" DROP CONSTRAINT "fk_settlement_line_corrects"`);
        await queryRunner.query(`ALTER TABLE "settlement_line" DROP CONSTRAINT "fk_settlement_line_contract"`);
        await queryRunner.query(`ALTER TABLE "settlement_line" DROP CONSTRAINT "fk_settlement_line_product"`);
        await queryRunner.query(`ALTER TABLE "settlement_line" DROP CONSTRAINT "fk_settlement_line_trajectory"`);
        await queryRunner.query(`ALTER TABLE "settlement_line" DROP CONSTRAINT "fk_settlement_line_run"`);
        await queryRunner.query(`ALTER TABLE "settlement_run" DROP CONSTRAINT "fk_settlement_run_finalised_by"`);
        await queryRunner.query(`ALTER TABLE "settlement_run" DROP CONSTRAINT "fk_settlement_run_created_by"`);
        await queryRunner.query(`ALTER TABLE "settlement_run" DROP CONSTRAINT "fk_settlement_run_municipality"`);
        await queryRunner.query(`ALTER TABLE "trajectory" DROP COLUMN "never_active"`);
        await queryRunner.query(`DROP INDEX "public"."uq_settlement_billing_event"`);
        await queryRunner.query(`DROP INDEX "public"."ix_settlement_billing_run"`);
        await queryRunner.query(`DROP TABLE "settlement_billing"`);
        await queryRunner.query(`DROP INDEX "public"."uq_settlement_line_run_no"`);
        await queryRunner.query(`DROP INDEX "public"."ix_settlement_line_trajectory"`);
        await queryRunner.query(`DROP INDEX "public"."ix_settlement_line_corrects"`);
        await queryRunner.query(`DROP INDEX "public"."ix_settlement_line_contract"`);
        await queryRunner.query(`DROP INDEX "public"."ix_settlement_line_product"`);
        await queryRunner.query(`DROP TABLE "settlement_line"`);
        await queryRunner.query(`DROP INDEX "public"."ix_settlement_run_municipality"`);
        await queryRunner.query(`DROP INDEX "public"."uq_settlement_run_invoice_number"`);
        await queryRunner.query(`DROP TABLE "settlement_run"`);
        await queryRunner.query(`DROP TABLE "settlement_invoice_counter"`);
    }

}
