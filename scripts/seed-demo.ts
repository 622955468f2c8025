/**
 * npm run seed:demo — loads the demo data into DATABASE_URL (run `npm run migration:run` first).
 * Repeatable: reference data and logins are upserted, the demo's own learners and groups are replaced.
 */
import 'reflect-metadata';
import { AppConfig, loadEnvironment } from '../src/config/app-config';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/seed/demo-users';
import { seedDemo } from '../src/seed/demo-seed';
import { describeDatabase, openDataSource } from '../src/seed/seed-data-source';

async function main(): Promise<void> {
  const env = loadEnvironment();
  const started = Date.now();
  // As the owner role (DATABASE_MIGRATION_URL) when set: loading data is part of setting the database up.
  const db = await openDataSource(env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL);
  try {
    const [{ exists }] = await db.query(`SELECT to_regclass('public.learner') IS NOT NULL AS exists`);
    if (!exists) throw new Error(`the schema is missing in ${describeDatabase(env.DATABASE_URL)}: run npm run migration:run first`);
    const verbose = process.argv.includes('--verbose');
    const onPhase = (name: string, ms: number) => verbose && process.stdout.write(`  ${name}: ${ms} ms\n`);
    const summary = await seedDemo(db, { config: new AppConfig(), onPhase });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Demo data loaded into ${describeDatabase(env.DATABASE_URL)} in ${seconds} s (today = ${summary.today}):\n`);
    for (const [table, n] of Object.entries(summary.counts)) process.stdout.write(`  ${table.padEnd(18)} ${String(n).padStart(8)}\n`);
    process.stdout.write(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((u) => u.email).join(', ')}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(`seed:demo failed: ${(e as Error).message}\n`);
  process.exit(1);
});
