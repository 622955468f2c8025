import { INestApplicationContext, LoggerService, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { overrideEnvironment } from '../../src/config/app-config';
import { createTestDatabase } from './test-app';

/**
 * The services of the API (or of the worker) wired as in production, on a cloned database, without HTTP:
 * for rules-heavy logic (attendance figures, signals, settlement, SPIL, document jobs) called directly, so a spec
 * states the rule instead of a route. Routes, scopes and bad input stay in the HTTP e2e specs.
 */
export interface ServiceContext {
  app: INestApplicationContext;
  db: DataSource;
  dbName: string;
  queuePrefix: string;
  /** A provider of the context: a service, a repository class, AppConfig, ... */
  get<T>(token: Type<T>): T;
  /** The TypeORM repository of an entity, for set-up and for checking what a service wrote. */
  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T>;
  close(): Promise<void>;
}

/**
 * `module`: the root module (default AppModule: every feature, no queue processors; pass WorkerModule to test job
 * handlers, whose processors then run on this context's own Redis prefix). `env`: settings on top of the test
 * database's, e.g. `{ REPORT_TIMEZONE: 'UTC' }`.
 */
const quiet = () => undefined;
const SILENT: LoggerService = { log: quiet, error: quiet, warn: quiet, debug: quiet, verbose: quiet };

export async function createServiceContext(
  opts: { module?: Type<unknown>; env?: Parameters<typeof overrideEnvironment>[0] } = {},
): Promise<ServiceContext> {
  const database = await createTestDatabase();
  if (opts.env) overrideEnvironment(opts.env);
  // A testing module rather than NestFactory: when start-up fails (the case some specs prove), it can still be closed,
  // so no pool or Redis connection outlives the spec.
  let app: INestApplicationContext | undefined;
  try {
    app = await Test.createTestingModule({ imports: [opts.module ?? AppModule] }).setLogger(SILENT).compile();
    app.useLogger(false);
    await app.init();
  } catch (e) {
    await app?.close().catch(() => undefined);
    await database.drop();
    throw e;
  }
  const context = app;
  const db = context.get(DataSource);
  return {
    app: context,
    db,
    dbName: database.dbName,
    queuePrefix: database.queuePrefix,
    get: <T>(token: Type<T>) => context.get(token, { strict: false }),
    repo: <T extends ObjectLiteral>(entity: EntityTarget<T>) => db.getRepository(entity),
    async close() {
      await context.close();
      await database.drop();
    },
  };
}
