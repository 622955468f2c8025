/**
 * A list page and its total in one round trip (each round trip costs more than the counting itself here).
 * `countSql` must select one row with an integer column `total`; `pageSql` selects the page's rows with a
 * column `__n` giving their order. Both use the same `params`. `withSql` adds CTEs both can read (e.g. a
 * materialised set of matches, so a search runs once for the total and the page).
 */
export async function queryPage<T>(
  db: { query(sql: string, params?: unknown[]): Promise<unknown[]> },
  countSql: string,
  pageSql: string,
  params: unknown[],
  withSql?: string,
): Promise<{ total: number; rows: T[] }> {
  const rows = (await db.query(
    `WITH ${withSql ? `${withSql}, ` : ''}counted AS (${countSql}) SELECT counted.total, x.* FROM counted LEFT JOIN LATERAL (${pageSql}) x ON TRUE ORDER BY x.__n`,
    params,
  )) as Array<Record<string, unknown>>;
  const total = Number(rows[0]?.total ?? 0);
  const items = rows
    .filter((r) => r.__n !== null && r.__n !== undefined)
    .map(({ total: _total, __n: _n, ...rest }) => rest as T);
  return { total, rows: items };
}
