/**
 * Times the nightly absence-signal pass (what the worker's 'signals.nightly-pass' job runs) over the whole
 * scale database, twice (each rolled back).
 * Usage: ts-node -T bench/nightly-signals.ts <database-url>  → prints JSON and writes bench/results/nightly-signals.json
 */
import 'reflect-metadata';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { SignalEvaluationRepository } from '../src/modules/signals/signal-evaluation.repository';

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: nightly-signals.ts <database-url>');
  const db = await new DataSource(buildDataSourceOptions(url)).initialize();
  const evaluation = new SignalEvaluationRepository();
  const [{ n: trajectories }] = await db.query(`SELECT count(*)::int AS n FROM trajectory WHERE status IN ('planned','active','suspended')`);
  const runs: Array<{ ms: number; raised: number }> = [];
  const asOf = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < 2; i++) {
    // Each run is rolled back, so measuring leaves no signals behind in the benchmark database.
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    const started = Date.now();
    const raised = await evaluation.evaluate(runner.manager, null, asOf, { userId: null, role: 'system' });
    runs.push({ ms: Date.now() - started, raised: raised.length });
    await runner.rollbackTransaction();
    await runner.release();
  }
  await db.destroy();
  const result = { name: 'nightly-signal-pass', unfinishedTrajectories: trajectories, runs, target: { maxMs: 30_000 }, passed: runs.every((r) => r.ms <= 30_000) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  const file = path.join(__dirname, 'results', 'nightly-signals.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
}

main().catch((e) => {
  process.stderr.write(`nightly-signals: ${(e as Error).message}\n`);
  process.exit(1);
});
