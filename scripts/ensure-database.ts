/**
 * Prepares the database named in DATABASE_URL (used by the demo command and the compose file's migrate step):
 * creates it when missing and, when DATABASE_URL and DATABASE_MIGRATION_URL name the application and owner roles
 * (koers_app, koers_owner), creates those roles (with the URLs' passwords) and gives the schema to the owner.
 * Connects as DATABASE_ADMIN_URL (a superuser), or as the migration URL's server with user postgres.
 */
import { Client } from 'pg';
import { loadEnvironment } from '../src/config/app-config';
import { APP_ROLE, ensureRoles, handSchemaToOwner, OWNER_ROLE, passwordOf } from '../src/database/database-roles';
import { databaseName, describeDatabase, withDatabase } from '../src/seed/seed-data-source';

const userOf = (url: string) => decodeURIComponent(new URL(url).username);

function adminUrl(env: ReturnType<typeof loadEnvironment>): string {
  if (env.DATABASE_ADMIN_URL) return env.DATABASE_ADMIN_URL;
  const u = new URL(env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL);
  if (userOf(u.toString()) === APP_ROLE || userOf(u.toString()) === OWNER_ROLE) {
    u.username = 'postgres';
    u.password = '';
  }
  return withDatabase(u.toString(), 'postgres');
}

async function connect(url: string): Promise<Client> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
  } catch (e) {
    throw new Error(`cannot reach PostgreSQL for ${describeDatabase(url)} as an administrator (${(e as { code?: string }).code ?? (e as Error).message}); start it, or set DATABASE_ADMIN_URL in .env`);
  }
  return c;
}

async function main(): Promise<void> {
  const env = loadEnvironment();
  const url = env.DATABASE_URL;
  const name = databaseName(url);
  const leastPrivilege = userOf(url) === APP_ROLE && userOf(env.DATABASE_MIGRATION_URL ?? '') === OWNER_ROLE;
  const admin = await connect(adminUrl(env));
  try {
    if (leastPrivilege) await ensureRoles(admin, { owner: passwordOf(env.DATABASE_MIGRATION_URL), app: passwordOf(url) });
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"${leastPrivilege ? ` OWNER ${OWNER_ROLE}` : ''}`);
      process.stdout.write(`Created database ${describeDatabase(url)}\n`);
    }
  } finally {
    await admin.end();
  }
  if (!leastPrivilege) return;
  // A database made before the roles existed: hand its schema to the owner, so migrations as the owner can run.
  const db = await connect(withDatabase(adminUrl(env), name));
  try {
    await db.query(`ALTER DATABASE "${name.replace(/"/g, '""')}" OWNER TO ${OWNER_ROLE}`);
    await handSchemaToOwner(db);
  } finally {
    await db.end();
  }
}

main().catch((e) => {
  process.stderr.write(`ensure-database failed: ${(e as Error).message}\n`);
  process.exit(1);
});
