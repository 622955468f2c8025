import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as path from 'path';
import { Client } from 'pg';
import { APP_ROLE, ensureRoles, OWNER_ROLE } from '../src/database/database-roles';
import { roleUrl, TEST_PG_ADMIN_URL, TEST_SECRETS } from './test-env';

/** Migrates one template database per test run; each spec file clones it. */
export default async function globalSetup(): Promise<void> {
  const template = `koers_tpl_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  // Least privilege as in production: the schema is the owner role's (migrations run as it), the app under test
  // connects as the application role. Roles are cluster-wide: created if missing, never dropped.
  await ensureRoles(admin, { owner: OWNER_ROLE, app: APP_ROLE });
  await admin.query(`CREATE DATABASE ${template} OWNER ${OWNER_ROLE}`);
  await admin.end();
  const root = path.join(__dirname, '..');
  const res = spawnSync(process.execPath, [require.resolve('typeorm/cli.js'), 'migration:run', '-d', 'src/database/data-source.ts'], {
    cwd: root,
    env: { ...process.env, ...TEST_SECRETS, DATABASE_URL: roleUrl(template, OWNER_ROLE), DATABASE_MIGRATION_URL: roleUrl(template, OWNER_ROLE), NODE_OPTIONS: '-r ts-node/register/transpile-only' },
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`Migrating the test template failed:\n${res.stdout}\n${res.stderr}`);
  process.env.KOERS_TEST_TEMPLATE = template;
}
