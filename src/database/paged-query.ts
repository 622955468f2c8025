import { orderBySql, SortTerm } from '../common/http/sort';

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

/**
 * For `queryPage`'s page SQL: an array of the page's ids, walking the sort order from whichever end is nearer.
 * OFFSET steps over every row it skips, so from the back the last pages cost as little as the first. The walk
 * back needs the exact total (`counted.total`, same snapshot), so `from` + `where` must select exactly the rows
 * the count covers. `limit` and `offset` are placeholders such as `$4`. `tiebreaker` is a unique column, so the
 * order is total and the reversed order its exact reverse. `from` may be a function of the walk's ORDER BY and
 * the number of rows the walk reads (a row set built from ordered, limited parts, so the planner merges them).
 */
export function nearerEndIdsSql(o: {
  id: string;
  from: string | ((orderBy: string, rows: string) => string);
  where: string;
  order: SortTerm[];
  tiebreaker: string;
  limit: string;
  offset: string;
}): string {
  const limit = `${o.limit}::bigint`;
  const offset = `${o.offset}::bigint`;
  const back = o.order.map((t): SortTerm => ({ column: t.column, direction: t.direction === 'ASC' ? 'DESC' : 'ASC' }));
  const forwardOrder = orderBySql(o.order, o.tiebreaker);
  const backOrder = orderBySql(back, `${o.tiebreaker} DESC`);
  // Rows from the page's start to the end; compared without multiplying, so no huge page number overflows.
  const left = `(SELECT total FROM counted) - ${offset}`;
  const from = (orderBy: string, rows: string) => (typeof o.from === 'string' ? o.from : o.from(orderBy, rows));
  return `ARRAY((SELECT ${o.id} FROM ${from(forwardOrder, `${offset} + ${limit}`)} WHERE (${o.where}) AND ${offset} < counted.total - ${offset}
                  ORDER BY ${forwardOrder} LIMIT ${limit} OFFSET ${offset})
                UNION ALL
                (SELECT ${o.id} FROM ${from(backOrder, `greatest(0, ${left})`)} WHERE (${o.where}) AND ${offset} >= counted.total - ${offset}
                  ORDER BY ${backOrder} LIMIT greatest(0, least(${limit}, ${left})) OFFSET greatest(0, ${left} - ${limit})))`;
}

/**
 * A list filter that applies only when given: `filterOn(params, where)` answers `eq(value, (n) => sql)`, which adds
 * `value` as parameter `$n` and the condition `sql(n)` to `where`, or does nothing when `value` is undefined.
 */
export function filterOn(params: unknown[], where: string[]): (value: unknown, sql: (n: number) => string) => void {
  return (value, sql) => {
    if (value === undefined) return;
    params.push(value);
    where.push(sql(params.length));
  };
}
