import { createContract, createLearner, createTrajectory } from './factories/records.factory';
import { learnerBody } from './factories/learner-api.factory';
import { seedReference, Reference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { inConcurrentTransactions, openSession } from './helpers/concurrent-transactions';
import { createTestApp, TestApp } from './helpers/test-app';

/** The learner list's total comes from trigger-kept counts (learner_count) for staff and late pages are walked from the end; both must stay exact. */
describe('learner list totals and paging (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coord: TestUser;
  let ens: string;
  let hen: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coord = await createUser(t, 'coordinator');
    ens = ref.municipalities.Enschede;
    hen = ref.municipalities.Hengelo;
  });
  afterAll(() => t.close());

  const total = async (u: TestUser, query = ''): Promise<number> =>
    (await t.http.get(`/api/v1/learners?pageSize=1${query}`).set('Authorization', u.auth).expect(200)).body.total;
  const counted = async (municipalityId?: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM learner WHERE $1::uuid IS NULL OR municipality_id = $1`, [municipalityId ?? null]))[0].n;
  /** Every municipality's kept count equals its rows, and the API answers the same. */
  const expectExact = async () => {
    const kept = await t.db.query(`SELECT municipality_id AS m, learners AS n FROM learner_count WHERE learners <> 0 ORDER BY 1`);
    const rows = await t.db.query(`SELECT municipality_id AS m, count(*)::int AS n FROM learner GROUP BY 1 ORDER BY 1`);
    expect(kept).toEqual(rows);
    expect(await total(coord)).toBe(await counted());
    for (const m of [ens, hen]) expect(await total(coord, `&municipalityId=${m}`)).toBe(await counted(m));
  };
  const session = () => openSession(t.dbName);
  const insertSql = `INSERT INTO learner (learner_number, first_name, last_name, search_text, date_of_birth, municipality_id, intake_date)
                     SELECT 'C' || left(md5(random()::text), 16), 'Tel', 'Ler', 'tel ler', '1990-01-01', $1, '2025-01-06' FROM generate_series(1, $2::int)`;

  it('follows creates, moves between municipalities and deletes', async () => {
    const [all, inEns, inHen] = [await total(coord), await total(coord, `&municipalityId=${ens}`), await total(coord, `&municipalityId=${hen}`)];
    const created = (await t.http.post('/api/v1/learners').set('Authorization', coord.auth).send(learnerBody(ens)).expect(201)).body;
    expect([await total(coord), await total(coord, `&municipalityId=${ens}`)]).toEqual([all + 1, inEns + 1]);

    await t.http.patch(`/api/v1/learners/${created.id}`).set('Authorization', coord.auth).send({ version: 1, municipalityId: hen }).expect(200);
    expect([await total(coord), await total(coord, `&municipalityId=${ens}`), await total(coord, `&municipalityId=${hen}`)]).toEqual([all + 1, inEns, inHen + 1]);
    await t.http.patch(`/api/v1/learners/${created.id}`).set('Authorization', coord.auth).send({ version: 2, firstName: 'Anders', municipalityId: hen }).expect(200);
    expect(await total(coord, `&municipalityId=${hen}`)).toBe(inHen + 1);

    await t.db.query(`DELETE FROM learner WHERE id = $1`, [created.id]);
    expect([await total(coord), await total(coord, `&municipalityId=${hen}`)]).toEqual([all, inHen]);
    await expectExact();
  });

  it('counts multi-row statements and ignores rolled-back work', async () => {
    await t.db.query(insertSql, [ens, 7]);
    await t.db.query(insertSql, [hen, 3]);
    await t.db.query(`UPDATE learner SET municipality_id = CASE municipality_id WHEN $1::uuid THEN $2::uuid ELSE $1::uuid END
                       WHERE learner_number LIKE 'C%' AND municipality_id IN ($1, $2)`, [ens, hen]);
    await expectExact();
    const c = await session();
    try {
      await c.query('BEGIN');
      await c.query(insertSql, [ens, 5]);
      await c.query(`DELETE FROM learner WHERE learner_number LIKE 'C%' AND municipality_id = $1`, [hen]);
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
    await expectExact();
    await t.db.query(`DELETE FROM learner WHERE learner_number LIKE 'C%'`);
    await expectExact();
  });

  it('a reader sees the count of the rows committed when it started, not of work in progress', async () => {
    const before = await total(coord);
    const c = await session();
    try {
      await c.query('BEGIN');
      await c.query(insertSql, [ens, 4]);
      expect(await total(coord)).toBe(before);
      await c.query('COMMIT');
    } finally {
      await c.end();
    }
    expect(await total(coord)).toBe(before + 4);
  });

  it('single-statement writes in parallel (as the API makes them) never deadlock on the counts, in any direction', async () => {
    const ids: string[] = (await t.db.query(`${insertSql} RETURNING id`, [ens, 40])).map((r: { id: string }) => r.id);
    const sessions = await Promise.all(Array.from({ length: 8 }, session));
    try {
      await Promise.all(
        sessions.map(async (c, i) => {
          const mine = ids.slice(i * 5, i * 5 + 5);
          for (let k = 0; k < 12; k++) {
            const [from, to] = (i + k) % 2 ? [hen, ens] : [ens, hen];
            await c.query(`UPDATE learner SET municipality_id = $2 WHERE id = ANY($1::uuid[])`, [mine, to]);
            await c.query(insertSql, [from, 1]);
            await c.query(`INSERT INTO learner (learner_number, first_name, last_name, search_text, date_of_birth, municipality_id, intake_date)
                           SELECT 'C' || left(md5(random()::text), 16), 'Tel', 'Ler', 'tel ler', '1990-01-01', m, '2025-01-06' FROM unnest($1::uuid[]) m`, [[to, from]]);
            await c.query(`DELETE FROM learner WHERE learner_number LIKE 'C%' AND NOT (id = ANY($1::uuid[])) AND municipality_id = $2
                             AND id IN (SELECT id FROM learner WHERE learner_number LIKE 'C%' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)`, [ids, to]);
          }
        }),
      );
    } finally {
      await Promise.all(sessions.map((c) => c.end()));
    }
    await expectExact();
  });

  it('stays exact when concurrent transactions commit, roll back or die as deadlock victims', async () => {
    const { deadlocks } = await inConcurrentTransactions(t.dbName, 6, 10, async (c, i, k) => {
      const [a, b] = (i + k) % 2 ? [ens, hen] : [hen, ens];
      // Several statements touching two municipalities in opposite orders can deadlock; PostgreSQL aborts one.
      await c.query(insertSql, [a, 2]);
      await c.query(`UPDATE learner SET municipality_id = $2 WHERE id IN (SELECT id FROM learner WHERE municipality_id = $1 AND learner_number LIKE 'C%' LIMIT 2 FOR UPDATE SKIP LOCKED)`, [a, b]);
      await c.query(`DELETE FROM learner WHERE id IN (SELECT id FROM learner WHERE municipality_id = $1 AND learner_number LIKE 'C%' LIMIT 1 FOR UPDATE SKIP LOCKED)`, [b]);
    });
    expect(deadlocks).toBeLessThan(60);
    await expectExact();
  });

  it('scopes and filters the counts cannot answer still count rows', async () => {
    const contract = await createContract(t.db, ens, [ref.products['B1-ROUTE']]);
    const elsewhere = await createLearner(t.db, hen);
    await createTrajectory(t.db, { learnerId: elsewhere.id, municipalityId: ens, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    const m = await createUser(t, 'municipality', { municipalityId: ens });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM learner l WHERE l.municipality_id = $1 OR EXISTS (SELECT 1 FROM trajectory x WHERE x.learner_id = l.id AND x.municipality_id = $1)`,
      [ens],
    );
    expect(await total(m)).toBe(n);
    expect(await total(m)).toBe((await counted(ens)) + 1);
    expect(await total(coord, '&search=tel%20ler')).toBe((await t.db.query(`SELECT count(*)::int AS n FROM learner WHERE search_text LIKE '%tel ler%'`))[0].n);
  });

  it('pages walked from either end give the same rows as one ordered list, for every sort, filter and scope', async () => {
    // Equal names, so the id tiebreaker decides part of the order; Tubbergen has no other learners here.
    const tub = ref.municipalities.Tubbergen;
    for (let i = 0; i < 13; i++) await createLearner(t.db, tub, { firstName: ['Ann', 'Bo', 'Cy'][i % 3], lastName: i % 2 ? 'Tel' : 'Ler', dateOfBirth: `19${70 + (i % 4)}-01-01` });
    const m = await createUser(t, 'municipality', { municipalityId: tub });
    const walk = async (u: TestUser, query: string, pageSize: number) => {
      const walked: string[] = [];
      let total = -1;
      for (let page = 1; total < 0 || (page - 2) * pageSize < total; page++) {
        const body = (await t.http.get(`/api/v1/learners?page=${page}&pageSize=${pageSize}${query}`).set('Authorization', u.auth).expect(200)).body;
        total = body.total;
        walked.push(...body.items.map((l: { id: string }) => l.id));
      }
      return { total, walked };
    };
    const sorts: Record<string, string> = {
      '': 'last_name, first_name', '-lastName': 'last_name DESC', 'firstName,-dateOfBirth': 'first_name, date_of_birth DESC',
      learnerNumber: 'learner_number', '-createdAt': 'created_at DESC',
    };
    for (const [sort, sql] of Object.entries(sorts)) {
      const expected = async (where: string) => (await t.db.query(`SELECT id FROM learner WHERE ${where} ORDER BY ${sql}, id`, [tub])).map((r: { id: string }) => r.id);
      const inTub = await expected('municipality_id = $1');
      const q = sort ? `&sort=${sort}` : '';
      expect(await walk(coord, q, 40)).toEqual({ total: await counted(), walked: await expected('$1::uuid IS NOT NULL') });
      expect(await walk(coord, `${q}&municipalityId=${tub}`, 3)).toEqual({ total: 13, walked: inTub });
      expect(await walk(m, q, 3)).toEqual({ total: 13, walked: inTub });
      expect(await walk(coord, `${q}&municipalityId=${tub}&search=tel`, 2)).toEqual({ total: 6, walked: await expected(`municipality_id = $1 AND last_name = 'Tel'`) });
    }
    const far = (await t.http.get(`/api/v1/learners?page=300000000000000000`).set('Authorization', coord.auth).expect(200)).body;
    expect(far).toMatchObject({ items: [], total: await counted() });
  });

  it('TRUNCATE empties the counts too', async () => {
    // The app's own role may not TRUNCATE (least privilege); an administrator's session may.
    const admin = await openSession(t.dbName);
    try {
      await admin.query(`TRUNCATE learner CASCADE`);
    } finally {
      await admin.end();
    }
    expect(await total(coord)).toBe(0);
    await t.db.query(insertSql, [ens, 2]);
    await expectExact();
  });
});
