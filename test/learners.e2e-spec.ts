import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { learnerBody, randomBsn } from './factories/learner-api.factory';
import { seedReference, Reference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);
const names = (body: { items: Array<{ firstName: string; lastName: string }> }) => body.items.map((l) => `${l.firstName} ${l.lastName}`).sort();

describe('learners (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let admin: TestUser;
  let coord: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    admin = await createUser(t, 'admin');
    coord = await createUser(t, 'coordinator');
  });
  afterAll(() => t.close());

  const post = (u: TestUser, body: object) => t.http.post('/api/v1/learners').set('Authorization', u.auth).send(body);
  const get = (u: TestUser, path = '') => t.http.get(`/api/v1/learners${path}`).set('Authorization', u.auth);
  const patch = (u: TestUser, id: string, body: object) => t.http.patch(`/api/v1/learners/${id}`).set('Authorization', u.auth).send(body);

  describe('create, read, update', () => {
    it('creates a learner with a generated number, masked BSN and an audit event without the value', async () => {
      const bsn = randomBsn();
      const res = await post(coord, learnerBody(ref.municipalities.Enschede, { bsn })).expect(201);
      expect(res.body).toMatchObject({
        learnerNumber: expect.stringMatching(/^L\d{6}$/),
        firstName: 'Ayşe',
        lastName: 'Çelik',
        dateOfBirth: '1988-03-14',
        intakeDate: '2025-01-06',
        postalCode: '7511 AB',
        intakeLevels: { reading: 'A1', listening: 'A2', writing: 'A0', speaking: 'A1' },
        bsnMasked: `*****${bsn.slice(-4)}`,
        version: 1,
        municipality: { id: ref.municipalities.Enschede, name: 'Enschede', cbsCode: 'GM0153' },
      });
      expect(JSON.stringify(res.body)).not.toContain(bsn);
      for (const hidden of ['bsn', 'bsnCiphertext', 'bsnHash', 'searchText']) expect(res.body).not.toHaveProperty(hidden);

      const second = await post(coord, learnerBody(ref.municipalities.Enschede, { firstName: 'Tweede' })).expect(201);
      expect(Number(second.body.learnerNumber.slice(1))).toBe(Number(res.body.learnerNumber.slice(1)) + 1);
      expect(second.body.bsnMasked).toBeNull();

      const [row] = await t.db.query(`SELECT bsn_ciphertext, bsn_hash, bsn_last4 FROM learner WHERE id = $1`, [res.body.id]);
      expect(row.bsn_ciphertext).not.toContain(bsn);
      expect(row.bsn_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.bsn_last4).toBe(bsn.slice(-4));

      const audit = await t.http.get(`/api/v1/audit-events?entityType=learner&entityId=${res.body.id}`).set('Authorization', admin.auth).expect(200);
      expect(audit.body.items).toEqual([expect.objectContaining({ action: 'create', actorId: coord.id, fields: expect.arrayContaining(['firstName', 'bsn']) })]);
      expect(JSON.stringify(audit.body)).not.toContain(bsn);

      const one = await get(coord, `/${res.body.id}`).expect(200);
      expect(one.body).toEqual(res.body);
    });

    it('accepts a given learner number and refuses a duplicate with 409 on learnerNumber', async () => {
      await post(admin, learnerBody(ref.municipalities.Almelo, { learnerNumber: 'X-0001' })).expect(201);
      const dup = await post(admin, learnerBody(ref.municipalities.Almelo, { learnerNumber: 'X-0001' })).expect(409);
      expect(fields(dup.body)).toEqual(['learnerNumber']);
    });

    it('updates with the current version, bumps it, re-indexes the name and audits the changed fields', async () => {
      const created = (await post(coord, learnerBody(ref.municipalities.Hengelo, { firstName: 'Piet', lastName: 'Jansen' })).expect(201)).body;
      const bsn = randomBsn();
      const res = await patch(coord, created.id, { version: 1, lastName: 'Žák', email: null, bsn, intakeLevels: { reading: 'B1' } }).expect(200);
      expect(res.body).toMatchObject({ lastName: 'Žák', email: null, version: 2, intakeLevels: { reading: 'B1' }, bsnMasked: `*****${bsn.slice(-4)}` });
      expect(JSON.stringify(res.body)).not.toContain(bsn);
      const found = await get(coord, `?search=zak&municipalityId=${ref.municipalities.Hengelo}`).expect(200);
      expect(found.body.items.map((l: { id: string }) => l.id)).toContain(created.id);
      const audit = await t.http.get(`/api/v1/audit-events?entityType=learner&entityId=${created.id}&action=update`).set('Authorization', admin.auth).expect(200);
      expect(audit.body.items[0].fields.sort()).toEqual(['bsn', 'email', 'intakeLevels', 'lastName']);
      expect(JSON.stringify(audit.body)).not.toContain(bsn);

      await patch(coord, created.id, { version: 1, firstName: 'Oud' }).expect(409);
      const cleared = await patch(coord, created.id, { version: 2, bsn: null }).expect(200);
      expect(cleared.body).toMatchObject({ bsnMasked: null, version: 3 });
      await patch(coord, '00000000-0000-4000-8000-000000000000', { version: 1, firstName: 'X' }).expect(404);
    });
  });

  describe('bad input is a 400 naming the field', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['missing first name', { firstName: undefined }, 'firstName'],
      ['blank last name', { lastName: '   ' }, 'lastName'],
      ['wrong type', { dateOfBirth: 19880314 }, 'dateOfBirth'],
      ['impossible date', { dateOfBirth: '1988-02-30' }, 'dateOfBirth'],
      ['unknown field', { shoeSize: 44 }, 'shoeSize'],
      ['BSN failing the 11-test', { bsn: '123456789' }, 'bsn'],
      ['BSN of all zeros', { bsn: '000000000' }, 'bsn'],
      ['BSN too short', { bsn: '11122233' }, 'bsn'],
      ['BSN as a number', { bsn: 111222333 }, 'bsn'],
      ['bad CEFR level', { intakeLevels: { reading: 'B3' } }, 'intakeLevels.reading'],
      ['unknown skill', { intakeLevels: { knm: 'A1' } }, 'intakeLevels.knm'],
      ['intake levels not an object', { intakeLevels: 'A1' }, 'intakeLevels'],
      ['birth date in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      ['intake before birth', { dateOfBirth: '2000-01-01', intakeDate: '1999-12-31' }, 'intakeDate'],
      ['unknown municipality', { municipalityId: '00000000-0000-4000-8000-000000000000' }, 'municipalityId'],
      ['municipality not a uuid', { municipalityId: 'Enschede' }, 'municipalityId'],
      ['bad e-mail', { email: 'not-an-email' }, 'email'],
      ['bad postcode', { postalCode: '75111' }, 'postalCode'],
    ];
    it.each(cases)('%s', async (_why, over, field) => {
      const res = await post(coord, learnerBody(ref.municipalities.Enschede, over)).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res.body)).toContain(field);
    });

    it('on PATCH: missing version, null for a required field, future birth date', async () => {
      const l = (await post(coord, learnerBody(ref.municipalities.Enschede)).expect(201)).body;
      expect(new Set(fields((await patch(coord, l.id, { firstName: 'X' }).expect(400)).body))).toEqual(new Set(['version']));
      expect(fields((await patch(coord, l.id, { version: 1, firstName: null }).expect(400)).body)).toContain('firstName');
      expect(fields((await patch(coord, l.id, { version: 1, dateOfBirth: '2999-01-01' }).expect(400)).body)).toEqual(['dateOfBirth']);
      expect(fields((await patch(coord, l.id, { version: 1, intakeLevels: { speaking: 'D1' } }).expect(400)).body)).toEqual(['intakeLevels.speaking']);
      expect(fields((await get(coord, '/not-a-uuid').expect(400)).body)).toEqual(['id']);
    });
  });

  describe('search, paging and sort', () => {
    let mun: string;
    beforeAll(async () => {
      mun = ref.municipalities.Tubbergen;
      for (const [firstName, lastName] of [['Ayşe', 'Çelik'], ['Ольга', 'Петренко'], ['Olga', 'Smit'], ['Jan', 'de Vries'], ['Mehmet', 'Celikkaya']]) {
        await post(coord, learnerBody(mun, { firstName, lastName })).expect(201);
      }
    });
    const search = async (q: string) => names((await get(coord, `?municipalityId=${mun}&search=${encodeURIComponent(q)}`).expect(200)).body);

    it('ignores accents and case', async () => {
      expect(await search('celik')).toEqual(['Ayşe Çelik', 'Mehmet Celikkaya']);
      expect(await search('ÇELIK')).toEqual(['Ayşe Çelik', 'Mehmet Celikkaya']);
      expect(await search('ayse celik')).toEqual(['Ayşe Çelik']);
    });

    it('finds Cyrillic names by their Latin spelling and vice versa', async () => {
      expect(await search('olga')).toEqual(['Olga Smit', 'Ольга Петренко']);
      expect(await search('OLHA')).toEqual(['Ольга Петренко']);
      expect(await search('Ольга')).toEqual(['Ольга Петренко']);
      expect(await search('petrenko')).toEqual(['Ольга Петренко']);
    });

    it('matches the exact learner number, and treats LIKE wildcards literally', async () => {
      const all = (await get(coord, `?municipalityId=${mun}&pageSize=100`).expect(200)).body.items;
      const jan = all.find((l: { firstName: string }) => l.firstName === 'Jan');
      const res = await get(coord, `?search=${jan.learnerNumber}`).expect(200);
      expect(res.body.items.map((l: { id: string }) => l.id)).toEqual([jan.id]);
      expect(await search('%')).toEqual([]);
      expect(await search('_')).toEqual([]);
    });

    it('pages and sorts on the allowed fields only', async () => {
      const p = await get(coord, `?municipalityId=${mun}&sort=lastName&pageSize=2&page=2`).expect(200);
      expect(p.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(p.body.items).toHaveLength(2);
      for (const item of p.body.items) expect(item.municipality).toEqual({ id: mun, name: expect.any(String), cbsCode: expect.stringMatching(/^GM\d{4}$/) });
      const full = (await get(coord, `?municipalityId=${mun}&sort=lastName&pageSize=100`).expect(200)).body.items.map((l: { id: string }) => l.id);
      expect(p.body.items.map((l: { id: string }) => l.id)).toEqual(full.slice(2, 4));
      const byNumberDesc = (await get(coord, `?municipalityId=${mun}&sort=-learnerNumber`).expect(200)).body.items.map((l: { learnerNumber: string }) => l.learnerNumber);
      expect(byNumberDesc).toEqual([...byNumberDesc].sort().reverse());
      for (const s of ['firstName', '-dateOfBirth', 'intakeDate', '-createdAt']) await get(coord, `?sort=${s}`).expect(200);
      expect(fields((await get(coord, '?sort=bsn').expect(400)).body)).toEqual(['sort']);
      await get(coord, '?pageSize=101').expect(400);
      await get(coord, '?page=0').expect(400);
      expect(fields((await get(coord, '?municipalityId=nope').expect(400)).body)).toEqual(['municipalityId']);
    });
  });

  describe('scope', () => {
    let enschedeLearner: { id: string };
    let hengeloLearner: { id: string };
    beforeAll(async () => {
      enschedeLearner = await createLearner(t.db, ref.municipalities.Enschede);
      hengeloLearner = await createLearner(t.db, ref.municipalities.Hengelo);
    });

    it('a municipality user reads only its own municipality and writes nothing', async () => {
      const m = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
      await get(m, `/${enschedeLearner.id}`).expect(200);
      await get(m, `/${hengeloLearner.id}`).expect(404);
      const list = await get(m, '?pageSize=100').expect(200);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM learner WHERE municipality_id = $1`, [ref.municipalities.Enschede]);
      expect(list.body.total).toBe(n);
      expect(list.body.items.every((l: { municipalityId: string }) => l.municipalityId === ref.municipalities.Enschede)).toBe(true);
      expect((await get(m, `?municipalityId=${ref.municipalities.Hengelo}`).expect(200)).body.total).toBe(0);
      await post(m, learnerBody(ref.municipalities.Enschede)).expect(403);
      await patch(m, enschedeLearner.id, { version: 1, firstName: 'X' }).expect(403);
    });

    it('a municipality also reads learners living elsewhere whose trajectory it pays for', async () => {
      const oldenzaal = ref.municipalities.Oldenzaal;
      const contract = await createContract(t.db, oldenzaal, [ref.products['B1-ROUTE']]);
      const moved = await createLearner(t.db, ref.municipalities.Losser);
      const m = await createUser(t, 'municipality', { municipalityId: oldenzaal });
      await get(m, `/${moved.id}`).expect(404);
      await createTrajectory(t.db, { learnerId: moved.id, municipalityId: oldenzaal, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
      await get(m, `/${moved.id}`).expect(200);
      expect((await get(m, '?pageSize=100').expect(200)).body.items.map((l: { id: string }) => l.id)).toContain(moved.id);
      const losser = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Losser });
      await get(losser, `/${moved.id}`).expect(200);
    });

    it('a learner reads only itself', async () => {
      const self = await createLearner(t.db, ref.municipalities.Enschede);
      const u = await createUser(t, 'learner', { learnerId: self.id });
      expect((await get(u, `/${self.id}`).expect(200)).body.userId).toBe(u.id);
      await get(u, `/${enschedeLearner.id}`).expect(404);
      const list = await get(u).expect(200);
      expect(list.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: self.id })] });
      await patch(u, self.id, { version: 1, firstName: 'X' }).expect(403);
    });

    it("a teacher reads the learners of its own groups, current or past, and nobody else's", async () => {
      const teacher = await createUser(t, 'teacher');
      const other = await createUser(t, 'teacher');
      const product = ref.products['B1-ROUTE'] ?? Object.values(ref.products)[0];
      const contract = await createContract(t.db, ref.municipalities.Enschede, [product]);
      const group = await createGroup(t.db, product, { teacherIds: [teacher.id] });
      const otherGroup = await createGroup(t.db, product, { teacherIds: [other.id] });
      const mine = await createLearner(t.db, ref.municipalities.Enschede, { lastName: 'Mine' });
      const past = await createLearner(t.db, ref.municipalities.Enschede, { lastName: 'Past' });
      const theirs = await createLearner(t.db, ref.municipalities.Enschede, { lastName: 'Theirs' });
      const tr = async (learnerId: string) => createTrajectory(t.db, { learnerId, municipalityId: ref.municipalities.Enschede, contractId: contract.id, productId: product });
      await enrol(t.db, (await tr(mine.id)).id, group.id);
      await enrol(t.db, (await tr(past.id)).id, group.id, '2025-01-06', '2025-02-01');
      await enrol(t.db, (await tr(theirs.id)).id, otherGroup.id);

      await get(teacher, `/${mine.id}`).expect(200);
      await get(teacher, `/${past.id}`).expect(200);
      await get(teacher, `/${theirs.id}`).expect(404);
      await get(teacher, `/${enschedeLearner.id}`).expect(404);
      const list = await get(teacher, '?pageSize=100').expect(200);
      expect(list.body.items.map((l: { id: string }) => l.id).sort()).toEqual([mine.id, past.id].sort());
      await post(teacher, learnerBody(ref.municipalities.Enschede)).expect(403);
    });

    it('finance reads everyone but writes nothing', async () => {
      const f = await createUser(t, 'finance');
      await get(f, `/${hengeloLearner.id}`).expect(200);
      await post(f, learnerBody(ref.municipalities.Enschede)).expect(403);
    });
  });

  describe('BSN', () => {
    it('reveals the full BSN to admin and coordinator only, and audits every reveal', async () => {
      const bsn = randomBsn();
      const l = (await post(coord, learnerBody(ref.municipalities.Borne, { bsn })).expect(201)).body;
      const res = await t.http.post(`/api/v1/learners/${l.id}/bsn/reveal`).set('Authorization', coord.auth).expect(200);
      expect(res.body).toEqual({ bsn });
      expect(res.headers['cache-control']).toBe('no-store');
      await t.http.post(`/api/v1/learners/${l.id}/bsn/reveal`).set('Authorization', admin.auth).expect(200);
      for (const role of ['teacher', 'finance', 'municipality', 'learner'] as const) {
        const u = await createUser(t, role, { municipalityId: role === 'municipality' ? ref.municipalities.Borne : undefined, learnerId: role === 'learner' ? l.id : undefined });
        await t.http.post(`/api/v1/learners/${l.id}/bsn/reveal`).set('Authorization', u.auth).expect(403);
      }
      const audit = await t.http.get(`/api/v1/audit-events?entityType=learner&entityId=${l.id}&action=bsn.reveal`).set('Authorization', admin.auth).expect(200);
      expect(audit.body.items.map((e: { actorId: string }) => e.actorId).sort()).toEqual([coord.id, admin.id].sort());
      expect(audit.body.items[0].fields).toEqual(['bsn']);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_event a WHERE a::text LIKE '%' || $1 || '%'`, [bsn]);
      expect(n).toBe(0);

      const none = (await post(coord, learnerBody(ref.municipalities.Borne)).expect(201)).body;
      await t.http.post(`/api/v1/learners/${none.id}/bsn/reveal`).set('Authorization', coord.auth).expect(404);
      await t.http.post('/api/v1/learners/00000000-0000-4000-8000-000000000000/bsn/reveal').set('Authorization', coord.auth).expect(404);
    });

    it('looks a learner up by the BSN in the body', async () => {
      const bsn = randomBsn();
      const l = (await post(coord, learnerBody(ref.municipalities.Losser, { bsn })).expect(201)).body;
      const found = await t.http.post('/api/v1/learners/lookup-by-bsn').set('Authorization', coord.auth).send({ bsn }).expect(200);
      expect(found.body).toMatchObject({ id: l.id, bsnMasked: `*****${bsn.slice(-4)}` });
      expect(JSON.stringify(found.body)).not.toContain(bsn);
      let unknown = randomBsn();
      while (unknown === bsn) unknown = randomBsn();
      await t.http.post('/api/v1/learners/lookup-by-bsn').set('Authorization', admin.auth).send({ bsn: unknown }).expect(404);
      expect(fields((await t.http.post('/api/v1/learners/lookup-by-bsn').set('Authorization', coord.auth).send({ bsn: '123456789' }).expect(400)).body)).toEqual(['bsn']);
      const teacher = await createUser(t, 'teacher');
      await t.http.post('/api/v1/learners/lookup-by-bsn').set('Authorization', teacher.auth).send({ bsn }).expect(403);
      const audit = await t.http.get(`/api/v1/audit-events?action=bsn.lookup&entityId=${l.id}`).set('Authorization', admin.auth).expect(200);
      expect(audit.body.items).toHaveLength(1);
    });

    it('refuses a duplicate BSN with 409 on bsn, also on PATCH', async () => {
      const bsn = randomBsn();
      await post(coord, learnerBody(ref.municipalities.Oldenzaal, { bsn })).expect(201);
      expect(fields((await post(coord, learnerBody(ref.municipalities.Oldenzaal, { bsn })).expect(409)).body)).toEqual(['bsn']);
      const other = (await post(coord, learnerBody(ref.municipalities.Oldenzaal)).expect(201)).body;
      expect(fields((await patch(coord, other.id, { version: 1, bsn }).expect(409)).body)).toEqual(['bsn']);
    });

    it('never shows a full BSN in list or get responses, to any role', async () => {
      const bsns = [randomBsn(), randomBsn(), randomBsn()];
      const ids: string[] = [];
      for (const bsn of bsns) ids.push((await post(admin, learnerBody(ref.municipalities.Wierden, { bsn })).expect(201)).body.id);
      const m = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Wierden });
      const f = await createUser(t, 'finance');
      for (const u of [admin, coord, m, f]) {
        const bodies = [JSON.stringify((await get(u, '?pageSize=100').expect(200)).body)];
        for (const id of ids) bodies.push(JSON.stringify((await get(u, `/${id}`).expect(200)).body));
        for (const body of bodies) for (const bsn of bsns) expect(body).not.toContain(bsn);
      }
    });
  });

  it('documents the routes; the response schema has no BSN field', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(doc.paths['/api/v1/learners/lookup-by-bsn'].post).toBeDefined();
    expect(doc.paths['/api/v1/learners/{id}/bsn/reveal'].post).toBeDefined();
    expect(Object.keys(doc.components.schemas.LearnerViewDto.properties)).toEqual(expect.arrayContaining(['bsnMasked', 'intakeLevels']));
    expect(doc.components.schemas.LearnerViewDto.properties.bsn).toBeUndefined();
  });

  describe('concurrency', () => {
    it('two PATCHes on the same version: exactly one 409', async () => {
      const l = (await post(coord, learnerBody(ref.municipalities.Haaksbergen)).expect(201)).body;
      const results = await Promise.all([
        patch(coord, l.id, { version: 1, firstName: 'Eerste' }),
        patch(admin, l.id, { version: 1, firstName: 'Tweede' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.code).toBe('version_conflict');
      const now = (await get(coord, `/${l.id}`).expect(200)).body;
      expect(now.version).toBe(2);
      expect(now.firstName).toBe(results.find((r) => r.status === 200)!.body.firstName);
    });

    it('two creations with the same BSN: one 201, one 409, one learner', async () => {
      const bsn = randomBsn();
      const results = await Promise.all([
        post(coord, learnerBody(ref.municipalities.Hellendoorn, { bsn, firstName: 'Een' })),
        post(admin, learnerBody(ref.municipalities.Hellendoorn, { bsn, firstName: 'Twee' })),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(fields(results.find((r) => r.status === 409)!.body)).toEqual(['bsn']);
      const found = await t.http.post('/api/v1/learners/lookup-by-bsn').set('Authorization', coord.auth).send({ bsn }).expect(200);
      expect(found.body.id).toBe(results.find((r) => r.status === 201)!.body.id);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM learner WHERE bsn_last4 = $1 AND municipality_id = $2`, [bsn.slice(-4), ref.municipalities.Hellendoorn]);
      expect(n).toBe(1);
    });

    it('parallel creations without a number get distinct generated numbers', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => post(coord, learnerBody(ref.municipalities.Dinkelland))));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.learnerNumber)).size).toBe(5);
    });
  });
});
