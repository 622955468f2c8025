import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess } from 'child_process';
import { AppConfig } from '../src/config/app-config';
import { WorkerModule } from '../src/worker.module';
import { createUser, TestUser } from './factories/user.factory';
import { filesOf, sha256File, waitForDocument, waitForRow } from './helpers/documents';
import { kill, startRedisOn, startWorker } from './helpers/document-processes';
import { createTestApp, TestApp } from './helpers/test-app';
import { dbUrl } from './test-env';

/** Ports 6391-6394 are this spec's own redis-servers; the shared Redis is never stopped. */
const OWN_REDIS_PORT = 6391;

describe('documents survive a Redis outage (e2e)', () => {
  let redis: ChildProcess | undefined;
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: TestUser;

  beforeAll(async () => {
    redis = await startRedisOn(OWN_REDIS_PORT);
    t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${OWN_REDIS_PORT}/0`, DOCUMENT_RECONCILE_SECONDS: '1' } });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    admin = await createUser(t, 'admin');
  });
  afterAll(async () => {
    await worker?.close().catch(() => undefined);
    await t?.close();
    await kill(redis);
  });

  it('accepts a request while Redis is down (202) and makes it, once, when Redis is back', async () => {
    await kill(redis);
    const started = Date.now();
    const res = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send({ kind: 'pipeline.check', params: { note: 'zonder redis' } });
    expect(res.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await t.http.get(`/api/v1/documents/${res.body.id}`).set('Authorization', admin.auth)).body.status).toBe('pending');
    // An empty Redis (as after a flush or a restart without persistence): the row alone brings the job back.
    redis = await startRedisOn(OWN_REDIS_PORT);
    const done = await waitForDocument(t.http, admin.auth, res.body.id, ['done'], 45_000);
    expect(done.attempts).toBe(1);
    const files = await filesOf(t.app.get(AppConfig).storageDir, res.body.id);
    expect(files).toHaveLength(1);
    expect(await sha256File(files[0])).toBe(done.sha256);
  }, 90_000);
});

describe('documents survive a killed worker (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  const workers: ChildProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, 'admin');
    env = {
      DATABASE_URL: dbUrl(t.dbName),
      DATABASE_READ_URL: dbUrl(t.dbName),
      QUEUE_PREFIX: t.queuePrefix,
      STORAGE_DIR: t.app.get(AppConfig).storageDir,
      DOCUMENT_LEASE_SECONDS: '3',
      DOCUMENT_RECONCILE_SECONDS: '1',
    };
  });
  afterAll(async () => {
    for (const w of workers) await kill(w);
    await t?.close();
  });

  async function worker() {
    const w = await startWorker(env);
    workers.push(w);
    return w;
  }

  it('completes a document whose worker was SIGKILLed mid-job in a new worker: one file, sha256 as in the row', async () => {
    const first = await worker();
    const res = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send({ kind: 'pipeline.check', params: { note: 'kill', delayMs: 6000 } });
    const running = await waitForRow(t.db, res.body.id, ['running'], 30_000);
    expect(running.attempts).toBe(1);
    // Wait for some progress, so the kill lands mid-file.
    for (let i = 0; i < 100 && Number((await waitForRow(t.db, res.body.id, ['running'])).progress) < 20; i++) await new Promise((r) => setTimeout(r, 100));
    await kill(first);
    await worker();
    const done = await waitForRow(t.db, res.body.id, ['done'], 60_000);
    expect(done.attempts).toBe(2);
    const files = await filesOf(env.STORAGE_DIR, res.body.id);
    expect(files).toHaveLength(1);
    expect(await sha256File(files[0])).toBe(done.sha256);
    expect(Number(done.size_bytes)).toBeGreaterThan(0);
    // No worker of this test may take the next test's document.
    for (const w of workers.splice(0)) await kill(w);
  }, 150_000);

  it('on SIGTERM hands a running document back (not counted as an attempt) and exits; another worker finishes it', async () => {
    const a = await worker();
    const res = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send({ kind: 'pipeline.check', params: { note: 'term', delayMs: 60000 } });
    await waitForRow(t.db, res.body.id, ['running'], 30_000);
    const { code, signal, ms } = await kill(a, 'SIGTERM');
    expect(ms).toBeLessThan(8_000);
    // Nest re-raises the signal after a clean shutdown; the deadline's forced exit would be code 1.
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    const [row] = await t.db.query(`SELECT status, attempts, attempt_token FROM document WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ status: 'pending', attempts: 0, attempt_token: null });
    // Short work now: the next worker picks up the same row.
    await t.db.query(`UPDATE document SET params = jsonb_set(params, '{delayMs}', '0') WHERE id = $1`, [res.body.id]);
    await worker();
    const done = await waitForRow(t.db, res.body.id, ['done'], 60_000);
    expect(done.attempts).toBe(1);
    expect(await filesOf(env.STORAGE_DIR, res.body.id)).toHaveLength(1);
  }, 150_000);
});
