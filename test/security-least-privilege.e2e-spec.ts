import { Client } from 'pg';
import { APP_ROLE, OWNER_ROLE } from '../src/database/database-roles';
import { createTestApp, TestApp } from './helpers/test-app';
import { dbUrl } from './test-env';

/**
 * Issue 13.4: the application's own connection may read and write rows and nothing more: on audit_event only
 * INSERT and SELECT; no TRUNCATE, no DDL, no switching the audit trigger off. Tables of later migrations (made by
 * the owner role) are granted automatically.
 */
describe('least privilege in the database (security e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the app connects as the application role, not as the owner or a superuser', async () => {
    const [me] = await t.db.query(`SELECT current_user AS "user", usesuper AS "super" FROM pg_user WHERE usename = current_user`);
    expect(me).toEqual({ user: APP_ROLE, super: false });
    const [{ owner }] = await t.db.query(`SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'audit_event'`);
    expect(owner).toBe(OWNER_ROLE);
  });

  it('inserts and reads audit events, and can do nothing else to them', async () => {
    await t.db.query(`INSERT INTO audit_event (action, entity_type) VALUES ('test', 'privilege_check')`);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'privilege_check'`))[0].n).toBe(1);
    const refused: Record<string, string> = {
      update: `UPDATE audit_event SET action = 'x'`,
      delete: `DELETE FROM audit_event`,
      truncate: `TRUNCATE audit_event`,
      'disable trigger': `ALTER TABLE audit_event DISABLE TRIGGER ALL`,
      'replication role': `SET session_replication_role = replica`,
      'drop table': `DROP TABLE audit_event`,
      'drop trigger function': `DROP FUNCTION koers_audit_event_refuse_change() CASCADE`,
      'create table': `CREATE TABLE sneaky (id int)`,
      'read the migrations table': `SELECT * FROM typeorm_migrations`,
    };
    const outcomes: Record<string, string> = {};
    for (const [name, sql] of Object.entries(refused)) {
      outcomes[name] = await t.db.query(sql).then(
        () => 'ALLOWED',
        (e: { driverError?: { code?: string }; code?: string }) => e.driverError?.code ?? e.code ?? 'error',
      );
    }
    // 42501 insufficient_privilege for each (the trigger's own refusal would also be 42501: the privilege check comes first).
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(refused).map((k) => [k, '42501'])));
    expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'privilege_check'`))[0].n).toBe(1);
    // Granting itself more is a no-op (PostgreSQL only warns "no privileges were granted"): UPDATE stays refused.
    await t.db.query(`GRANT UPDATE ON audit_event TO ${APP_ROLE}`);
    await expect(t.db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toMatchObject({ driverError: { code: '42501' } });
  });

  it('writes rows of the other tables (DML) but cannot truncate them', async () => {
    await t.db.query(`UPDATE app_user SET display_name = display_name WHERE false`);
    await expect(t.db.query(`TRUNCATE learner CASCADE`)).rejects.toMatchObject({ driverError: { code: '42501' } });
  });

  it('a table made by a later migration (as the owner) is granted to the application automatically', async () => {
    const owner = new Client({ connectionString: dbUrl(t.dbName) });
    await owner.connect();
    try {
      await owner.query(`SET ROLE ${OWNER_ROLE}`);
      await owner.query(`CREATE TABLE later_feature (id int PRIMARY KEY, note text)`);
    } finally {
      await owner.end();
    }
    await t.db.query(`INSERT INTO later_feature VALUES (1, 'x')`);
    await t.db.query(`UPDATE later_feature SET note = 'y'`);
    expect(await t.db.query(`SELECT note FROM later_feature`)).toEqual([{ note: 'y' }]);
    await t.db.query(`DELETE FROM later_feature`);
    await expect(t.db.query(`TRUNCATE later_feature`)).rejects.toMatchObject({ driverError: { code: '42501' } });
  });
});
