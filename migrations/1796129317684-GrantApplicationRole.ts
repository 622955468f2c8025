import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege (src/database/database-roles.ts): the application role koers_app may read and write rows, and on
 * audit_event only insert and read; no TRUNCATE, no DDL (it owns nothing, so it cannot disable a trigger or drop a
 * table). Default privileges of the role running the migrations grant the same on tables and sequences made by later
 * migrations. Written by hand: grants are not entity changes. Skipped where the role does not exist (a database
 * used only by a superuser).
 */
export class GrantApplicationRole1796129317684 implements MigrationInterface {
  name = 'GrantApplicationRole1796129317684';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DO $grant$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koers_app') THEN RETURN; END IF;
  GRANT USAGE ON SCHEMA public TO koers_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO koers_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO koers_app;
  REVOKE ALL ON audit_event FROM koers_app;
  GRANT SELECT, INSERT ON audit_event TO koers_app;
  REVOKE ALL ON typeorm_migrations FROM koers_app;
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO koers_app', current_user);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO koers_app', current_user);
END $grant$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DO $revoke$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koers_app') THEN RETURN; END IF;
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public REVOKE ALL ON TABLES FROM koers_app', current_user);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public REVOKE ALL ON SEQUENCES FROM koers_app', current_user);
  REVOKE ALL ON ALL TABLES IN SCHEMA public FROM koers_app;
  REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM koers_app;
  REVOKE USAGE ON SCHEMA public FROM koers_app;
END $revoke$`);
  }
}
