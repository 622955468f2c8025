/**
 * The SPIL report's SQL run directly against PostgreSQL (no API): the exact text of src/modules/reports/spil-report.sql.ts,
 * all groups at once over a pool of `pool` connections as the service does. `timeSpilSql` is used by bench/spil-bench.ts
 * for the side-by-side comparison; run alone (`npx ts-node -T bench/spil-sql.ts <db-url> [from to]`) it prints
 * per-query timings for one municipality, to find the slow one.
 */
import { Pool } from 'pg';
import { SPIL_SQL, SpilQueryName } from '../src/modules/reports/spil-report.sql';

export interface SpilSqlParams {
  municipalityIds: string[];
  from: string;
  to: string;
  today: string;
  timeZone: string;
}

const values = (p: SpilSqlParams) => [p.municipalityIds, p.from, p.to, p.today, p.timeZone];

/** One full report's queries, in parallel on the pool; resolves with the wall time in ms. */
export async function runSpilSqlOnce(pool: Pool, p: SpilSqlParams): Promise<number> {
  const t0 = process.hrtime.bigint();
  await Promise.all((Object.keys(SPIL_SQL) as SpilQueryName[]).map((name) => pool.query(`/* spil:${name} */ ${SPIL_SQL[name]}`, values(p))));
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** A pool configured as the API's connections are (jit off). */
export function spilPool(url: string, size: number): Pool {
  const pool = new Pool({ connectionString: url, max: size, options: '-c jit=off' });
  return pool;
}

async function main(): Promise<void> {
  const [url, from = '2026-07-01', to = '2026-09-30'] = process.argv.slice(2);
  const pool = spilPool(url, 1);
  const { rows } = await pool.query(`SELECT id, name FROM municipality WHERE name = 'Enschede'`);
  const p: SpilSqlParams = { municipalityIds: [rows[0].id], from, to, today: new Date().toISOString().slice(0, 10), timeZone: 'Europe/Amsterdam' };
  for (let round = 0; round < 3; round++) {
    const line: string[] = [];
    for (const name of Object.keys(SPIL_SQL) as SpilQueryName[]) {
      const t0 = process.hrtime.bigint();
      try {
        await pool.query(SPIL_SQL[name], values(p));
        line.push(`${name} ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)}`);
      } catch (e) {
        line.push(`${name} failed: ${(e as Error).message}`);
      }
    }
    console.log(line.join(' | '));
  }
  await pool.end();
}

if (require.main === module) void main();
