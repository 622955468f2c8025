/**
 * Settlement on the scale data, without the API: `npx ts-node -T bench/settlement-bench.ts <scale-db-url>`.
 * 1. A draft for the whole region over a year: one run per municipality (14), each computed in the database exactly
 *    as POST /settlement-runs does (same SQL, same transaction shape). Target ≤ 20 s in all.
 * 2. Their sheets written by the worker's generator (exceljs streaming writer) in a child process, which reports its
 *    peak RSS. Target ≤ 400 MB.
 * 3. One municipality's quarterly draft (the median-sized municipality, and Enschede, the largest). Target ≤ 2 s.
 * Every draft made here is deleted afterwards. Writes bench/results/settlement.json and prints a summary.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { SettlementRunRepository } from '../src/modules/settlement/settlement-run.repository';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const iso = (d: Date) => d.toISOString().slice(0, 10);

async function draft(ds: DataSource, runs: SettlementRunRepository, municipalityId: string, from: string, to: string, today: string) {
  const t0 = process.hrtime.bigint();
  const id = await ds.transaction(async (m) => {
    const runId = await runs.insertDraft(m, municipalityId, from, to, null);
    await runs.computeLines(m, { id: runId, municipalityId, periodFrom: from, periodTo: to, status: 'draft' }, today);
    return runId;
  });
  const elapsed = ms(t0);
  const [{ line_count, total_cents }] = await ds.query(`SELECT line_count, total_cents::float8 FROM settlement_run WHERE id = $1`, [id]);
  return { id, ms: Math.round(elapsed), lines: line_count as number, totalCents: total_cents as number };
}

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: settlement-bench.ts <scale-db-url>');
  const ds = new DataSource({ ...buildDataSourceOptions(url), extra: { options: '-c jit=off' } } as never);
  await ds.initialize();
  const runs = new SettlementRunRepository();
  const today = iso(new Date());
  const yearFrom = iso(new Date(Date.now() - 364 * 86_400_000));
  const created: string[] = [];
  try {
    const munis: { id: string; name: string; n: number }[] = await ds.query(
      `SELECT m.id, m.name, count(t.id)::int AS n FROM municipality m LEFT JOIN trajectory t ON t.municipality_id = m.id GROUP BY m.id ORDER BY n DESC`,
    );
    // 1. the region over a year
    const t0 = process.hrtime.bigint();
    const region = [];
    for (const m of munis) {
      const r = await draft(ds, runs, m.id, yearFrom, today, today);
      created.push(r.id);
      region.push({ municipality: m.name, trajectories: m.n, ...r });
    }
    const regionMs = Math.round(ms(t0));
    const regionLines = region.reduce((s, r) => s + r.lines, 0);

    // 2. the sheets in a child process (the worker's generator), peak RSS
    const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'settlement-sheet.ts'), url, ...created], {
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' },
    });
    if (child.status !== 0) throw new Error(`sheet child failed: ${child.stderr}`);
    const sheets = JSON.parse(child.stdout.trim().split('\n').pop()!);

    // 3. quarterly drafts for one municipality
    const qFrom = iso(new Date(Date.now() - 91 * 86_400_000));
    const median = munis[Math.floor(munis.length / 2)];
    const quarterly = [];
    for (const m of [median, munis[0]]) {
      for (let i = 0; i < 3; i++) {
        const r = await draft(ds, runs, m.id, qFrom, today, today);
        created.push(r.id);
        quarterly.push({ municipality: m.name, trajectories: m.n, ...r });
      }
    }
    const result = {
      measuredAt: new Date().toISOString(),
      command: 'npx ts-node -T bench/settlement-bench.ts <scale-db-url>',
      loadAverage: require('os').loadavg(),
      regionYear: { from: yearFrom, to: today, runs: region.length, lines: regionLines, ms: regionMs, targetMs: 20_000, perMunicipality: region },
      sheets: { ...sheets, targetPeakRssMb: 400 },
      quarterly: { from: qFrom, to: today, targetMs: 2000, runs: quarterly },
    };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'settlement.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`region year: ${region.length} drafts, ${regionLines} lines, ${regionMs} ms (target ≤ 20000)`);
    console.log(`sheets: ${sheets.files} files, ${sheets.rows} lines, ${sheets.ms} ms, largest ${sheets.largestLines} lines in ${sheets.largestMs} ms, peak RSS ${sheets.peakRssMb} MB (target ≤ 400)`);
    for (const q of quarterly) console.log(`quarterly ${q.municipality} (${q.trajectories} trajectories): ${q.lines} lines, ${q.ms} ms (target ≤ 2000)`);
  } finally {
    if (created.length) await ds.query(`DELETE FROM settlement_run WHERE id = ANY($1::uuid[]) AND status = 'draft'`, [created]);
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
