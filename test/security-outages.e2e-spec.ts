import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, QueryRunner } from 'typeorm';
import { overrideEnvironment } from '../src/config/app-config';
import { createApp } from '../src/create-app';
import { seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestDatabase, TestApp } from './helpers/test-app';
import { TcpProxy } from './helpers/tcp-proxy';
import { TEST_PG_ADMIN_URL } from './test-env';

/** Issue 13.2/13.3: PostgreSQL or Redis away → 503 with Retry-After (never 500), readiness 503 within 2 s, recovery by itself. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startApp(env: Parameters<typeof overrideEnvironment>[0]): Promise<NestFastifyApplication> {
  overrideEnvironment(env);
  const app = await createApp({ logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('outages answer 503 and recover (security e2e)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let coordinator: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const admin = new URL(TEST_PG_ADMIN_URL);
    proxy = new TcpProxy(admin.hostname, Number(admin.port || 5432));
    await proxy.start();
    const url = new URL(TEST_PG_ADMIN_URL);
    url.port = String(proxy.port);
    url.pathname = `/${database.dbName}`;
    app = await startApp({ DATABASE_URL: url.toString(), DATABASE_READ_URL: url.toString(), DATABASE_POOL_SIZE: '4' });
    http = request(app.getHttpServer());
    const t = { app, db: app.get(DataSource) } as unknown as TestApp;
    await seedReference(t.db);
    coordinator = await createUser(t, 'coordinator');
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await app.close();
    await proxy.stop();
    await database.drop();
  });

  const list = () => http.get('/api/v1/learners').set('Authorization', coordinator.auth);

  it('PostgreSQL unreachable: readiness 503 within 2 s, every request 503 with Retry-After, then recovery without a restart', async () => {
    await http.get('/health/ready').expect(200);
    await proxy.cut();
    const started = Date.now();
    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_000);

    const answers = await Promise.all(Array.from({ length: 20 }, () => list()));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s !== 503)).toEqual([]);
    for (const r of answers) {
      expect(r.headers['retry-after']).toBe('5');
      expect(r.body).toMatchObject({ status: 503, code: 'unavailable' });
    }

    await proxy.restore();
    const restoredAt = Date.now();
    let recovered = false;
    while (Date.now() - restoredAt < 10_000) {
      if ((await list()).status === 200) {
        recovered = true;
        break;
      }
      await sleep(100);
    }
    expect(recovered).toBe(true);
    await http.get('/health/ready').expect(200);
  });

  it('connections killed under load (57P01): 503, never 500, and the pool replaces them', async () => {
    const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    try {
      const statuses: number[] = [];
      for (let round = 0; round < 5; round++) {
        const batch = Promise.all(Array.from({ length: 8 }, () => list().then((r) => r.status)));
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database.dbName]);
        statuses.push(...(await batch));
      }
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      // Afterwards every request succeeds again.
      const after = await Promise.all(Array.from({ length: 8 }, () => list().then((r) => r.status)));
      expect(after).toEqual(Array(8).fill(200));
    } finally {
      await admin.end();
    }
  });

  it('an exhausted pool: 503 after the connect timeout instead of waiting for ever', async () => {
    const db = app.get(DataSource);
    const held: QueryRunner[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        const qr = db.createQueryRunner();
        await qr.connect();
        held.push(qr);
      }
      const started = Date.now();
      const r = await list();
      expect(r.status).toBe(503);
      expect(r.headers['retry-after']).toBe('5');
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      await Promise.all(held.map((qr) => qr.release()));
    }
    expect((await list()).status).toBe(200);
  });

  it('Redis unreachable: readiness 503 within 2 s, login 503 (not uncounted), other reads still answer', async () => {
    const dead = await startApp({ REDIS_URL: 'redis://127.0.0.1:6396/0' });
    try {
      const h = request(dead.getHttpServer());
      const started = Date.now();
      const ready = await h.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(2_000);
      const login = await h.post('/api/v1/auth/login').send({ email: 'x@test.koers', password: 'whatever-long' });
      expect(login.status).toBe(503);
      expect(login.headers['retry-after']).toBe('5');
      await h.get('/api/v1/learners').set('Authorization', coordinator.auth).expect(200);
    } finally {
      await dead.close();
    }
  });
});
