import { EntityManager } from 'typeorm';

const CHUNK_ROWS = 20_000;
const typeCache = new Map<string, Map<string, string>>();

async function columnTypes(m: EntityManager, table: string): Promise<Map<string, string>> {
  let types = typeCache.get(table);
  if (!types) {
    const rows: Array<{ column_name: string; udt_name: string }> = await m.query(
      `SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    types = new Map(rows.map((r) => [r.column_name, r.udt_name]));
    typeCache.set(table, types);
  }
  return types;
}

/**
 * Set-based INSERT: one array parameter per column, expanded by unnest() inside PostgreSQL
 * (far cheaper than binding tens of thousands of scalar parameters). `suffix` may add ON CONFLICT / RETURNING.
 */
export async function bulkInsert(m: EntityManager, table: string, columns: string[], rows: unknown[][], suffix = ''): Promise<Array<Record<string, unknown>>> {
  const types = await columnTypes(m, table);
  const casts = columns.map((c, i) => {
    const t = types.get(c);
    if (!t) throw new Error(`bulkInsert: ${table}.${c} does not exist`);
    if (t.startsWith('_')) throw new Error(`bulkInsert: array column ${table}.${c} is not supported`);
    return `$${i + 1}::${t}[]`;
  });
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${casts.join(', ')}) ${suffix}`;
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows.slice(i, i + CHUNK_ROWS);
    const res = await m.query(sql, columns.map((_, c) => chunk.map((r) => r[c])));
    if (suffix) out.push(...res);
  }
  return out;
}
