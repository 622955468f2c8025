import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { MAX_QUEUE_CONCURRENCY, resolveQueueConcurrency } from './queue-concurrency';
import { COLLEGE_TIME_ZONE, REPORT_TIME_ZONES } from './time-zones';
import { parseTrustProxy } from './trust-proxy';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** Every setting the processes read; startup fails when one is invalid. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/koers';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  /** The owner role's connection, for migrations (and the seeds); DATABASE_URL is the application role's. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_MIGRATION_URL must be a postgres:// URL' })
  DATABASE_MIGRATION_URL?: string;

  /** A superuser connection used only by the set-up scripts (create roles and the database); never by the app. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_ADMIN_URL must be a postgres:// URL' })
  DATABASE_ADMIN_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  @IsString()
  QUEUE_PREFIX = 'koers';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  @IsNotEmpty()
  STORAGE_DIR = './storage';

  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'BSN_ENCRYPTION_KEY must be 64 hex characters (32 bytes, AES-256)' })
  BSN_ENCRYPTION_KEY: string;

  @IsString()
  @MinLength(32, { message: 'BSN_HMAC_KEY must be at least 32 characters' })
  BSN_HMAC_KEY: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsString()
  JWT_EXPIRES_IN = '8h';

  @IsIn(REPORT_TIME_ZONES)
  REPORT_TIMEZONE: string = COLLEGE_TIME_ZONE;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  /** Public certificate verifications (GET /verify/:code) per client address per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  VERIFY_RATE_LIMIT = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  VERIFY_RATE_WINDOW_SECONDS = 60;

  /** Login attempts per client address (any e-mail) per window; LOGIN_RATE_LIMIT is per account. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ADDRESS_RATE_LIMIT = 20;

  /** How long an account or address stays refused (429) once it went over its limit. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_SECONDS = 300;

  /** Time a client has to send a whole request (headers and body); then 408 and the connection is closed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  HTTP_REQUEST_TIMEOUT_SECONDS = 60;

  /** Time a client has to send the request headers (at most HTTP_REQUEST_TIMEOUT_SECONDS). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  HTTP_HEADERS_TIMEOUT_SECONDS = 10;

  /** An idle keep-alive connection is closed after this; above a load balancer's idle timeout (often 60 s). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  HTTP_KEEP_ALIVE_SECONDS = 72;

  /** off, or the proxies (addresses/CIDRs) whose X-Forwarded-For is believed; validated by parseTrustProxy. */
  @IsString()
  TRUST_PROXY = 'off';

  /** Fallback for every queue without its own WORKER_CONCURRENCY_<QUEUE>; unset: each queue's default. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_QUEUE_CONCURRENCY)
  WORKER_CONCURRENCY?: number;

  /** Not a variable: jobs at once per queue, from WORKER_CONCURRENCY_<QUEUE> (src/config/queue-concurrency.ts). */
  queueConcurrency: Record<string, number> = {};

  @IsOptional()
  @IsString()
  PUBLIC_BASE_URL?: string;

  /** Days a done document's file is kept (kinds marked `keep`, such as certificates, are never removed). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  DOCUMENT_RETENTION_DAYS = 30;

  /** Documents made in parallel by one worker process (their own queue, so they never delay the signal jobs). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  DOCUMENT_CONCURRENCY = 2;

  /** A running document's lease: a worker renews it; past it the reconciler takes the document back. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(600)
  DOCUMENT_LEASE_SECONDS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  DOCUMENT_MAX_ATTEMPTS = 3;

  /** How often the worker's reconciler looks for requests without a job and for abandoned attempts. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DOCUMENT_RECONCILE_SECONDS = 5;
}

export class ConfigValidationError extends Error {}

export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const config = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: false });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  const otherErrors: string[] = [];
  try {
    parseTrustProxy(config.TRUST_PROXY);
  } catch (e) {
    otherErrors.push((e as Error).message);
  }
  const queues = resolveQueueConcurrency(raw, typeof config.WORKER_CONCURRENCY === 'number' ? config.WORKER_CONCURRENCY : undefined);
  config.queueConcurrency = queues.concurrency;
  otherErrors.push(...queues.errors);
  if (errors.length > 0 || otherErrors.length > 0) {
    const lines = errors.map((e) => {
      const msg = Object.values(e.constraints ?? {})[0] ?? 'is invalid';
      return msg.startsWith(e.property) ? msg : `${e.property}: ${msg}`;
    });
    throw new ConfigValidationError(`Invalid settings: ${[...lines, ...otherErrors].join('; ')} (see .env.example)`);
  }
  return config;
}
