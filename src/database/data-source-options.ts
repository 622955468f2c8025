import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import * as path from 'path';
import { ENTITIES } from './entities';

export const DATABASE_CONNECT_TIMEOUT_MS = 5_000;

/** One definition of the connection, shared by Nest, the CLI, seeds and tests. */
export function buildDataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}, poolSize = 10, idleTimeoutMs = 10_000): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [path.join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // More connections than PostgreSQL has cores to run them mostly queue inside the server instead of in the pool.
    // No JIT: every query here is built to run in milliseconds, and a high cost estimate (a lateral subquery in a
    // report) made PostgreSQL spend half a second compiling a 200 ms query.
    // connectionTimeoutMillis: a request waits at most this long for a connection (PostgreSQL unreachable, or the
    // pool busy) and then answers 503, instead of hanging.
    extra: { max: poolSize, idleTimeoutMillis: idleTimeoutMs, connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS, application_name: 'koers', options: '-c jit=off' },
    ...extra,
  } as DataSourceOptions;
}
