import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { seedReference, Reference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { inConcurrentTransactions, openSession } from './helpers/concurrent-transactions';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * The municipality and teacher lists read their scope through other shapes than learnerScopeSql / groupVisibleSql
 * (the kept learner.other_payers, the teacher's groups first): they must give the same rows, in the same order,
 * and other_payers must stay exact under concurrent writes and rollbacks.
 */
describe('scoped learner and lesson lists (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let ens: string;
  let hen: string;
  let alm: string;
  const contracts: Record<string, string> = {};
  let product: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    [ens, hen, alm] = [ref.municipalities.Enschede, ref.municipalities.Hengelo, ref.municipalities.Almelo];
    product = ref.products['B1-ROUTE'];
    for (const m of [ens, hen, alm]) contracts[m] = (await createContract(t.db, m, [product])).id;
  });
  afterAll(() => t.close());

  const session = () => openSession(t.dbName);
  /** A finished trajectory (any number per learner) paid by `m`. */
  const trajectorySql = `INSERT INTO trajectory (learner_id, municipality_id, contract_id, product_id, status, legal_regime, start_date, planned_end_date,
                           end_date, contracted_hours, target_levels)
                         VALUES ($1, $2, $3, $4, 'completed', 'wi2021', '2024-01-01', '2024-12-31', '2024-12-31', 100, '{}') RETURNING id`;
  const addTrajectory = (c: { query: (s: string, p: unknown[]) => Promise<unknown> }, learnerId: string, m: string) =>
    c.query(trajectorySql, [learnerId, m, contracts[m], product]);

  /** other_payers equals its definition for every learner. */
  const expectOtherPayersExact = async () => {
    const wrong = await t.db.query(`
      SELECT l.id, l.other_payers, x.payers FROM learner l
        LEFT JOIN LATERAL (SELECT array_agg(DISTINCT t.municipality_id ORDER BY t.municipality_id) AS payers FROM trajectory t
                            WHERE t.learner_id = l.id AND t.municipality_id <> l.municipality_id) x ON TRUE
       WHERE l.other_payers IS DISTINCT FROM x.payers`);
    expect(wrong).toEqual([]);
  };

  const walk = async (u: TestUser, path: string, pageSize: number) => {
    const walked: string[] = [];
    let total = -1;
    for (let page = 1; total < 0 || (page - 2) * pageSize < total; page++) {
      const body = (await t.http.get(`${path}${path.includes('?') ? '&' : '?'}page=${page}&pageSize=${pageSize}`).set('Authorization', u.auth).expect(200)).body;
      total = body.total;
      walked.push(...body.items.map((l: { id: string }) => l.id));
    }
    return { total, walked };
  };
  const ids = async (sql: string, params: unknown[]) => (await t.db.query(sql, params)).map((r: { id: string }) => r.id);
  const LEARNER_SORTS: Record<string, string> = {
    '': 'last_name, first_name', '-lastName': 'last_name DESC', 'firstName,-dateOfBirth': 'first_name, date_of_birth DESC',
    '-learnerNumber': 'learner_number DESC', createdAt: 'created_at',
  };
  /** Every page of the municipality's list, for several sorts and the municipality filter, against learnerScopeSql's condition. */
  const expectMunicipalityLists = async (m: string) => {
    const u = await createUser(t, 'municipality', { municipalityId: m });
    const scope = `(l.municipality_id = $1 OR EXISTS (SELECT 1 FROM trajectory x WHERE x.learner_id = l.id AND x.municipality_id = $1))`;
    for (const [sort, order] of Object.entries(LEARNER_SORTS)) {
      const q = sort ? `?sort=${sort}` : '';
      const all = await ids(`SELECT id FROM learner l WHERE ${scope} ORDER BY ${order}, id`, [m]);
      expect(await walk(u, `/api/v1/learners${q}`, 3)).toEqual({ total: all.length, walked: all });
      const hengelo = await ids(`SELECT id FROM learner l WHERE ${scope} AND l.municipality_id = $2 ORDER BY ${order}, id`, [m, hen]);
      expect(await walk(u, `/api/v1/learners${q}${q ? '&' : '?'}municipalityId=${hen}`, 2)).toEqual({ total: hengelo.length, walked: hengelo });
    }
  };

  it('keeps other_payers exact through creates, moves, deletes and rollbacks, and the municipality list matches its scope', async () => {
    const coord = await createUser(t, 'coordinator');
    // Equal names, so the id tiebreaker decides part of the order.
    const learners: Array<{ id: string }> = [];
    for (let i = 0; i < 9; i++) learners.push(await createLearner(t.db, [ens, hen, alm][i % 3], { firstName: ['Ann', 'Bo'][i % 2], lastName: i % 3 ? 'Tel' : 'Ler' }));
    await createTrajectory(t.db, { learnerId: learners[1].id, municipalityId: ens, contractId: contracts[ens], productId: product });
    await addTrajectory(t.db, learners[2].id, ens);
    await addTrajectory(t.db, learners[2].id, hen);
    await addTrajectory(t.db, learners[2].id, ens);
    await addTrajectory(t.db, learners[0].id, ens); // paid by its own municipality: not an other payer
    await expectOtherPayersExact();
    expect((await t.db.query(`SELECT other_payers FROM learner WHERE id = $1`, [learners[2].id]))[0].other_payers).toEqual([ens, hen].sort());
    await expectMunicipalityLists(ens);
    await expectMunicipalityLists(hen);

    // The learner moves to a paying municipality and back (through the API), a trajectory changes payer, one is deleted.
    await t.http.patch(`/api/v1/learners/${learners[1].id}`).set('Authorization', coord.auth).send({ version: 1, municipalityId: ens }).expect(200);
    await expectOtherPayersExact();
    await t.http.patch(`/api/v1/learners/${learners[1].id}`).set('Authorization', coord.auth).send({ version: 2, municipalityId: hen }).expect(200);
    await t.db.query(`UPDATE trajectory SET municipality_id = $2 WHERE learner_id = $1 AND municipality_id = $3`, [learners[2].id, alm, hen]);
    await t.db.query(`DELETE FROM trajectory WHERE id IN (SELECT id FROM trajectory WHERE learner_id = $1 AND municipality_id = $2 LIMIT 1)`, [learners[2].id, ens]);
    await expectOtherPayersExact();
    await expectMunicipalityLists(ens);

    const c = await session();
    try {
      await c.query('BEGIN');
      await addTrajectory(c, learners[4].id, alm);
      await c.query(`UPDATE learner SET municipality_id = $2 WHERE id = $1`, [learners[5].id, hen]);
      await c.query(`DELETE FROM trajectory WHERE learner_id = $1`, [learners[2].id]);
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
    await expectOtherPayersExact();
    await expectMunicipalityLists(ens);
    await expectMunicipalityLists(alm);
  });

  it('stays exact under concurrent trajectory writes and learner moves, committed or rolled back', async () => {
    const learners: Array<{ id: string }> = [];
    for (let i = 0; i < 4; i++) learners.push(await createLearner(t.db, hen, { lastName: 'Samen' }));
    const { deadlocks } = await inConcurrentTransactions(t.dbName, 6, 12, async (c, i, k) => {
      const learner = learners[(i + k) % learners.length].id;
      const [a, b] = (i + k) % 2 ? [ens, alm] : [alm, ens];
      await addTrajectory(c, learner, a);
      if (k % 3 === 0) await c.query(`UPDATE learner SET municipality_id = $2 WHERE id = $1`, [learner, [hen, ens, alm][(i + k) % 3]]);
      await c.query(`DELETE FROM trajectory WHERE id IN (SELECT id FROM trajectory WHERE learner_id = $1 AND municipality_id = $2 LIMIT 1 FOR UPDATE SKIP LOCKED)`, [learner, b]);
    });
    expect(deadlocks).toBeLessThan(72);
    await expectOtherPayersExact();
    await expectMunicipalityLists(ens);
    await expectMunicipalityLists(alm);
  });

  it('TRUNCATE of trajectories clears other_payers', async () => {
    const c = await session();
    try {
      await c.query('BEGIN');
      await c.query('TRUNCATE trajectory CASCADE');
      expect((await c.query(`SELECT count(*)::int AS n FROM learner WHERE other_payers IS NOT NULL`)).rows[0].n).toBe(0);
    } finally {
      await c.query('ROLLBACK');
      await c.end();
    }
    await expectOtherPayersExact();
  });

  it("a teacher's learners and lessons are those of its groups (current or past) and the lessons it teaches, in every order", async () => {
    const teacher = await createUser(t, 'teacher');
    const other = await createUser(t, 'teacher');
    const mine = [await createGroup(t.db, product, { teacherIds: [teacher.id] }), await createGroup(t.db, product, { teacherIds: [teacher.id, other.id] })];
    const theirs = await createGroup(t.db, product, { teacherIds: [other.id] });
    for (let i = 0; i < 14; i++) {
      const l = await createLearner(t.db, [ens, hen][i % 2], { firstName: ['Ann', 'Bo'][i % 2], lastName: i % 3 ? 'Tel' : 'Ler' });
      const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: ens, contractId: contracts[ens], productId: product });
      const group = [mine[0], mine[1], theirs][i % 3];
      await enrol(t.db, tr.id, group.id, '2025-01-06', i % 4 === 0 ? '2025-02-01' : null);
      if (i % 5 === 0) await enrol(t.db, tr.id, mine[0].id, '2025-03-01');
    }
    for (let d = 0; d < 6; d++) {
      for (const [g, teacherId] of [[mine[0], null], [mine[1], other.id], [theirs, d % 2 ? teacher.id : null]] as const) {
        await createLesson(t.db, g.id, { date: `2025-03-0${d + 1}`, startTime: d % 2 ? '09:00' : '13:00', teacherId, cancelled: d === 4 });
      }
    }
    const learnerScope = `EXISTS (SELECT 1 FROM trajectory x JOIN enrolment e ON e.trajectory_id = x.id JOIN group_teacher gt ON gt.group_id = e.group_id
                                   WHERE x.learner_id = l.id AND gt.user_id = $1)`;
    for (const [sort, order] of Object.entries(LEARNER_SORTS)) {
      const all = await ids(`SELECT id FROM learner l WHERE ${learnerScope} ORDER BY ${order}, id`, [teacher.id]);
      expect(all.length).toBeGreaterThan(5);
      expect(await walk(teacher, `/api/v1/learners${sort ? `?sort=${sort}` : ''}`, 4)).toEqual({ total: all.length, walked: all });
      const inHen = await ids(`SELECT id FROM learner l WHERE ${learnerScope} AND l.municipality_id = $2 ORDER BY ${order}, id`, [teacher.id, hen]);
      expect(await walk(teacher, `/api/v1/learners?municipalityId=${hen}${sort ? `&sort=${sort}` : ''}`, 3)).toEqual({ total: inHen.length, walked: inHen });
    }
    const lessonScope = `(EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = l.group_id AND gt.user_id = $1) OR l.teacher_id = $1)`;
    const lessonSorts: Record<string, string> = {
      '': 'l.date, l.start_time', '-date': 'l.date DESC, l.start_time DESC', startTime: 'l.start_time', '-groupCode,date': 'g.code DESC, l.date, l.start_time', createdAt: 'l.created_at',
    };
    for (const [sort, order] of Object.entries(lessonSorts)) {
      for (const [filter, where, params] of [
        ['', 'TRUE', []],
        [`groupId=${theirs.id}`, 'l.group_id = $2', [theirs.id]],
        ['from=2025-03-02&to=2025-03-05&cancelled=false', `l.date BETWEEN '2025-03-02' AND '2025-03-05' AND NOT l.cancelled`, []],
        [`teacherId=${other.id}`, `(l.teacher_id = $2 OR (l.teacher_id IS NULL AND EXISTS (SELECT 1 FROM group_teacher ft WHERE ft.group_id = l.group_id AND ft.user_id = $2)))`, [other.id]],
      ] as Array<[string, string, string[]]>) {
        const all = await ids(
          `SELECT l.id FROM lesson l JOIN course_group g ON g.id = l.group_id WHERE ${lessonScope} AND ${where} ORDER BY ${order}, l.id`,
          [teacher.id, ...params],
        );
        const q = [filter, sort && `sort=${sort}`].filter(Boolean).join('&');
        expect(await walk(teacher, `/api/v1/lessons${q ? `?${q}` : ''}`, 4)).toEqual({ total: all.length, walked: all });
      }
    }
  });
});
