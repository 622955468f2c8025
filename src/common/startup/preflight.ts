import Redis from 'ioredis';
import { Client } from 'pg';
import { loadEnvironment } from '../../config/app-config';
import { ConfigValidationError } from '../../config/env.validation';
import { redisConnectionOptions } from '../../jobs/redis-connection';

const TIMEOUT_MS = 4_000;

function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
}

async function checkPostgres(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (err.code === '3D000') return `PostgreSQL database in DATABASE_URL does not exist (${err.message}); create it or run the demo command`;
    return `Cannot reach PostgreSQL at ${where(url)} (${err.code ?? err.message}). Start it (e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start, or docker compose -f docker/compose.yml up -d postgres) or fix DATABASE_URL`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<string | null> {
  const redis = new Redis({ ...redisConnectionOptions(url), lazyConnect: true, connectTimeout: TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (e) {
    const err = e as { code?: string; message: string };
    return `Cannot reach Redis at ${where(url)} (${err.code ?? err.message}). Start it (e.g. redis-server --daemonize yes, or docker compose -f docker/compose.yml up -d redis) or fix REDIS_URL`;
  } finally {
    redis.disconnect();
  }
}

/** Validates settings and checks PostgreSQL and Redis; on failure prints one line and exits. */
export async function preflightOrExit(processName: string): Promise<void> {
  try {
    const env = loadEnvironment();
    const problems = (await Promise.all([checkPostgres(env.DATABASE_URL), checkRedis(env.REDIS_URL)])).filter(Boolean);
    if (problems.length) {
      process.stderr.write(`koers ${processName}: ${problems.join(' | ')}\n`);
      process.exit(1);
    }
  } catch (e) {
    if (e instanceof ConfigValidationError) {
      process.stderr.write(`koers ${processName}: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
