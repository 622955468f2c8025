import { DataSource, QueryFailedError } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { MAX_PREPARED_TEXTS, preparedName, queryPrepared } from '../src/database/prepared-query';
import { createTestDatabase } from './helpers/test-app';
import { dbUrl } from './test-env';

describe('queryPrepared (integration)', () => {
  let db: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    // One connection, so every call below runs on the same PostgreSQL session.
    db = await new DataSource(buildDataSourceOptions(dbUrl(database.dbName), { extra: { max: 1 } })).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  const statements = () =>
    queryPrepared<{ name: string; statement: string; generic_plans: number; custom_plans: number }>(
      db,
      `SELECT name, statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements`,
    );

  it('answers as DataSource.query does, with the same value parsing', async () => {
    const sql = `SELECT $1::int AS n, $2::text AS t, $3::date AS d, '{"a":1}'::jsonb AS j, NULL::uuid AS u, gs FROM generate_series(1, $1::int) gs ORDER BY gs`;
    const values = [3, 'x', '2025-01-06'];
    expect(await queryPrepared(db, sql, values)).toEqual(await db.query(sql, values));
  });

  it('parses a text once per connection under a name derived from the text, and reuses it', async () => {
    const sql = `SELECT count(*)::int AS n FROM municipality WHERE name <> $1`;
    for (let i = 0; i < 7; i++) await queryPrepared(db, sql, [`x${i}`]);
    const mine = (await statements()).filter((s) => s.statement === sql);
    expect(mine).toEqual([expect.objectContaining({ name: preparedName(sql) })]);
    // PostgreSQL plans the first five runs for their values, then may keep one generic plan.
    expect(mine[0].custom_plans + mine[0].generic_plans).toBe(7);
    expect(preparedName(sql)).toBe(preparedName(`${sql}`));
    expect(preparedName(`${sql} `)).not.toBe(preparedName(sql));
  });

  it('fails like DataSource.query: a QueryFailedError carrying the PostgreSQL code', async () => {
    const byId = `SELECT id FROM learner WHERE id = $1`;
    const err = await queryPrepared(db, byId, ['not-a-uuid']).catch((e) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect(err.driverError.code).toBe('22P02');
    // The statement itself was fine and stays usable; a failed parse leaves no statement behind.
    expect(await queryPrepared(db, byId, ['00000000-0000-4000-8000-000000000000'])).toEqual([]);
    await expect(queryPrepared(db, `SELECT nope FROM learner`)).rejects.toBeInstanceOf(QueryFailedError);
    expect(await queryPrepared(db, `SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    expect((await statements()).map((s) => s.statement)).not.toContain(`SELECT nope FROM learner`);
  });

  it('stops naming new texts at the cap and runs them unnamed', async () => {
    for (let i = 0; preparedName(`SELECT ${i} AS filler`) !== undefined; i++) expect(i).toBeLessThan(MAX_PREPARED_TEXTS);
    const sql = `SELECT $1::int + 1 AS n`;
    expect(preparedName(sql)).toBeUndefined();
    expect(await queryPrepared(db, sql, [41])).toEqual([{ n: 42 }]);
    expect((await statements()).map((s) => s.statement)).not.toContain(sql);
  });
});
