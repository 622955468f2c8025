import { ChildProcess } from 'child_process';
import { TcpProxy } from './helpers/tcp-proxy';
import { createTestDatabase } from './helpers/test-app';
import { freePort, spawnKoers, startRedis, stopProcess, waitForOutput } from './helpers/processes';
import { TEST_PG_ADMIN_URL, TEST_SECRETS } from './test-env';

/** Issue 13.2: SIGTERM stops the API and the worker within 10 s, also while Redis and PostgreSQL are unreachable. */
jest.setTimeout(150_000);

describe('SIGTERM stops the processes in time (security e2e)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  const started: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const admin = new URL(TEST_PG_ADMIN_URL);
    proxy = new TcpProxy(admin.hostname, Number(admin.port || 5432));
    await proxy.start();
  });
  afterAll(async () => {
    for (const p of started) await stopProcess(p, 'SIGKILL');
    await proxy.stop();
    await database.drop();
  });

  async function startBoth() {
    const redis = await startRedis();
    started.push(redis.proc);
    await proxy.restore().catch(() => undefined);
    const url = new URL(TEST_PG_ADMIN_URL);
    url.port = String(proxy.port);
    url.pathname = `/${database.dbName}`;
    const port = await freePort();
    const env = { ...TEST_SECRETS, DATABASE_URL: url.toString(), DATABASE_READ_URL: url.toString(), REDIS_URL: redis.url, PORT: String(port), HOST: '127.0.0.1', QUEUE_PREFIX: database.queuePrefix, STORAGE_DIR: `/tmp/koers-test-storage/${database.queuePrefix}` };
    const api = spawnKoers('main', env);
    const worker = spawnKoers('worker', env);
    started.push(api, worker);
    await Promise.all([waitForOutput(api, /koers api listening/), waitForOutput(worker, /koers worker started/)]);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    return { api, worker, redis, port };
  }

  // Nest closes everything and then re-raises the signal, so a graceful stop ends by SIGTERM; the deadline exits 1.
  it('healthy: both stop gracefully within 10 s', async () => {
    const { api, worker, redis } = await startBoth();
    const [a, w] = await Promise.all([stopProcess(api, 'SIGTERM'), stopProcess(worker, 'SIGTERM')]);
    expect(a.ms).toBeLessThan(10_000);
    expect(w.ms).toBeLessThan(10_000);
    expect(a).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(w).toMatchObject({ code: null, signal: 'SIGTERM' });
    await redis.kill();
  });

  it('Redis and PostgreSQL unreachable: both still stop within 10 s', async () => {
    const { api, worker, redis, port } = await startBoth();
    await redis.kill();
    await proxy.cut();
    // A request in flight against the dead dependencies, as a load balancer's health check would make.
    const inflight = fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1_500));
    const [a, w] = await Promise.all([stopProcess(api, 'SIGTERM'), stopProcess(worker, 'SIGTERM')]);
    await inflight;
    expect({ api: a.ms < 10_000, worker: w.ms < 10_000, a, w }).toMatchObject({ api: true, worker: true });
  });
});
