import { Injectable } from '@nestjs/common';
import * as dotenv from 'dotenv';
import type { QueueName } from '../jobs/job-types';
import { EnvironmentVariables, validateEnvironment } from './env.validation';
import { parseTrustProxy } from './trust-proxy';

let cached: EnvironmentVariables | undefined;

/** Reads .env (if any) and the process environment once, validated. */
export function loadEnvironment(): EnvironmentVariables {
  if (!cached) {
    dotenv.config({ quiet: true } as dotenv.DotenvConfigOptions);
    cached = validateEnvironment({ ...process.env });
    process.env.TZ = process.env.TZ || 'UTC';
  }
  return cached;
}

/** Test hook: forget the cached settings so a changed environment is read again. */
export function resetEnvironmentCache(): void {
  cached = undefined;
}

/** Overrides used by tests and scripts that target another database. */
export function overrideEnvironment(values: Partial<Record<keyof EnvironmentVariables | `WORKER_CONCURRENCY_${string}`, string>>): void {
  Object.assign(process.env, values);
  cached = undefined;
}

/** Typed accessors to the validated settings; nothing else reads process.env. */
@Injectable()
export class AppConfig {
  private readonly env = loadEnvironment();

  get nodeEnv() { return this.env.NODE_ENV; }
  get isProduction() { return this.env.NODE_ENV === 'production'; }
  get databaseUrl() { return this.env.DATABASE_URL; }
  get databasePoolSize() { return this.env.DATABASE_POOL_SIZE; }
  get databaseMigrationUrl() { return this.env.DATABASE_MIGRATION_URL ?? this.env.DATABASE_URL; }
  get databaseReadUrl() { return this.env.DATABASE_READ_URL ?? this.env.DATABASE_URL; }
  get redisUrl() { return this.env.REDIS_URL; }
  get queuePrefix() { return this.env.QUEUE_PREFIX; }
  get port() { return this.env.PORT; }
  get host() { return this.env.HOST; }
  get storageDir() { return this.env.STORAGE_DIR; }
  get bsnEncryptionKey() { return Buffer.from(this.env.BSN_ENCRYPTION_KEY, 'hex'); }
  get bsnHmacKey() { return this.env.BSN_HMAC_KEY; }
  get jwtSecret() { return this.env.JWT_SECRET; }
  get jwtExpiresIn() { return this.env.JWT_EXPIRES_IN; }
  get reportTimezone() { return this.env.REPORT_TIMEZONE; }
  get logLevel() { return this.env.LOG_LEVEL; }
  get loginRateLimit() { return this.env.LOGIN_RATE_LIMIT; }
  get verifyRateLimit() { return this.env.VERIFY_RATE_LIMIT; }
  get verifyRateWindowMs() { return this.env.VERIFY_RATE_WINDOW_SECONDS * 1000; }
  get loginRateWindowMs() { return this.env.LOGIN_RATE_WINDOW_SECONDS * 1000; }
  get loginAddressRateLimit() { return this.env.LOGIN_ADDRESS_RATE_LIMIT; }
  get loginLockMs() { return this.env.LOGIN_LOCK_SECONDS * 1000; }
  /** False, or the proxy addresses/CIDRs for Fastify's trustProxy. */
  get trustProxy() { return parseTrustProxy(this.env.TRUST_PROXY); }
  get httpRequestTimeoutMs() { return this.env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000; }
  get httpHeadersTimeoutMs() { return Math.min(this.env.HTTP_HEADERS_TIMEOUT_SECONDS, this.env.HTTP_REQUEST_TIMEOUT_SECONDS) * 1000; }
  get httpKeepAliveMs() { return this.env.HTTP_KEEP_ALIVE_SECONDS * 1000; }
  /** Jobs one worker runs at once on this queue (WORKER_CONCURRENCY_<QUEUE>, else WORKER_CONCURRENCY, else its default). */
  workerConcurrency(queue: QueueName): number { return this.env.queueConcurrency[queue]; }
  get publicBaseUrl() { return this.env.PUBLIC_BASE_URL ?? `http://localhost:${this.env.PORT}`; }
  get documentRetentionDays() { return this.env.DOCUMENT_RETENTION_DAYS; }
  get documentConcurrency() { return this.env.DOCUMENT_CONCURRENCY; }
  get documentLeaseMs() { return this.env.DOCUMENT_LEASE_SECONDS * 1000; }
  get documentMaxAttempts() { return this.env.DOCUMENT_MAX_ATTEMPTS; }
  get documentReconcileMs() { return this.env.DOCUMENT_RECONCILE_SECONDS * 1000; }
}
