import { MigrationInterface, QueryRunner } from "typeorm";

export class AddUserTokenVersion1796124848550 implements MigrationInterface {
    name = 'AddUserTokenVersion1796124848550'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT '1'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
    }

}
