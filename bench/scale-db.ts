/**
 * Helper for bench/run.sh. `url` prints the scale database URL (SCALE_DATABASE_URL, or DATABASE_URL with the
 * database koers_scale); `status` prints "ready" when it exists and holds the scale data set with the demo logins,
 * otherwise "missing". `migration-url` prints the URL that migrates it: the scale database as the role that made it
 * (DATABASE_ADMIN_URL, else DATABASE_MIGRATION_URL or DATABASE_URL). `port <n>` prints the first free TCP port from n on.
 */
import * as net from 'net';
import { Client } from 'pg';
import { loadEnvironment } from '../src/config/app-config';
import { databaseName, withDatabase } from '../src/seed/seed-data-source';

export function scaleDatabaseUrl(): string {
  return process.env.SCALE_DATABASE_URL || withDatabase(loadEnvironment().DATABASE_URL, 'koers_scale');
}

async function status(url: string): Promise<string> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(url)])).rowCount;
  await admin.end();
  if (!exists) return 'missing';
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const [row] = (await c.query(`SELECT to_regclass('public.attendance_record') IS NOT NULL AS schema,
      (SELECT count(*) FROM app_user WHERE email = 'coordinator@koers.test') AS logins`)).rows;
    if (!row.schema || Number(row.logins) === 0) return 'missing';
    const [{ n }] = (await c.query('SELECT count(*)::int AS n FROM (SELECT 1 FROM attendance_record LIMIT 1000000) a')).rows;
    return n >= 1_000_000 ? 'ready' : 'missing';
  } finally {
    await c.end();
  }
}

function freePort(from: number): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(freePort(from + 1)));
    srv.listen(from, '127.0.0.1', () => srv.close(() => resolve(from)));
  });
}

async function main(): Promise<void> {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === 'url') process.stdout.write(scaleDatabaseUrl());
  else if (cmd === 'migration-url') {
    const env = loadEnvironment();
    process.stdout.write(withDatabase(env.DATABASE_ADMIN_URL ?? env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL, databaseName(scaleDatabaseUrl())));
  } else if (cmd === 'status') process.stdout.write(await status(scaleDatabaseUrl()));
  else if (cmd === 'port') process.stdout.write(String(await freePort(Number(arg ?? 3999))));
  else throw new Error('usage: scale-db.ts url|migration-url|status|port [from]');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
