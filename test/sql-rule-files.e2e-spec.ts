import { Client } from 'pg';
import { applyRulesAndRollBack, diffRules, readRuleFiles } from '../scripts/sql-rules/sql-rules';
import { dbUrl } from './test-env';
import { createTestDatabase } from './helpers/test-app';

/** The check CI runs (scripts/check-sql-rules.ts): the migrated database holds exactly what the SQL files say. */
describe('SQL rule files', () => {
  let drop: () => Promise<void>;
  let c: Client;

  beforeAll(async () => {
    const d = await createTestDatabase();
    drop = d.drop;
    c = new Client({ connectionString: dbUrl(d.dbName) });
    await c.connect();
  });
  afterAll(async () => {
    await c.end();
    await drop();
  });

  it('every function and trigger of the migrated database is its file, and every one is named koers_*', async () => {
    const files = readRuleFiles();
    const applied = await applyRulesAndRollBack(c, files);
    expect(diffRules(applied).lines).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect([...applied.migrated.values()].every((o) => o.name.startsWith('koers_'))).toBe(true);
    // Every file defines its function and nothing else defines it.
    for (const f of files) expect([...applied.owner.entries()].some(([key, owner]) => owner === f && key.startsWith(`${f.name}(`))).toBe(true);
  });

  it('names the file whose function differs in the database, and a function that no file defines', async () => {
    await c.query(`CREATE OR REPLACE FUNCTION koers_attended_minutes(p_status text, p_lesson_minutes integer, p_minutes_late integer)
      RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT p_lesson_minutes $$`);
    await c.query(`CREATE FUNCTION stray_rule() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$`);
    await c.query(`DROP TRIGGER koers_audit_event_no_truncate ON audit_event`);
    const lines = diffRules(await applyRulesAndRollBack(c, readRuleFiles())).lines;
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/modules\/attendance\/sql\/koers_attended_minutes\.sql: function koers_attended_minutes\(.*\) differs/),
        expect.stringMatching(/^src\/modules\/audit\/sql\/koers_audit_event_refuse_change\.sql: trigger audit_event\.koers_audit_event_no_truncate is not in the migrated database/),
        'function stray_rule() is in the migrated database but in no src/**/sql/koers_*.sql file',
      ]),
    );
    expect(lines).toHaveLength(3);
  });
});
