import { createContract, createLearner, createTrajectory } from './factories/records.factory';
import { learnerBody } from './factories/learner-api.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const fields = (res: { body: { errors?: Array<{ field: string }> } }) => [...new Set((res.body.errors ?? []).map((e) => e.field))];

/** Adversarial input on learners and trajectories: every bad value is a 4xx naming the field, never a 500. */
describe('learners and trajectories: hostile input (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coord: TestUser;
  let contractId: string;
  let productId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coord = await createUser(t, 'coordinator');
    productId = ref.products['B1-ROUTE'];
    contractId = (await createContract(t.db, ref.municipalities.Enschede, [productId], { validFrom: '2024-01-01', validTo: '2027-12-31' })).id;
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown) => t.http.post(`/api/v1${url}`).set('Authorization', coord.auth).send(body as object);
  const patch = (url: string, body: unknown) => t.http.patch(`/api/v1${url}`).set('Authorization', coord.auth).send(body as object);
  const get = (url: string) => t.http.get(`/api/v1${url}`).set('Authorization', coord.auth);

  it('refuses a NUL or control character in a name or search with a 400 naming the field (was a 500)', async () => {
    const res = await post('/learners', learnerBody(ref.municipalities.Enschede, { firstName: 'An\u0000na' })).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fields(res)).toEqual(['firstName']);
    expect(fields(await get('/learners?search=a%00b').expect(400))).toEqual(['search']);
    expect(fields(await get('/trajectories?search=%00').expect(400))).toEqual(['search']);
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    expect(fields(await patch(`/learners/${learner.id}`, { version: 1, lastName: 'x\u0000' }).expect(400))).toEqual(['lastName']);
    // names in any script still pass
    await post('/learners', learnerBody(ref.municipalities.Enschede, { firstName: 'Ольга 😀', lastName: 'عبد الله' })).expect(201);
  });

  it('stores blank optional contact fields as null, not as spaces', async () => {
    const res = await post('/learners', learnerBody(ref.municipalities.Enschede, { street: '   ', city: '' })).expect(201);
    expect(res.body).toMatchObject({ street: null, city: null });
    const upd = await patch(`/learners/${res.body.id}`, { version: 1, countryOfOrigin: '  ' }).expect(200);
    expect(upd.body.countryOfOrigin).toBeNull();
  });

  it('refuses an intake date years ahead', async () => {
    expect(fields(await post('/learners', learnerBody(ref.municipalities.Enschede, { intakeDate: '9999-12-31' })).expect(400))).toEqual(['intakeDate']);
  });

  it('refuses a huge page number with a 400 naming page (was a 400 without a field)', async () => {
    expect(fields(await get('/learners?page=9999999999999999999').expect(400))).toEqual(['page']);
    expect(fields(await get('/trajectories?page=1e21').expect(400))).toEqual(['page']);
    const far = await get('/learners?page=99999').expect(200);
    expect(far.body).toMatchObject({ items: [], page: 99999 });
  });

  it('refuses a NUL in a trajectory plan, naming the nested field (was a 500), and saves nothing', async () => {
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    const body = { learnerId: learner.id, municipalityId: ref.municipalities.Enschede, contractId, productId, startDate: '2025-03-03' };
    const res = await post('/trajectories', { ...body, plan: { agreements: 'a\u0000b', goals: { work: 'ok' } } }).expect(400);
    expect(fields(res)).toEqual(['plan.agreements']);
    expect((await get(`/trajectories?learnerId=${learner.id}`).expect(200)).body.total).toBe(0);
  });

  it('refuses a planned end date decades away', async () => {
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    const body = { learnerId: learner.id, municipalityId: ref.municipalities.Enschede, contractId, productId, startDate: '2025-03-03', plannedEndDate: '9999-12-31' };
    expect(fields(await post('/trajectories', body).expect(400))).toEqual(['plannedEndDate']);
  });

  it('keeps a changed start date inside the contract period, as on create (PATCH used to accept any date)', async () => {
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    const tr = await createTrajectory(t.db, { learnerId: learner.id, municipalityId: ref.municipalities.Enschede, contractId, productId, status: 'planned', startDate: '2025-03-03' });
    const res = await patch(`/trajectories/${tr.id}`, { version: 1, startDate: '2023-06-01' }).expect(400);
    expect(fields(res)).toEqual(['startDate']);
    const after = await get(`/trajectories/${tr.id}`).expect(200);
    expect(after.body).toMatchObject({ startDate: '2025-03-03', version: 1 });
    await patch(`/trajectories/${tr.id}`, { version: 1, startDate: '2025-04-01' }).expect(200);
  });
});
