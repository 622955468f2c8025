/**
 * Gevolgde uren for DUO, the whole region (run by `npm run bench` with a worker, `BENCH_SCENARIOS=duo-hours` alone; or
 * `npx ts-node -T bench/duo-hours-bench.ts --base http://127.0.0.1:3999 --db <scale-url> [--worker-pid N]`).
 * The export is per municipality (POST /api/v1/exports/duo-hours { municipalityId, until }), so "the region" is all 14
 * requested at once: timed from the first request until the last file is done (the worker makes them, at its
 * DOCUMENT_CONCURRENCY), JSON and xlsx. Beside it, the floor: the export's SQL alone (src/modules/network/exports/
 * duo-hours.repository.ts) for the 14, one after the other on one connection and on a pool as wide as the worker's.
 * The scale data set has no network records, so the run first gives every started wi2021 Z-route trajectory one
 * participating referral with a weekly participation entry (removed again at the end; marked `bench duo-hours`).
 * Results: bench/results/duo-hours.json and duo-hours.md, and a section appended to bench/results/latest.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Pool } from 'pg';
import { parseArgs } from 'util';
import { coordinatorAuth } from './coordinator-login';
import { AppConfig } from '../src/config/app-config';
import { decryptBsn } from '../src/modules/learners/bsn/bsn';
import { DUO_HOURS_SQL } from '../src/modules/network/exports/duo-hours.repository';

const MARK = 'bench duo-hours';
const TARGET_MS = 10_000;

const ms = (t0: bigint): number => Math.round(Number(process.hrtime.bigint() - t0) / 1e5) / 10;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** Removes what an earlier run left, then adds one participating referral per started wi2021 Z-route trajectory. */
async function addParticipation(pool: Pool, today: string): Promise<{ referrals: number; entries: number }> {
  await removeParticipation(pool);
  await pool.query(
    `INSERT INTO network_partner (municipality_id, name, kind, themes) SELECT id, $1, 'neighbourhood_team', '{neighbourhood}' FROM municipality`,
    [`Buurtteam (${MARK})`],
  );
  const referrals = await pool.query(
    `INSERT INTO referral (trajectory_id, partner_id, reason_kind, reason_theme, planned_date, status, first_contact_date, participating_from, note)
     SELECT t.id, np.id, 'need', 'neighbourhood', t.start_date + 7, 'participating', t.start_date + 14, t.start_date + 14, $1
       FROM trajectory t JOIN product p ON p.id = t.product_id AND p.participation_norm
       JOIN network_partner np ON np.municipality_id = t.municipality_id AND np.name = $2
      WHERE t.legal_regime = 'wi2021' AND t.status <> 'planned' AND t.start_date + 14 <= $3::date`,
    [MARK, `Buurtteam (${MARK})`, today],
  );
  // Weekly, 2 to 5 hours (about what 800 hours in three years asks), up to the trajectory's end or today.
  const entries = await pool.query(
    `INSERT INTO participation_entry (referral_id, entry_date, minutes, note)
     SELECT r.id, d::date, 120 + (abs(hashtext(r.id::text || d::text)) % 181), NULL
       FROM referral r JOIN trajectory t ON t.id = r.trajectory_id
       CROSS JOIN LATERAL generate_series(r.participating_from, least(coalesce(t.end_date, $2::date), $2::date), interval '7 days') d
      WHERE r.note = $1`,
    [MARK, today],
  );
  await pool.query('ANALYZE referral; ANALYZE participation_entry; ANALYZE network_partner');
  return { referrals: referrals.rowCount ?? 0, entries: entries.rowCount ?? 0 };
}

