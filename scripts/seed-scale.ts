/**
 * npm run seed:scale [-- --database koers_scale | postgres://… ] [--learners 30000] [--groups 1500]
 * (Re)creates a SEPARATE database (default koers_scale, or SCALE_DATABASE_URL), migrates it and fills it with
 * the scale data set for the benchmarks. Prints phase timings and writes them to bench/results/seed-scale.json.
 */
import 'reflect-metadata';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { parseArgs } from 'util';
import { AppConfig, loadEnvironment } from '../src/config/app-config';
import { todayInAmsterdam } from '../src/seed/dates';
import { countRows } from '../src/seed/demo-seed';
import { PhaseTiming, seedScale } from '../src/seed/scale-seed';
import { databaseName, describeDatabase, openDataSource, withDatabase } from '../src/seed/seed-data-source';

const ROOT = path.join(__dirname, '..');

/** The scale database is made, migrated and bulk-loaded (triggers off) by a superuser: DATABASE_ADMIN_URL when set. */
function targetUrl(flag: string | undefined, env: { DATABASE_URL: string; DATABASE_ADMIN_URL?: string }): string {
  const base = env.DATABASE_ADMIN_URL ?? env.DATABASE_URL;
  if (flag) return flag.includes('://') ? flag : withDatabase(base, flag);
  return process.env.SCALE_DATABASE_URL || withDatabase(base, 'koers_scale');
}

async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and _`);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

function migrate(url: string): void {
  const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'typeorm-ts-node-commonjs'), ['migration:run', '-d', 'src/database/data-source.ts'], {
    cwd: ROOT,
    // The CLI migrates DATABASE_MIGRATION_URL when set (.env sets it to the main database): point both at the target.
    env: { ...process.env, DATABASE_URL: url, DATABASE_MIGRATION_URL: url, TS_NODE_TRANSPILE_ONLY: '1', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`migrations failed:\n${res.stdout}\n${res.stderr}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { database: { type: 'string' }, learners: { type: 'string' }, groups: { type: 'string' } } });
  const env = loadEnvironment();
  const url = targetUrl(values.database, env);
  if (databaseName(url) === databaseName(env.DATABASE_URL) && new URL(url).host === new URL(env.DATABASE_URL).host) {
    throw new Error(`refusing to recreate ${describeDatabase(url)}: it is the main DATABASE_URL; pick another name with --database`);
  }
  const learners = Number(values.learners ?? 30_000);
  const groups = Number(values.groups ?? 1_500);
  if (!Number.isInteger(learners) || learners < 100) throw new Error('--learners must be an integer ≥ 100');
  if (!Number.isInteger(groups) || groups < 20) throw new Error('--groups must be an integer ≥ 20');
  const timings: PhaseTiming[] = [];
  const print = (t: PhaseTiming) => {
    timings.push(t);
    process.stdout.write(`  ${t.phase.padEnd(44)} ${(t.ms / 1000).toFixed(1).padStart(7)} s${t.rows !== undefined ? `  ${t.rows.toLocaleString('en')} rows` : ''}\n`);
  };
  const started = Date.now();
  process.stdout.write(`Building the scale data set in ${describeDatabase(url)} (${learners} learners, ${groups} groups)\n`);
  let t0 = Date.now();
  await recreateDatabase(url);
  print({ phase: 'create database', ms: Date.now() - t0 });
  t0 = Date.now();
  migrate(url);
  print({ phase: 'migrations', ms: Date.now() - t0 });
  const db = await openDataSource(url);
  let counts: Record<string, number>;
  try {
    await seedScale(db, { learners, groups, today: todayInAmsterdam(), config: new AppConfig() }, print);
    counts = await countRows(db);
  } finally {
    await db.destroy();
  }
  const totalMs = Date.now() - started;
  process.stdout.write(`Total ${(totalMs / 1000).toFixed(1)} s. Rows: ${Object.entries(counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}\n`);
  const out = path.join(ROOT, 'bench', 'results', 'seed-scale.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({
    date: new Date().toISOString(), database: databaseName(url), machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() },
    options: { learners, groups }, totalMs, phases: timings, counts,
  }, null, 2)}\n`);
  process.stdout.write(`Timings written to ${path.relative(process.cwd(), out)}\n`);
}

main().catch((e) => {
  process.stderr.write(`seed:scale failed: ${(e as Error).message}\n`);
  process.exit(1);
});
