/**
 * Certificate benchmark (issue 9): certificates per second made by ONE worker process through the document pipeline,
 * beside the floor measured in the same run (the same page drawn by pdfkit alone, font parsed once), and a bulk
 * request of 1,000 certificates with its zip.
 * Usage: ts-node -T bench/certificates.ts [--singles 300] [--bulk 1000] [--floor 300]; the worker runs with DOCUMENT_CONCURRENCY
 * (default here 4: rendering is CPU on one thread, the others hide the claim/fsync/rename/done round trips)
 *   → prints JSON, writes bench/results/certificates.json and .md
 * It builds its own database (koers_bench_cert_<pid>, dropped at the end) and Redis prefix, so it never writes into the
 * shared scale database; certificates read only a learner's assessments and attendance, which are indexed per learner.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess, spawn } from 'child_process';
import { writeFileSync } from 'fs';
import * as path from 'path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { Writable } from 'stream';
import { DataSource } from 'typeorm';
import { SYSTEM_SCOPE } from '../src/common/auth/scope';
import { overrideEnvironment } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { AppModule } from '../src/app.module';
import { CertificateDocuments } from '../src/modules/certificates/certificate-documents';
import { CertificatesService } from '../src/modules/certificates/certificates.service';
import { certificateAssets } from '../src/modules/certificates/pdf/certificate-assets';
import { CertificatePrint, renderCertificatePdf } from '../src/modules/certificates/pdf/certificate-renderer';
import { Assessment } from '../src/modules/assessments/entities/assessment.entity';
import { Learner } from '../src/modules/learners/entities/learner.entity';
import { searchKey } from '../src/modules/learners/name-folding';
import { Trajectory } from '../src/modules/trajectories/entities/trajectory.entity';
import { createContract, createGroup } from '../test/factories/records.factory';
import { seedReference } from '../test/factories/reference.factory';

const ROOT = path.join(__dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SINGLES = arg('singles', 300);
const BULK = arg('bulk', 1000);
const FLOOR_PAGES = arg('floor', 300);
const FIRST = ['Şahin', 'Işıl', 'Ольга', 'Zoë', 'Mehmet', 'Fatima', 'Дмитрий', 'Ayşe', 'Jürgen', 'Łucja', 'Ngozi', 'Björn'];
const LAST = ['Çelik', 'Ağaoğlu', 'Петрова', 'Brontë-Ñúñez', 'Yılmaz', 'El Amrani', 'Смирнов', 'Öztürk', 'Dvořák', 'van den Berg'];

const admin = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `koers_bench_cert_${process.pid}`;
const dbUrl = `${admin.replace(/\/[^/]*$/, '')}/${dbName}`;
const prefix = `koers-bench-cert-${process.pid}`;
const storageDir = `/tmp/koers-bench-cert-${process.pid}`;

async function adminQuery(sql: string): Promise<void> {
  const c = new Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Learners with a passed reading level, each with an active trajectory, all enrolled in one group per chunk. */
