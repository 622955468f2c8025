import { MigrationInterface, QueryRunner } from "typeorm";

export class AddNetwork1796123035553 implements MigrationInterface {
    name = 'AddNetwork1796123035553'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "network_partner" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "themes" character varying(20) array NOT NULL DEFAULT '{}', "contact_name" character varying(200), "contact_email" character varying(254), "contact_phone" character varying(30), "address" character varying(300), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_network_partner_themes" CHECK ("themes" <@ ARRAY['sport', 'culture', 'religion', 'work', 'housing', 'neighbourhood']::varchar[]), CONSTRAINT "ck_network_partner_kind" CHECK ("kind" IN ('sport_club', 'religious_community', 'library', 'employer', 'welfare_organisation', 'volunteer_organisation', 'neighbourhood_team', 'other')), CONSTRAINT "PK_7a0ba0b0a59fcf7ae231e55a9a6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_network_partner_municipality" ON "network_partner" ("municipality_id", "kind") `);
        await queryRunner.query(`CREATE TABLE "volunteer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "email" character varying(254), "phone" character varying(30), "languages" character varying(60) array NOT NULL DEFAULT '{}', "availability" character varying(500), "municipality_id" uuid, "partner_id" uuid, "vog_date" date, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76924da1998b3e07025e04c4d3c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_volunteer_vog_date" ON "volunteer" ("vog_date") `);
        await queryRunner.query(`CREATE INDEX "ix_volunteer_municipality" ON "volunteer" ("municipality_id") `);
        await queryRunner.query(`CREATE INDEX "ix_volunteer_partner" ON "volunteer" ("partner_id") `);
        await queryRunner.query(`CREATE TABLE "referral" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trajectory_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "reason_kind" character varying(10) NOT NULL, "reason_theme" character varying(20) NOT NULL, "note" text, "planned_date" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'planned', "first_contact_date" date, "accompanied_by_volunteer_id" uuid, "accompanied_by_user_id" uuid, "participating_from" date, "end_date" date, "outcome_reason" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_referral_end" CHECK (("status" = 'ended') = ("end_date" IS NOT NULL) AND ("end_date" IS NULL OR "end_date" >= "first_contact_date")), CONSTRAINT "ck_referral_first_contact" CHECK (("status" IN ('planned', 'not_started')) = ("first_contact_date" IS NULL)), CONSTRAINT "ck_referral_accompanied" CHECK ("accompanied_by_volunteer_id" IS NULL OR "accompanied_by_user_id" IS NULL), CONSTRAINT "ck_referral_reason_theme" CHECK ("reason_theme" IN ('sport', 'culture', 'religion', 'work', 'housing', 'neighbourhood')), CONSTRAINT "ck_referral_reason_kind" CHECK ("reason_kind" IN ('wish', 'need', 'ability')), CONSTRAINT "ck_referral_status" CHECK ("status" IN ('planned', 'first_contact', 'participating', 'ended', 'not_started')), CONSTRAINT "PK_a2d3e935a6591168066defec5ad" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_referral_partner" ON "referral" ("partner_id", "status") `);
        await queryRunner.query(`CREATE INDEX "ix_referral_trajectory" ON "referral" ("trajectory_id") `);
        await queryRunner.query(`CREATE TABLE "participation_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "entry_date" date NOT NULL, "minutes" integer NOT NULL, "note" character varying(500), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_participation_entry_minutes" CHECK ("minutes" > 0 AND "minutes" <= 1440), CONSTRAINT "PK_34440081bd8be949e27b8a0d0a0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_participation_entry_referral" ON "participation_entry" ("referral_id", "entry_date") `);
        await queryRunner.query(`ALTER TABLE "network_partner" ADD CONSTRAINT "fk_network_partner_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "volunteer" ADD CONSTRAINT "fk_volunteer_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "volunteer" ADD CONSTRAINT "fk_volunteer_partner" FOREIGN KEY ("partner_id") REFERENCES "network_partner"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "referral" ADD CONSTRAINT "fk_referral_trajectory" FOREIGN KEY ("trajectory_id") REFERENCES "trajectory"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "referral" ADD CONSTRAINT "fk_referral_partner" FOREIGN KEY ("partner_id") REFERENCES "network_partner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "referral" ADD CONSTRAINT "fk_referral_accompanied_volunteer" FOREIGN KEY ("accompanied_by_volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "referral" ADD CONSTRAINT "fk_referral_accompanied_user" FOREIGN KEY ("accompanied_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "participation_entry" ADD CONSTRAINT "fk_participation_entry_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "participation_entry" ADD CONSTRAINT "fk_participation_entry_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "participation_entry" DROP CONSTRAINT "fk_participation_entry_created_by"`);
        await queryRunner.query(`ALTER TABLE "participation_entry" DROP CONSTRAINT "fk_participation_entry_referral"`);
        await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "fk_referral_accompanied_user"`);
        await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "fk_referral_accompanied_volunteer"`);
        await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "fk_referral_partner"`);
        await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "fk_referral_trajectory"`);
        await queryRunner.query(`ALTER TABLE "volunteer" DROP CONSTRAINT "fk_volunteer_partner"`);
        await queryRunner.query(`ALTER TABLE "volunteer" DROP CONSTRAINT "fk_volunteer_municipality"`);
        await queryRunner.query(`ALTER TABLE "network_partner" DROP CONSTRAINT "fk_network_partner_municipality"`);
        await queryRunner.query(`DROP INDEX "public"."ix_participation_entry_referral"`);
        await queryRunner.query(`DROP TABLE "participation_entry"`);
        await queryRunner.query(`DROP INDEX "public"."ix_referral_trajectory"`);
        await queryRunner.query(`DROP INDEX "public"."ix_referral_partner"`);
        await queryRunner.query(`DROP TABLE "referral"`);
        await queryRunner.query(`DROP INDEX "public"."ix_volunteer_partner"`);
        await queryRunner.query(`DROP INDEX "public"."ix_volunteer_municipality"`);
        await queryRunner.query(`DROP INDEX "public"."ix_volunteer_vog_date"`);
        await queryRunner.query(`DROP TABLE "volunteer"`);
        await queryRunner.query(`DROP INDEX "public"."ix_network_partner_municipality"`);
        await queryRunner.query(`DROP TABLE "network_partner"`);
    }

}