async function removeParticipation(pool: Pool): Promise<void> {
  await pool.query(`DELETE FROM participation_entry WHERE referral_id IN (SELECT id FROM referral WHERE note = $1)`, [MARK]);
  await pool.query(`DELETE FROM referral WHERE note = $1`, [MARK]);
  await pool.query(`DELETE FROM network_partner WHERE name = $1`, [`Buurtteam (${MARK})`]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, db: { type: 'string' }, 'worker-pid': { type: 'string' }, rounds: { type: 'string' } } });
  const base = values.base ?? 'http://127.0.0.1:3999';
  const rounds = Number(values.rounds ?? 3);
  const config = new AppConfig();
  const concurrency = config.documentConcurrency;
  const pool = new Pool({ connectionString: values.db!, max: Math.max(2, concurrency), options: '-c jit=off' });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: config.reportTimezone });
  const municipalities = (await pool.query(`SELECT id, name FROM municipality ORDER BY name`)).rows as { id: string; name: string }[];

  // The export opens every BSN: a scale database sealed with another .env's key cannot be exported.
  const [sealed] = (await pool.query(`SELECT bsn_ciphertext AS c FROM learner WHERE bsn_ciphertext IS NOT NULL LIMIT 1`)).rows;
  try {
    if (sealed) decryptBsn(config.bsnEncryptionKey, sealed.c);
  } catch {
    throw new Error('the scale database\'s BSNs were sealed with another BSN_ENCRYPTION_KEY than this .env\'s: rebuild it (BENCH_RESEED=1 npm run bench)');
  }

  const auth = await coordinatorAuth(base);

  type Doc = { id: string; status: string; sizeBytes: number | null; errorMessage?: string | null };
  /** Requests one municipality's export; resolves when its document is done (or failed), with the time from `t0`. */
  const exportOne = async (municipalityId: string, format: 'json' | 'xlsx', t0: bigint): Promise<{ ms: number; doc: Doc }> => {
    const res = await fetch(`${base}/api/v1/exports/duo-hours`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ municipalityId, until: today, format }) });
    if (res.status !== 202) throw new Error(`POST exports/duo-hours: ${res.status} ${await res.text()}`);
    let doc = (await res.json()) as Doc;
    while (!['done', 'failed', 'expired'].includes(doc.status)) {
      if (ms(t0) > 180_000) throw new Error(`document ${doc.id} still ${doc.status} after 180 s: is a worker running on this database and queue prefix?`);
      await new Promise((r) => setTimeout(r, 50));
      doc = (await (await fetch(`${base}/api/v1/documents/${doc.id}`, { headers: auth })).json()) as Doc;
    }
    if (doc.status !== 'done') throw new Error(`document ${doc.id} ${doc.status}: ${doc.errorMessage ?? ''}`);
    return { ms: ms(t0), doc };
  };
  const region = async (format: 'json' | 'xlsx') => {
    const t0 = process.hrtime.bigint();
    const each = await Promise.all(municipalities.map((m) => exportOne(m.id, format, t0)));
    return { ms: ms(t0), perMunicipality: Object.fromEntries(municipalities.map((m, i) => [m.name, each[i].ms])), bytes: each.reduce((s, e) => s + (e.doc.sizeBytes ?? 0), 0), docs: each.map((e) => e.doc.id) };
  };

  let participation = { referrals: 0, entries: 0 };
  try {
    const t0 = process.hrtime.bigint();
    participation = await addParticipation(pool, today);
    process.stdout.write(`participation added: ${participation.referrals} referrals, ${participation.entries} entries (${ms(t0)} ms)\n`);

    // Rows per municipality, and one warm-up run of the SQL (plans, caches) before timing.
    const rowsPer: Record<string, number> = {};
    for (const m of municipalities) rowsPer[m.name] = (await pool.query(DUO_HOURS_SQL, [m.id, today, today])).rowCount ?? 0;
    const entries = Object.values(rowsPer).reduce((s, n) => s + n, 0);
    await exportOne(municipalities[0].id, 'json', process.hrtime.bigint()); // warms the worker

    const json: Array<Awaited<ReturnType<typeof region>>> = [];
    const xlsx: Array<Awaited<ReturnType<typeof region>>> = [];
    const sqlSequential: number[] = [];
    const sqlPool: number[] = [];
    for (let i = 0; i < rounds; i++) {
      json.push(await region('json'));
      xlsx.push(await region('xlsx'));
      let t = process.hrtime.bigint();
      const c = await pool.connect();
      try {
        for (const m of municipalities) await c.query(DUO_HOURS_SQL, [m.id, today, today]);
      } finally {
        c.release();
      }
      sqlSequential.push(ms(t));
      t = process.hrtime.bigint();
      const queue = [...municipalities];
      await Promise.all(Array.from({ length: concurrency }, async () => {
        for (let m = queue.shift(); m; m = queue.shift()) await pool.query(DUO_HOURS_SQL, [m.id, today, today]);
      }));
      sqlPool.push(ms(t));
    }

    // The files hold what the SQL found: one entry per row.
    const lastJson = json[json.length - 1];
    let fileEntries = 0;
    for (const id of lastJson.docs) {
      const body = await (await fetch(`${base}/api/v1/documents/${id}/download`, { headers: auth })).json();
      fileEntries += (body as unknown[]).length;
    }
    let peak: number | null = null;
    if (values['worker-pid']) {
      const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${values['worker-pid']}/status`, 'utf8'));
      peak = kb ? Math.round(Number(kb[1]) / 1024) : null;
    }

    const result = {
      date: new Date().toISOString(),
      command: process.env.BENCH_COMMAND ?? 'npm run bench',
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10) },
      data: { municipalities: municipalities.length, entries, fileEntries, participationReferrals: participation.referrals, participationEntries: participation.entries, until: today },
      workerDocumentConcurrency: concurrency,
      rounds,
      regionJson: { medianMs: median(json.map((r) => r.ms)), runsMs: json.map((r) => r.ms), bytes: lastJson.bytes, perMunicipalityMs: lastJson.perMunicipality },
      regionXlsx: { medianMs: median(xlsx.map((r) => r.ms)), runsMs: xlsx.map((r) => r.ms), bytes: xlsx[xlsx.length - 1].bytes },
      sqlAlone: { sequentialMedianMs: median(sqlSequential), sequentialRunsMs: sqlSequential, poolMedianMs: median(sqlPool), poolRunsMs: sqlPool, poolSize: concurrency },
      workerPeakRssMb: peak,
      target: `region ≤ ${TARGET_MS / 1000} s (request → file ready)`,
      met: median(json.map((r) => r.ms)) <= TARGET_MS && median(xlsx.map((r) => r.ms)) <= TARGET_MS && fileEntries === entries,
    };
    const out = path.join(__dirname, 'results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'duo-hours.json'), `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      '',
      '## Gevolgde uren for DUO, the whole region (bench/duo-hours-bench.ts)',
      '',
      `Command: \`${result.command}\`. Load average during the run: ${result.machine.loadAverage.join(', ')} on ${result.machine.cpus} CPUs. ${municipalities.length} municipalities, ` +
        `${entries} entries (wi2021 learners with a BSN) up to ${today}; ${participation.entries} participation entries on ${participation.referrals} Z-route referrals added for the run. ` +
        `Worker DOCUMENT_CONCURRENCY=${concurrency}${peak ? `, peak RSS ${peak} MB` : ''}; median of ${rounds} runs.`,
      '',
      '| measurement | median ms | runs ms | target | met |',
      '| --- | ---: | --- | --- | --- |',
      `| region, JSON: 14 requests → 14 files ready | ${result.regionJson.medianMs} | ${result.regionJson.runsMs.join(', ')} | ≤ ${TARGET_MS} | ${result.regionJson.medianMs <= TARGET_MS ? 'yes' : 'no'} |`,
      `| region, xlsx | ${result.regionXlsx.medianMs} | ${result.regionXlsx.runsMs.join(', ')} | ≤ ${TARGET_MS} | ${result.regionXlsx.medianMs <= TARGET_MS ? 'yes' : 'no'} |`,
      `| floor: the SQL alone, 14 one after the other | ${result.sqlAlone.sequentialMedianMs} | ${sqlSequential.join(', ')} | | |`,
      `| floor: the SQL alone, 14 on ${concurrency} connections (as the worker) | ${result.sqlAlone.poolMedianMs} | ${sqlPool.join(', ')} | | |`,
      '',
      `Files checked: ${fileEntries} JSON entries for ${entries} SQL rows${fileEntries === entries ? '' : ' (MISMATCH)'}.`,
      '',
    ].join('\n');
    fs.writeFileSync(path.join(out, 'duo-hours.md'), `${md.trim()}\n`);
    fs.appendFileSync(path.join(out, 'latest.md'), md);
    process.stdout.write(`${md}\n`);
  } finally {
    await removeParticipation(pool).catch(() => undefined);
    await pool.end();
  }
}

main().catch((e) => {
  process.stderr.write(`duo-hours bench failed: ${(e as Error).message}\n`);
  process.exit(1);
});
