import { createContract, createLearner, createTrajectory } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

type FieldErr = { field: string; message: string };
const fieldsOf = (body: { errors?: FieldErr[] }) => (body.errors ?? []).map((e) => e.field);

describe('products and contracts (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let admin: TestUser;
  let finance: TestUser;
  let coordinator: TestUser;
  let teacher: TestUser;
  let enschede: TestUser;
  let seq = 0;

  const product = (over: Record<string, unknown> = {}) => ({
    code: `P-${++seq}`,
    name: 'Testroute',
    contractedHours: 600,
    plannedDurationWeeks: 40,
    defaultTargets: { reading: 'A2', speaking: 'A2', knm: 'pass' },
    requiredDomains: ['work', 'housing'],
    ...over,
  });

  const contract = (over: Record<string, unknown> = {}) => ({
    municipalityId: ref.municipalities.Enschede,
    reference: `ENS-${++seq}`,
    name: 'Inburgering Enschede',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    spilTargets: { dropout_rate: 0.15, attendance_rate: 0.85 },
    products: [
      {
        productId: ref.products['B1-ROUTE'],
        billingBasis: 'per_trajectory',
        priceCents: 1_250_000,
        milestones: [{ kind: 'completion', percent: 30 }, { kind: 'start', percent: 30 }, { kind: 'halfway', percent: 40 }],
        examBonusCents: 25_000,
        dropoutRule: 'pro_rata_hours',
      },
      { productId: ref.products['Z-ROUTE'], billingBasis: 'per_attended_hour', hourlyRateCents: 4_550 },
    ],
    ...over,
  });

  const postContract = (body: object, who: TestUser = finance) => t.http.post('/api/v1/contracts').set('Authorization', who.auth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    admin = await createUser(t, 'admin');
    finance = await createUser(t, 'finance');
    coordinator = await createUser(t, 'coordinator');
    teacher = await createUser(t, 'teacher');
    enschede = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
  });
  afterAll(() => t.close());

  describe('products', () => {
    it('lists products for every role with paging, sort, search and the active filter', async () => {
      const learner = await createLearner(t.db, ref.municipalities.Enschede);
      const learnerUser = await createUser(t, 'learner', { learnerId: learner.id });
      for (const u of [admin, coordinator, teacher, finance, enschede, learnerUser]) {
        const res = await t.http.get('/api/v1/products?sort=code').set('Authorization', u.auth).expect(200);
        expect(res.body.items.map((p: { code: string }) => p.code)).toEqual(['ALFA', 'B1-ROUTE', 'ONDERWIJSROUTE', 'Z-ROUTE']);
      }
      const page = await t.http.get('/api/v1/products?sort=-name&pageSize=2&page=2').set('Authorization', teacher.auth).expect(200);
      expect(page.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(page.body.items.map((p: { name: string }) => p.name)).toEqual(['B1-route', 'Alfabetisering']);
      const search = await t.http.get('/api/v1/products?search=onderwijs').set('Authorization', teacher.auth).expect(200);
      expect(search.body.items.map((p: { code: string }) => p.code)).toEqual(['ONDERWIJSROUTE']);
      await t.http.get('/api/v1/products?sort=price').set('Authorization', teacher.auth).expect(400);
      await t.http.get('/api/v1/products?active=maybe').set('Authorization', teacher.auth).expect(400);
      await t.http.get('/api/v1/products').expect(401);
      const one = await t.http.get(`/api/v1/products/${ref.products['Z-ROUTE']}`).set('Authorization', learnerUser.auth).expect(200);
      expect(one.body).toMatchObject({ code: 'Z-ROUTE', participationNorm: true, contractedHours: 1600 });
      await t.http.get('/api/v1/products/00000000-0000-4000-8000-000000000000').set('Authorization', admin.auth).expect(404);
    });

    it('creates and changes a product (admin) with audit, filters inactive ones, refuses a duplicate code with 409', async () => {
      const created = await t.http.post('/api/v1/products').set('Authorization', admin.auth).send(product({ code: 'taal-kort' })).expect(201);
      expect(created.body).toMatchObject({ code: 'TAAL-KORT', legalRegime: 'wi2021', active: true, requiredDomains: ['work', 'housing'] });
      const changed = await t.http.patch(`/api/v1/products/${created.body.id}`).set('Authorization', admin.auth).send({ active: false, contractedHours: 650 }).expect(200);
      expect(changed.body).toMatchObject({ active: false, contractedHours: 650, name: 'Testroute' });
      const inactive = await t.http.get('/api/v1/products?active=false').set('Authorization', admin.auth).expect(200);
      expect(inactive.body.items.map((p: { code: string }) => p.code)).toEqual(['TAAL-KORT']);
      const active = await t.http.get('/api/v1/products?active=true').set('Authorization', admin.auth).expect(200);
      expect(active.body.total).toBe(4);

      const dup = await t.http.post('/api/v1/products').set('Authorization', admin.auth).send(product({ code: 'b1-route' })).expect(409);
      expect(dup.body.errors).toEqual([{ field: 'code', message: 'is already in use' }]);
      const dupPatch = await t.http.patch(`/api/v1/products/${created.body.id}`).set('Authorization', admin.auth).send({ code: 'ALFA' }).expect(409);
      expect(fieldsOf(dupPatch.body)).toEqual(['code']);

      const audit = await t.http.get(`/api/v1/audit-events?entityType=product&entityId=${created.body.id}`).set('Authorization', admin.auth).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
      const update = audit.body.items.find((e: { action: string }) => e.action === 'update');
      expect(update).toMatchObject({ actorId: admin.id, fields: expect.arrayContaining(['active', 'contractedHours']) });
    });

    it('refuses product writes by other roles with 403', async () => {
      for (const u of [finance, coordinator, teacher, enschede]) {
        await t.http.post('/api/v1/products').set('Authorization', u.auth).send(product()).expect(403);
        await t.http.patch(`/api/v1/products/${ref.products.ALFA}`).set('Authorization', u.auth).send({ name: 'X' }).expect(403);
      }
    });

    it.each([
      ['missing contractedHours', { contractedHours: undefined }, 'contractedHours'],
      ['zero contractedHours', { contractedHours: 0 }, 'contractedHours'],
      ['fractional hours', { contractedHours: 10.5 }, 'contractedHours'],
      ['zero duration', { plannedDurationWeeks: 0 }, 'plannedDurationWeeks'],
      ['wrong type name', { name: 42 }, 'name'],
      ['unknown field', { colour: 'red' }, 'colour'],
      ['bad CEFR level', { defaultTargets: { reading: 'B3' } }, 'defaultTargets.reading'],
      ['pass/fail skill with a level', { defaultTargets: { knm: 'B1' } }, 'defaultTargets.knm'],
      ['unknown skill', { defaultTargets: { cooking: 'A1' } }, 'defaultTargets.cooking'],
      ['unknown domain', { requiredDomains: ['work', 'gardening'] }, 'requiredDomains'],
      ['bad legal regime', { legalRegime: 'wi2030' }, 'legalRegime'],
      ['null legal regime', { legalRegime: null }, 'legalRegime'],
    ])('refuses a product with %s (400 naming %s)', async (_name, over, field) => {
      const res = await t.http.post('/api/v1/products').set('Authorization', admin.auth).send(product(over)).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
    });

    it('validates default targets on PATCH too', async () => {
      const res = await t.http.patch(`/api/v1/products/${ref.products.ALFA}`).set('Authorization', admin.auth).send({ defaultTargets: { ona: 'fail' } }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['defaultTargets.ona']);
      const nullName = await t.http.patch(`/api/v1/products/${ref.products.ALFA}`).set('Authorization', admin.auth).send({ name: null }).expect(400);
      expect(fieldsOf(nullName.body)).toEqual(['name']);
    });
  });

  describe('contracts', () => {
    it('creates a contract with products (finance) and reads it back with prices and defaults', async () => {
      const res = await postContract(contract({ reference: 'ENS-2025' })).expect(201);
      expect(res.body).toMatchObject({
        municipalityId: ref.municipalities.Enschede,
        municipalityName: 'Enschede',
        reference: 'ENS-2025',
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
        vatRateBasisPoints: 0,
        r1ConsecutiveLessons: 3,
        r2WindowDays: 28,
        r2UnauthorisedMinutes: 960,
        spilTargets: { dropout_rate: 0.15, attendance_rate: 0.85 },
        version: 1,
      });
      const got = await t.http.get(`/api/v1/contracts/${res.body.id}`).set('Authorization', coordinator.auth).expect(200);
      expect(got.body.products).toEqual([
        {
          id: expect.any(String),
          productId: ref.products['B1-ROUTE'],
          productCode: 'B1-ROUTE',
          productName: 'B1-route',
          billingBasis: 'per_trajectory',
          priceCents: 1_250_000,
          hourlyRateCents: 0,
          milestones: [{ kind: 'start', percent: 30 }, { kind: 'halfway', percent: 40 }, { kind: 'completion', percent: 30 }],
          examBonusCents: 25_000,
          dropoutRule: 'pro_rata_hours',
        },
        {
          id: expect.any(String),
          productId: ref.products['Z-ROUTE'],
          productCode: 'Z-ROUTE',
          productName: 'Z-route',
          billingBasis: 'per_attended_hour',
          priceCents: 0,
          hourlyRateCents: 4_550,
          milestones: [],
          examBonusCents: 0,
          dropoutRule: 'none',
        },
      ]);
      const byAdmin = await postContract(contract({ validTo: null, vatRateBasisPoints: 2100, r1ConsecutiveLessons: 4, products: [] }), admin).expect(201);
      expect(byAdmin.body).toMatchObject({ validTo: null, vatRateBasisPoints: 2100, r1ConsecutiveLessons: 4, products: [] });
    });

    it('writes an audit event naming the fields, never the values', async () => {
      const res = await postContract(contract()).expect(201);
      await t.http.patch(`/api/v1/contracts/${res.body.id}`).set('Authorization', finance.auth).send({ version: 1, name: 'Nieuw' }).expect(200);
      const audit = await t.http.get(`/api/v1/audit-events?entityType=contract&entityId=${res.body.id}`).set('Authorization', admin.auth).expect(200);
      const byAction = Object.fromEntries(audit.body.items.map((e: { action: string }) => [e.action, e]));
      expect(byAction.create).toMatchObject({ actorId: finance.id, fields: expect.arrayContaining(['reference', 'products', 'spilTargets']) });
      expect(byAction.update).toMatchObject({ actorId: finance.id, fields: ['name'] });
    });

    it.each([
      ['missing name', { name: undefined }, 'name'],
      ['missing municipalityId', { municipalityId: undefined }, 'municipalityId'],
      ['wrong type vat', { vatRateBasisPoints: '21' }, 'vatRateBasisPoints'],
      ['vat above 100%', { vatRateBasisPoints: 10001 }, 'vatRateBasisPoints'],
      ['unknown field', { discount: 5 }, 'discount'],
      ['bad date', { validFrom: '2025-02-30' }, 'validFrom'],
      ['date-time instead of date', { validFrom: '2025-01-01T00:00:00Z' }, 'validFrom'],
      ['validTo before validFrom', { validTo: '2024-12-31' }, 'validTo'],
      ['unknown SPIL indicator', { spilTargets: { happiness: 0.5 } }, 'spilTargets.happiness'],
      ['SPIL rate above 1', { spilTargets: { rendement: 1.5 } }, 'spilTargets.rendement'],
      ['unknown municipality', { municipalityId: '00000000-0000-4000-8000-000000000000' }, 'municipalityId'],
      ['zero R1 threshold', { r1ConsecutiveLessons: 0 }, 'r1ConsecutiveLessons'],
      ['products not an array', { products: 'all' }, 'products'],
    ])('refuses a contract with %s (400 naming %s)', async (_name, over, field) => {
      const res = await postContract(contract(over)).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
    });

    const cp = (over: Record<string, unknown>) => contract({
      products: [{ productId: ref.products['B1-ROUTE'], billingBasis: 'per_trajectory', priceCents: 100_000, milestones: [{ kind: 'completion', percent: 100 }], ...over }],
    });

    it.each([
      ['milestones not summing to 100', { milestones: [{ kind: 'start', percent: 40 }, { kind: 'completion', percent: 50 }] }, 'products[0].milestones'],
      ['no completion milestone', { milestones: [{ kind: 'start', percent: 50 }, { kind: 'halfway', percent: 50 }] }, 'products[0].milestones'],
      ['a milestone kind twice', { milestones: [{ kind: 'start', percent: 50 }, { kind: 'start', percent: 20 }, { kind: 'completion', percent: 30 }] }, 'products[0].milestones'],
      ['no milestones', { milestones: undefined }, 'products[0].milestones'],
      ['a fractional percent', { milestones: [{ kind: 'start', percent: 49.5 }, { kind: 'completion', percent: 50.5 }] }, 'products[0].milestones[0].percent'],
      ['unknown milestone kind', { milestones: [{ kind: 'exam', percent: 10 }, { kind: 'completion', percent: 90 }] }, 'products[0].milestones[0].kind'],
      ['non-integer price', { priceCents: 1000.5 }, 'products[0].priceCents'],
      ['price as string', { priceCents: '1000' }, 'products[0].priceCents'],
      ['negative exam bonus', { examBonusCents: -1 }, 'products[0].examBonusCents'],
      ['missing price', { priceCents: undefined }, 'products[0].priceCents'],
      ['unknown billing basis', { billingBasis: 'per_month' }, 'products[0].billingBasis'],
      ['unknown dropout rule', { dropoutRule: 'always' }, 'products[0].dropoutRule'],
      ['unknown product field', { colour: 'red' }, 'products[0].colour'],
      ['unknown product', { productId: '00000000-0000-4000-8000-000000000000' }, 'products[0].productId'],
      ['hourly without a rate', { billingBasis: 'per_attended_hour', priceCents: undefined, milestones: undefined }, 'products[0].hourlyRateCents'],
      ['non-integer hourly rate', { billingBasis: 'per_attended_hour', priceCents: undefined, milestones: undefined, hourlyRateCents: 45.5 }, 'products[0].hourlyRateCents'],
    ])('refuses a contract product with %s (400 naming %s)', async (_name, over, field) => {
      const res = await postContract(cp(over)).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    });

    it('refuses the same product twice in one contract (400) and a duplicate reference (409)', async () => {
      const p = { productId: ref.products.ALFA, billingBasis: 'per_attended_hour', hourlyRateCents: 100 };
      const twice = await postContract(contract({ products: [p, p] })).expect(400);
      expect(fieldsOf(twice.body)).toEqual(['products[1].productId']);
      await postContract(contract({ reference: 'DUP-1' })).expect(201);
      const dup = await postContract(contract({ reference: 'DUP-1' })).expect(409);
      expect(dup.body.errors).toEqual([{ field: 'reference', message: 'is already in use' }]);
      const other = await postContract(contract({ reference: 'DUP-2' })).expect(201);
      const dupPatch = await t.http.patch(`/api/v1/contracts/${other.body.id}`).set('Authorization', finance.auth).send({ version: 1, reference: 'DUP-1' }).expect(409);
      expect(fieldsOf(dupPatch.body)).toEqual(['reference']);
    });

    it('patches with a version check, replacing products when given', async () => {
      const c = await postContract(contract()).expect(201);
      const b1Row = c.body.products.find((p: { productCode: string }) => p.productCode === 'B1-ROUTE');
      const res = await t.http
        .patch(`/api/v1/contracts/${c.body.id}`)
        .set('Authorization', finance.auth)
        .send({
          version: 1,
          validTo: null,
          r2UnauthorisedMinutes: 720,
          products: [{ productId: ref.products['B1-ROUTE'], billingBasis: 'per_trajectory', priceCents: 900_000, milestones: [{ kind: 'completion', percent: 100 }] }],
        })
        .expect(200);
      expect(res.body).toMatchObject({ version: 2, validTo: null, r2UnauthorisedMinutes: 720, name: 'Inburgering Enschede' });
      expect(res.body.products).toHaveLength(1);
      expect(res.body.products[0]).toMatchObject({ id: b1Row.id, priceCents: 900_000, milestones: [{ kind: 'completion', percent: 100 }], dropoutRule: 'none' });

      const noProducts = await t.http.patch(`/api/v1/contracts/${c.body.id}`).set('Authorization', admin.auth).send({ version: 2, name: 'Alleen naam' }).expect(200);
      expect(noProducts.body).toMatchObject({ version: 3, name: 'Alleen naam' });
      expect(noProducts.body.products).toHaveLength(1);

      const stale = await t.http.patch(`/api/v1/contracts/${c.body.id}`).set('Authorization', finance.auth).send({ version: 2, name: 'Te laat' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', errors: [{ field: 'version', message: expect.any(String) }] });

      const period = await t.http.patch(`/api/v1/contracts/${c.body.id}`).set('Authorization', finance.auth).send({ version: 3, validTo: '2024-06-30' }).expect(400);
      expect(fieldsOf(period.body)).toEqual(['validTo']);
      const after = await t.http.get(`/api/v1/contracts/${c.body.id}`).set('Authorization', finance.auth).expect(200);
      expect(after.body).toMatchObject({ version: 3, validTo: null });

      const nulls = await t.http.patch(`/api/v1/contracts/${c.body.id}`).set('Authorization', finance.auth).send({ version: 3, name: null, spilTargets: null }).expect(400);
      expect(fieldsOf(nulls.body).sort()).toEqual(['name', 'spilTargets']);
      const noVersion = await t.http.patch(`/api/v1/contracts/${c.body.id}`).set('Authorization', finance.auth).send({ name: 'X' }).expect(400);
      expect(fieldsOf(noVersion.body)).toContain('version');
      const moveMunicipality = await t.http.patch(`/api/v1/contracts/${c.body.id}`).set('Authorization', finance.auth).send({ version: 3, municipalityId: ref.municipalities.Hengelo }).expect(400);
      expect(fieldsOf(moveMunicipality.body)).toContain('municipalityId');
      const badMilestones = await t.http
        .patch(`/api/v1/contracts/${c.body.id}`)
        .set('Authorization', finance.auth)
        .send({ version: 3, products: [{ productId: ref.products.ALFA, billingBasis: 'per_trajectory', priceCents: 1, milestones: [{ kind: 'completion', percent: 90 }] }] })
        .expect(400);
      expect(fieldsOf(badMilestones.body)).toEqual(['products[0].milestones']);
      await t.http.patch('/api/v1/contracts/00000000-0000-4000-8000-000000000000').set('Authorization', finance.auth).send({ version: 1, name: 'X' }).expect(404);
    });

    it('of two concurrent PATCHes on the same version exactly one wins', async () => {
      const c = await postContract(contract()).expect(201);
      const send = (name: string) =>
        t.http.patch(`/api/v1/contracts/${c.body.id}`).set('Authorization', finance.auth).send({
          version: 1,
          name,
          products: [{ productId: ref.products.ALFA, billingBasis: 'per_attended_hour', hourlyRateCents: 5000 }],
        });
      const results = await Promise.all([send('A'), send('B')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const after = await t.http.get(`/api/v1/contracts/${c.body.id}`).set('Authorization', finance.auth).expect(200);
      expect(after.body.version).toBe(2);
      expect(after.body.products.map((p: { productCode: string }) => p.productCode)).toEqual(['ALFA']);
    });

    it('refuses to drop a product that trajectories under the contract use (422)', async () => {
      const c = await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE'], ref.products.ALFA]);
      const learner = await createLearner(t.db, ref.municipalities.Enschede);
      await createTrajectory(t.db, { learnerId: learner.id, municipalityId: ref.municipalities.Enschede, contractId: c.id, productId: ref.products['B1-ROUTE'] });
      const res = await t.http
        .patch(`/api/v1/contracts/${c.id}`)
        .set('Authorization', finance.auth)
        .send({ version: 1, products: [{ productId: ref.products.ALFA, billingBasis: 'per_attended_hour', hourlyRateCents: 5000 }] })
        .expect(422);
      expect(fieldsOf(res.body)).toEqual(['products']);
    });

    it('lists contracts with paging, sort and the municipality and activeOn filters', async () => {
      const hengelo = ref.municipalities.Hengelo;
      await postContract(contract({ municipalityId: hengelo, reference: 'HGL-A', name: 'B', validFrom: '2023-01-01', validTo: '2023-12-31', products: [] })).expect(201);
      await postContract(contract({ municipalityId: hengelo, reference: 'HGL-B', name: 'A', validFrom: '2024-01-01', validTo: null, products: [] })).expect(201);
      await postContract(contract({ municipalityId: hengelo, reference: 'HGL-C', name: 'C', validFrom: '2025-01-01', validTo: '2025-06-30', products: [] })).expect(201);
      const all = await t.http.get(`/api/v1/contracts?municipalityId=${hengelo}`).set('Authorization', coordinator.auth).expect(200);
      expect(all.body.total).toBe(3);
      expect(all.body.items.map((c: { reference: string }) => c.reference)).toEqual(['HGL-C', 'HGL-B', 'HGL-A']);
      const byName = await t.http.get(`/api/v1/contracts?municipalityId=${hengelo}&sort=name&pageSize=2`).set('Authorization', coordinator.auth).expect(200);
      expect(byName.body).toMatchObject({ total: 3, pageSize: 2 });
      expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['A', 'B']);
      const byRef = await t.http.get(`/api/v1/contracts?municipalityId=${hengelo}&sort=reference`).set('Authorization', finance.auth).expect(200);
      expect(byRef.body.items.map((c: { reference: string }) => c.reference)).toEqual(['HGL-A', 'HGL-B', 'HGL-C']);
      const on = await t.http.get(`/api/v1/contracts?municipalityId=${hengelo}&activeOn=2025-03-01&sort=validFrom`).set('Authorization', finance.auth).expect(200);
      expect(on.body.items.map((c: { reference: string }) => c.reference)).toEqual(['HGL-B', 'HGL-C']);
      const onEdge = await t.http.get(`/api/v1/contracts?municipalityId=${hengelo}&activeOn=2023-12-31`).set('Authorization', finance.auth).expect(200);
      expect(onEdge.body.items.map((c: { reference: string }) => c.reference)).toEqual(['HGL-A']);
      await t.http.get('/api/v1/contracts?activeOn=2025-13-01').set('Authorization', finance.auth).expect(400);
      await t.http.get('/api/v1/contracts?sort=price').set('Authorization', finance.auth).expect(400);
      await t.http.get('/api/v1/contracts?municipalityId=nope').set('Authorization', finance.auth).expect(400);
    });

    it('scopes contracts: municipality reads only its own, teacher and learner get 403, only finance and admin write', async () => {
      const own = await postContract(contract({ municipalityId: ref.municipalities.Enschede, products: [] })).expect(201);
      const other = await postContract(contract({ municipalityId: ref.municipalities.Almelo, products: [] })).expect(201);
      const list = await t.http.get('/api/v1/contracts?pageSize=100').set('Authorization', enschede.auth).expect(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((c: { municipalityId: string }) => c.municipalityId === ref.municipalities.Enschede)).toBe(true);
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(other.body.id);
      const filtered = await t.http.get(`/api/v1/contracts?municipalityId=${ref.municipalities.Almelo}`).set('Authorization', enschede.auth).expect(200);
      expect(filtered.body).toMatchObject({ total: 0, items: [] });
      await t.http.get(`/api/v1/contracts/${own.body.id}`).set('Authorization', enschede.auth).expect(200);
      await t.http.get(`/api/v1/contracts/${other.body.id}`).set('Authorization', enschede.auth).expect(404);

      const coord = await t.http.get(`/api/v1/contracts/${other.body.id}`).set('Authorization', coordinator.auth).expect(200);
      expect(coord.body.municipalityName).toBe('Almelo');
      const coordList = await t.http.get('/api/v1/contracts?pageSize=100').set('Authorization', coordinator.auth).expect(200);
      expect(coordList.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([own.body.id, other.body.id]));

      const learner = await createLearner(t.db, ref.municipalities.Enschede);
      const learnerUser = await createUser(t, 'learner', { learnerId: learner.id });
      for (const u of [teacher, learnerUser]) {
        await t.http.get('/api/v1/contracts').set('Authorization', u.auth).expect(403);
        await t.http.get(`/api/v1/contracts/${own.body.id}`).set('Authorization', u.auth).expect(403);
      }
      for (const u of [coordinator, teacher, enschede, learnerUser]) {
        await postContract(contract(), u).expect(403);
        await t.http.patch(`/api/v1/contracts/${own.body.id}`).set('Authorization', u.auth).send({ version: 1, name: 'X' }).expect(403);
      }
      await t.http.get('/api/v1/contracts').expect(401);
    });

    it('documents the routes in OpenAPI', async () => {
      const doc = await t.http.get('/api/docs-json').expect(200);
      expect(doc.body.paths['/api/v1/contracts/{id}'].patch).toBeDefined();
      expect(doc.body.paths['/api/v1/products'].post).toBeDefined();
      expect(doc.body.components.schemas.ContractProductDto.properties.milestones).toBeDefined();
    });
  });
});
