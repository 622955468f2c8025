import { Client } from 'pg';
import { dbUrl } from '../test-env';

/** A separate connection to the spec's database, with a short deadlock_timeout (a deadlock costs 50 ms, not a second). */
export async function openSession(dbName: string): Promise<Client> {
  const c = new Client({ connectionString: dbUrl(dbName), options: '-c deadlock_timeout=50' });
  await c.connect();
  return c;
}

/**
 * `sessions` connections each run `rounds` transactions at once; round k commits unless it is every fourth one
 * (k % 4 === 3), which rolls back. A deadlock victim (40P01) is rolled back and counted; any other error fails.
 * The sessions are closed afterwards.
 */
export async function inConcurrentTransactions(
  dbName: string,
  sessions: number,
  rounds: number,
  body: (c: Client, session: number, round: number) => Promise<void>,
): Promise<{ deadlocks: number }> {
  const clients = await Promise.all(Array.from({ length: sessions }, () => openSession(dbName)));
  let deadlocks = 0;
  try {
    await Promise.all(
      clients.map(async (c, i) => {
        for (let k = 0; k < rounds; k++) {
          try {
            await c.query('BEGIN');
            await body(c, i, k);
            await c.query(k % 4 === 3 ? 'ROLLBACK' : 'COMMIT');
          } catch (e) {
            if ((e as { code?: string }).code !== '40P01') throw e;
            deadlocks++;
            await c.query('ROLLBACK');
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return { deadlocks };
}
