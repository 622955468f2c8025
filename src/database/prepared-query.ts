import { createHash } from 'crypto';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';

/**
 * Most distinct statement texts run as named statements; past it, texts run unnamed (as before). A connection
 * keeps each named statement and its plan until it closes (~200 kB for the learner page), so this bounds the
 * memory of every backend; the hot texts number a few dozen.
 */
export const MAX_PREPARED_TEXTS = 100;

const names = new Map<string, string>();

/** The statement name for `text`, or undefined once the cap is reached (then the query runs unnamed). */
export function preparedName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_PREPARED_TEXTS) {
    name = `koers_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot read as a named prepared statement on the pool under TypeORM. TypeORM sends every query unnamed,
 * so PostgreSQL parses and plans it on each request; planning often costs as much as executing these reads.
 * Named, a connection parses a text once and after five runs may switch to a generic plan.
 * Only for texts from a small set: every value (also LIMIT and OFFSET) goes in `values`, never in the text.
 * Takes its own pooled connection, so not for use inside a transaction. Errors are TypeORM's QueryFailedError,
 * as from `DataSource.query`.
 */
export async function queryPrepared<T = Record<string, unknown>>(db: DataSource, text: string, values: unknown[] = []): Promise<T[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  try {
    const res = await pool.query({ name: preparedName(text), text, values });
    return res.rows as T[];
  } catch (e) {
    throw new QueryFailedError(text, values, e as Error);
  }
}

/** `queryPrepared` bound to `db`, in the shape `queryPage` takes. */
export const preparedReads = (db: DataSource) => ({
  query: (text: string, values?: unknown[]) => queryPrepared(db, text, values),
});
