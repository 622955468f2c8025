import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../database/data-source-options';

/** A plain TypeORM connection for the seed scripts (no Nest container needed). */
export async function openDataSource(url: string): Promise<DataSource> {
  const ds = new DataSource(buildDataSourceOptions(url, { extra: { max: 4, application_name: 'koers-seed' } } as never));
  return ds.initialize();
}

/** `postgres://user@host:5432/db` → `db`, and the same URL pointing at another database. */
export const databaseName = (url: string): string => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Password and host are never printed. */
export function describeDatabase(url: string): string {
  const u = new URL(url);
  return `${databaseName(url)} on ${u.hostname}:${u.port || 5432}`;
}
