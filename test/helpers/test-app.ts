import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { overrideEnvironment } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { APP_ROLE, OWNER_ROLE } from '../../src/database/database-roles';
import { roleUrl, TEST_PG_ADMIN_URL, TEST_REDIS_URL } from '../test-env';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  db: DataSource;
  dbName: string;
  queuePrefix: string;
  close(): Promise<void>;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database cloned from the migrated template, and its own Redis key prefix. */
export async function createTestDatabase(): Promise<{ dbName: string; queuePrefix: string; drop(): Promise<void> }> {
  const template = process.env.KOERS_TEST_TEMPLATE;
  if (!template) throw new Error('KOERS_TEST_TEMPLATE is not set: run e2e specs through jest (test/global-setup.ts)');
  const suffix = `${Date.now()}_${randomBytes(4).toString('hex')}`;
  const dbName = `koers_t_${suffix}`;
  const queuePrefix = `koers-test-${suffix}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${dbName} TEMPLATE ${template} OWNER ${OWNER_ROLE}`));
      break;
    } catch (e) {
      // Two clones at the same instant can collide on the template; retry shortly.
      if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  // The app connects as the application role (DML only), as in production; dbUrl(dbName) is the superuser's.
  overrideEnvironment({ DATABASE_URL: roleUrl(dbName, APP_ROLE), DATABASE_READ_URL: roleUrl(dbName, APP_ROLE), DATABASE_MIGRATION_URL: roleUrl(dbName, OWNER_ROLE), QUEUE_PREFIX: queuePrefix, STORAGE_DIR: `/tmp/koers-test-storage/${suffix}` });
  return {
    dbName,
    queuePrefix,
    async drop() {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
      await deleteRedisPrefix(queuePrefix);
    },
  };
}

async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** `env`: settings on top of the test database's (e.g. a DATABASE_READ_URL of another test database). */
export async function createTestApp(opts: { env?: Parameters<typeof overrideEnvironment>[0] } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (opts.env) overrideEnvironment(opts.env);
  const app = await createApp({ logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    dbName: database.dbName,
    queuePrefix: database.queuePrefix,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