async function seed(db: DataSource, groups: number[]): Promise<string[]> {
  const ref = await seedReference(db);
  const product = ref.products['B1-ROUTE'];
  const municipalityId = ref.municipalities.Enschede;
  const contract = await createContract(db, municipalityId, [product]);
  const groupIds: string[] = [];
  let n = 0;
  for (const size of groups) {
    const group = await createGroup(db, product, { name: `Bench ${size}` });
    groupIds.push(group.id);
    const learners = await db.getRepository(Learner).save(
      Array.from({ length: size }, () => {
        const i = n++;
        const firstName = FIRST[i % FIRST.length];
        const lastName = `${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
        return { learnerNumber: `B${String(i).padStart(7, '0')}`, firstName, lastName, searchText: searchKey(firstName, lastName), dateOfBirth: '1988-04-12', intakeDate: '2025-01-06', intakeLevels: { reading: 'A1' }, municipalityId };
      }),
      { chunk: 500 },
    );
    const trajectories = await db.getRepository(Trajectory).save(
      learners.map((l) => ({ learnerId: l.id, municipalityId, contractId: contract.id, productId: product, status: 'active', startDate: '2025-01-06', plannedEndDate: '2026-07-06', contractedHours: 1200 })),
      { chunk: 500 },
    );
    await db.query(`INSERT INTO enrolment (trajectory_id, group_id, from_date) SELECT unnest($1::uuid[]), $2, '2025-01-06'`, [trajectories.map((t) => t.id), group.id]);
    await db.getRepository(Assessment).save(
      learners.flatMap((l) => [
        { learnerId: l.id, skill: 'reading', date: '2025-04-01', instrument: 'examen', level: 'A2', levelIndex: 2, passed: true },
        { learnerId: l.id, skill: 'speaking', date: '2025-05-01', instrument: 'examen', level: 'B1', levelIndex: 3, passed: true },
        { learnerId: l.id, skill: 'knm', date: '2025-05-01', instrument: 'examen', level: null, levelIndex: null, passed: true },
      ]),
      { chunk: 1000 },
    );
  }
  return groupIds;
}

/** The floor: the same page drawn by pdfkit alone (fonts parsed once), into a sink, one after the other. */
async function floor(pages: number): Promise<{ pages: number; ms: number; perSecond: number }> {
  const assets = certificateAssets();
  const print: CertificatePrint = {
    kind: 'level', number: 'CERT-2026-000001', verificationCode: 'ABCDEFGHJKLMNPQ2', verifyUrl: 'http://127.0.0.1:3108/verify/ABCDEFGHJKLMNPQ2',
    issueDate: '2026-12-01', holder: { fullName: 'Şahin Çelik', dateOfBirth: '1988-04-12' }, periodFrom: null, periodTo: null,
    facts: { product: { code: 'B1-ROUTE', name: 'B1-route' }, levels: [{ skill: 'reading', level: 'A2', passed: null }, { skill: 'speaking', level: 'B1', passed: null }, { skill: 'knm', level: null, passed: true }] },
  };
  const sink = () => new Writable({ write(_c, _e, cb) { cb(); } });
  for (let i = 0; i < 30; i++) await renderCertificatePdf(print, sink(), assets); // warm up (JIT), as a running worker is
  const started = process.hrtime.bigint();
  for (let i = 0; i < pages; i++) await renderCertificatePdf(print, sink(), assets);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { pages, ms: Math.round(ms), perSecond: round1((pages * 1000) / ms) };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('src', 'worker.ts')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('koers worker started')) {
        clearTimeout(timer);
        resolve(proc);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${out}`)));
  });
}

