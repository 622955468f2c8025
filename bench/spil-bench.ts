/**
 * SPIL report benchmark (run by `npm run bench` after the HTTP scenarios, or alone with
 * `npx ts-node -T bench/spil-bench.ts --base http://127.0.0.1:3999 --db <scale-url> [--worker-pid N]`):
 *  - one municipality, one quarter: GET /api/v1/reports/spil p50, side by side with the same SQL
 *    (src/modules/reports/spil-report.sql.ts) run directly on a pool of the API's size, interleaved request by request;
 *  - all 14 municipalities and the region total for a year (HTTP and direct SQL);
 *  - the xlsx of all municipalities for a year made by the worker: time from request to done, and the worker's peak
 *    resident memory (VmHWM) when --worker-pid is given.
 * Results: bench/results/spil.json, and a section appended to bench/results/latest.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { coordinatorAuth } from './coordinator-login';
import { runSpilSqlOnce, SpilSqlParams, spilPool } from './spil-sql';

const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

const p50 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor((s.length - 1) / 2)] * 10) / 10;
};
const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] * 10) / 10;
};
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, db: { type: 'string' }, 'worker-pid': { type: 'string' }, rounds: { type: 'string' }, pool: { type: 'string' } } });
  const base = values.base ?? 'http://127.0.0.1:3999';
  const rounds = Number(values.rounds ?? 28);
  const pool = spilPool(values.db!, Number(values.pool ?? process.env.BENCH_DB_POOL ?? 4));
  const auth = await coordinatorAuth(base);
  const get = async (q: string): Promise<number> => {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${base}/api/v1/reports/spil?${q}`, { headers: auth });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET reports/spil?${q}: ${res.status}`);
    return ms(t0);
  };
  const municipalities = (await pool.query(`SELECT id, name FROM municipality ORDER BY name`)).rows as { id: string; name: string }[];
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const params = (ids: string[], p: { from: string; to: string }): SpilSqlParams => ({ municipalityIds: ids, ...p, today, timeZone: 'Europe/Amsterdam' });

  // Warm both paths (plans, caches) before timing.
  for (const m of municipalities) {
    await get(`municipalityId=${m.id}&from=${QUARTER.from}&to=${QUARTER.to}`);
    await runSpilSqlOnce(pool, params([m.id], QUARTER));
  }

  // One municipality, one quarter: every municipality in turn, HTTP and direct SQL alternating.
  const quarter = { http: [] as number[], sql: [] as number[], byMunicipality: {} as Record<string, { http: number[]; sql: number[] }> };
  for (let i = 0; i < rounds; i++) {
    const m = municipalities[i % municipalities.length];
    const q = `municipalityId=${m.id}&from=${QUARTER.from}&to=${QUARTER.to}`;
    // Alternate which goes first, so neither path always finds the other's warm caches.
    const pair = { h: 0, s: 0 };
    if (i % 2) {
      pair.h = await get(q);
      pair.s = await runSpilSqlOnce(pool, params([m.id], QUARTER));
    } else {
      pair.s = await runSpilSqlOnce(pool, params([m.id], QUARTER));
      pair.h = await get(q);
    }
    quarter.http.push(pair.h);
    quarter.sql.push(pair.s);
    (quarter.byMunicipality[m.name] ??= { http: [], sql: [] }).http.push(pair.h);
    quarter.byMunicipality[m.name].sql.push(pair.s);
  }
  // The largest municipality alone (Enschede: about a quarter of the region's trajectories).
  const largest = { http: [] as number[], sql: [] as number[] };
  const enschede = municipalities.find((m) => m.name === 'Enschede')!;
  for (let i = 0; i < 10; i++) {
    largest.http.push(await get(`municipalityId=${enschede.id}&from=${QUARTER.from}&to=${QUARTER.to}`));
    largest.sql.push(await runSpilSqlOnce(pool, params([enschede.id], QUARTER)));
  }

  // All municipalities and the region total, a year.
  const year = { http: [] as number[], sql: [] as number[] };
  for (let i = 0; i < 6; i++) {
    year.http.push(await get(`from=${YEAR.from}&to=${YEAR.to}`));
    year.sql.push(await runSpilSqlOnce(pool, params(municipalities.map((m) => m.id), YEAR)));
  }

  // The xlsx of every municipality for a year, made by the worker.
  let xlsx: { ms: number; status: string; sizeBytes: number | null; workerPeakRssMb: number | null } | null = null;
  const t0 = process.hrtime.bigint();
  const res = await fetch(`${base}/api/v1/reports/spil/exports`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}` },
    body: JSON.stringify(YEAR),
  });
  if (res.status === 202) {
    let doc = (await res.json()) as { id: string; status: string; sizeBytes: number | null };
    while (!['done', 'failed', 'expired'].includes(doc.status) && ms(t0) < 120_000) {
      await new Promise((r) => setTimeout(r, 50));
      doc = (await (await fetch(`${base}/api/v1/documents/${doc.id}`, { headers: auth })).json()) as typeof doc;
    }
    const elapsed = ms(t0);
    let peak: number | null = null;
    if (values['worker-pid']) {
      const status = fs.readFileSync(`/proc/${values['worker-pid']}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status);
      peak = kb ? Math.round(Number(kb[1]) / 1024) : null;
    }
    xlsx = { ms: Math.round(elapsed), status: doc.status, sizeBytes: doc.sizeBytes, workerPeakRssMb: peak };
  }
  await pool.end();

  const result = {
    date: new Date().toISOString(),
    command: process.env.BENCH_COMMAND ?? 'npm run bench',
    // The machine is shared: the load average says how much of it the run had.
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10) },
    quarterOneMunicipality: {
      period: QUARTER,
      requests: quarter.http.length,
      httpP50: p50(quarter.http),
      httpP95: p95(quarter.http),
      sqlP50: p50(quarter.sql),
      ratio: Math.round((p50(quarter.http) / p50(quarter.sql)) * 100) / 100,
      target: 'p50 ≤ 150 ms and ≤ 1.5 × the SQL alone',
      met: p50(quarter.http) <= 150 && p50(quarter.http) <= 1.5 * p50(quarter.sql),
      byMunicipality: Object.fromEntries(Object.entries(quarter.byMunicipality).map(([k, v]) => [k, { httpP50: p50(v.http), sqlP50: p50(v.sql) }])),
    },
    quarterLargestMunicipality: { municipality: 'Enschede', httpP50: p50(largest.http), sqlP50: p50(largest.sql) },
    yearAllMunicipalitiesAndTotal: { period: YEAR, httpP50: p50(year.http), sqlP50: p50(year.sql), target: 'p50 ≤ 1000 ms', met: p50(year.http) <= 1000 },
    xlsxYearAllMunicipalities: xlsx && { ...xlsx, target: '≤ 10 s, worker peak memory ≤ 300 MB', met: xlsx.status === 'done' && xlsx.ms <= 10_000 && (xlsx.workerPeakRssMb ?? 0) <= 300 },
  };
  const out = path.join(__dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'spil.json'), `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    '',
    '## SPIL report (bench/spil-bench.ts)',
    '',
    `Load average during the run: ${result.machine.loadAverage.join(', ')} on ${result.machine.cpus} CPUs.`,
    '',
    '| measurement | HTTP p50 ms | SQL alone p50 ms | target | met |',
    '| --- | ---: | ---: | --- | --- |',
    `| one municipality, one quarter (all 14 in turn, ${result.quarterOneMunicipality.requests} requests) | ${result.quarterOneMunicipality.httpP50} | ${result.quarterOneMunicipality.sqlP50} | ${result.quarterOneMunicipality.target} (ratio ${result.quarterOneMunicipality.ratio}) | ${result.quarterOneMunicipality.met ? 'yes' : 'no'} |`,
    `| Enschede (largest), one quarter | ${result.quarterLargestMunicipality.httpP50} | ${result.quarterLargestMunicipality.sqlP50} | | |`,
    `| 14 municipalities + region total, a year | ${result.yearAllMunicipalitiesAndTotal.httpP50} | ${result.yearAllMunicipalitiesAndTotal.sqlP50} | ${result.yearAllMunicipalitiesAndTotal.target} | ${result.yearAllMunicipalitiesAndTotal.met ? 'yes' : 'no'} |`,
    xlsx ? `| xlsx of all municipalities for a year, in the worker | ${xlsx.ms} (request → done) | | ≤ 10 s, peak RSS ${xlsx.workerPeakRssMb ?? '?'} MB ≤ 300 MB | ${result.xlsxYearAllMunicipalities?.met ? 'yes' : 'no'} |` : '| xlsx | not measured (no 202) | | | |',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(out, 'spil.md'), `${md.trim()}\n`);
  fs.appendFileSync(path.join(out, 'latest.md'), md);
  process.stdout.write(`${md}\n`);
}

main().catch((e) => {
  process.stderr.write(`spil bench failed: ${(e as Error).message}\n`);
  process.exit(1);
});
