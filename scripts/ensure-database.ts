/** Creates the database named in DATABASE_URL when it does not exist yet (used by the demo command). */
import { Client } from 'pg';
import { loadEnvironment } from '../src/config/app-config';
import { databaseName, describeDatabase, withDatabase } from '../src/seed/seed-data-source';

async function main(): Promise<void> {
  const url = loadEnvironment().DATABASE_URL;
  const name = databaseName(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`cannot reach PostgreSQL for ${describeDatabase(url)} (${(e as { code?: string }).code ?? (e as Error).message}); start it or fix DATABASE_URL in .env`);
  }
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    process.stdout.write(`Created database ${describeDatabase(url)}\n`);
  } finally {
    await admin.end();
  }
}

main().catch((e) => {
  process.stderr.write(`ensure-database failed: ${(e as Error).message}\n`);
  process.exit(1);
});