async function waitAllDone(db: DataSource, ids: string[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ open, failed }] = await db.query(
      `SELECT count(*) FILTER (WHERE status IN ('pending','running'))::int AS open, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM document WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    if (failed) throw new Error(`${failed} document(s) failed`);
    if (!open) return;
    if (Date.now() > until) throw new Error(`${open} document(s) still open after ${timeoutMs} ms`);
    // Rarely: the poll must not take CPU from the worker it measures (the singles' rate comes from the rows' timestamps).
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Our own queue keys only (never a flush: Redis is shared). */
async function deleteRedisPrefix(url: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const env = { DATABASE_URL: dbUrl, DATABASE_READ_URL: dbUrl, QUEUE_PREFIX: prefix, STORAGE_DIR: storageDir, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'https://koers.example.nl' };
  overrideEnvironment(env);
  let app: INestApplicationContext | undefined;
  let worker: ChildProcess | undefined;
  try {
    const migrate = await new DataSource(buildDataSourceOptions(dbUrl)).initialize();
    await migrate.runMigrations({ transaction: 'each' });
    const [singlesGroup, bulkGroup] = await seed(migrate, [SINGLES, BULK]);
    await migrate.destroy();

    const floorRun = await floor(FLOOR_PAGES);

    // The requests first (API side, no worker yet), so the worker's rate is measured on a full queue.
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    await app.init();
    const db = app.get(DataSource);
    const service = app.get(CertificatesService);
    const documents = app.get(CertificateDocuments);
    const scope = { ...SYSTEM_SCOPE, role: 'coordinator' as const, userId: (await db.query(`INSERT INTO app_user (email, display_name, password_hash, role) VALUES ('bench@koers.test', 'Bench', 'x', 'coordinator') RETURNING id`))[0].id };
    const trajectories: Array<{ id: string }> = await db.query(`SELECT e.trajectory_id AS id FROM enrolment e WHERE e.group_id = $1`, [singlesGroup]);
    const singleDocs: string[] = [];
    for (const t of trajectories) {
      const { extra } = await service.issue({ trajectoryId: t.id, kind: 'level' }, scope, (m, c) => documents.pdf(m, c, scope));
      singleDocs.push(extra.id);
    }

    worker = await startWorker({ ...env, DOCUMENT_CONCURRENCY: process.env.DOCUMENT_CONCURRENCY ?? '4' });
    await waitAllDone(db, singleDocs, 600_000);
    const [span] = await db.query(
      `SELECT extract(epoch FROM max(finished_at) - min(started_at)) * 1000 AS ms, sum(size_bytes)::bigint AS bytes FROM document WHERE id = ANY($1::uuid[])`,
      [singleDocs],
    );
    const singleMs = Number(span.ms);
    const perSecond = round1((singleDocs.length * 1000) / singleMs);

    // Bulk: the request (1,000 numbered rows and one zip document) and the worker's zip, timed from the request.
    const bulkStarted = Date.now();
    const bulk = await service.issueForGroup(bulkGroup, { kind: 'level' }, scope, (m, list) => documents.zip(m, bulkGroup, list, scope));
    const requestMs = Date.now() - bulkStarted;
    await waitAllDone(db, [bulk.extra.id], 120_000);
    const bulkMs = Date.now() - bulkStarted;
    const [zip] = await db.query(`SELECT size_bytes::bigint AS bytes, extract(epoch FROM finished_at - started_at) * 1000 AS ms FROM document WHERE id = $1`, [bulk.extra.id]);

    const result = {
      name: 'certificates',
      date: new Date().toISOString(),
      command: 'npx ts-node -T bench/certificates.ts (also run by npm run bench)',
      machine: `${require('os').cpus().length} cores, load ${require('os').loadavg().map((x: number) => x.toFixed(1)).join(' ')} at the end`,
      floor: { ...floorRun, what: 'the same certificate page drawn by pdfkit alone, fonts parsed once, in this process' },
      worker: {
        certificates: singleDocs.length,
        ms: Math.round(singleMs),
        perSecond,
        documentConcurrency: Number(process.env.DOCUMENT_CONCURRENCY ?? 4),
        ratioToFloor: Math.round((perSecond / floorRun.perSecond) * 100) / 100,
        avgPdfBytes: Math.round(Number(span.bytes) / singleDocs.length),
        what: 'one worker process: certificate.pdf documents from a full queue (claim, SQL, render, fsync, rename, done), first start to last finish',
      },
      bulk: {
        certificates: bulk.certificates.length,
        requestMs,
        zipMs: Math.round(Number(zip.ms)),
        totalMs: bulkMs,
        zipBytes: Number(zip.bytes),
        what: 'POST groups/:id/certificates work (1,000 numbered rows + the zip request) until the zip document is done',
      },
      targets: { perSecond: 40, ratioToFloor: 0.8, bulkTotalMs: 40_000 },
      passed: { perSecond: perSecond >= 40, ratioToFloor: perSecond / floorRun.perSecond >= 0.8, bulk: bulkMs <= 40_000 },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(path.join(__dirname, 'results', 'certificates.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(
      path.join(__dirname, 'results', 'certificates.md'),
      [
        '# Certificates benchmark',
        '',
        `${result.date}, \`${result.command}\`, ${result.machine}.`,
        '',
        '| measure | value | target |',
        '| --- | --- | --- |',
        `| floor: pdfkit alone, same page | ${floorRun.perSecond} pages/s (${floorRun.pages} in ${floorRun.ms} ms) | |`,
        `| one worker process, through the pipeline | ${perSecond} certificates/s (${singleDocs.length} in ${Math.round(singleMs)} ms) | ≥ 40/s |`,
        `| ratio to the floor | ${result.worker.ratioToFloor} | ≥ 0.8 (aim) |`,
        `| bulk of ${bulk.certificates.length} with its zip | ${(bulkMs / 1000).toFixed(1)} s (request ${requestMs} ms, zip ${(Number(zip.ms) / 1000).toFixed(1)} s, ${(Number(zip.bytes) / 1e6).toFixed(1)} MB) | ≤ 40 s |`,
        '',
      ].join('\n'),
    );
  } finally {
    if (worker) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker?.once('exit', r));
    }
    await app?.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    require('fs').rmSync(storageDir, { recursive: true, force: true });
    await deleteRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', prefix).catch(() => undefined);
  }
}

main().catch((e) => {
  process.stderr.write(`certificates bench: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
