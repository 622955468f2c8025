import { createContract, createGroup, createLesson } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const fields = (res: { body: { errors?: Array<{ field: string }> } }) => [...new Set((res.body.errors ?? []).map((e) => e.field))];

/** Adversarial input on groups and lessons. */
describe('groups and lessons: hostile input (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coord: TestUser;
  let productId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coord = await createUser(t, 'coordinator');
    productId = ref.products['B1-ROUTE'];
    await createContract(t.db, ref.municipalities.Enschede, [productId]);
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    code: `HG-${++seq}`,
    name: 'Groep',
    location: 'Enschede',
    productId,
    capacity: 10,
    startDate: '2025-01-06',
    ...over,
  });
  const post = (url: string, b: unknown) => t.http.post(`/api/v1${url}`).set('Authorization', coord.auth).send(b as object);
  const patch = (url: string, b: unknown) => t.http.patch(`/api/v1${url}`).set('Authorization', coord.auth).send(b as object);

  it('refuses null for required fields in a PATCH with a 400 naming the field (was a 500), changing nothing', async () => {
    const g = (await post('/groups', body()).expect(201)).body;
    for (const field of ['code', 'name', 'location', 'productId', 'capacity', 'startDate']) {
      const res = await patch(`/groups/${g.id}`, { version: 1, [field]: null }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res)).toEqual([field]);
    }
    const after = await t.http.get(`/api/v1/groups/${g.id}`).set('Authorization', coord.auth).expect(200);
    expect(after.body).toMatchObject({ code: g.code, name: 'Groep', version: 1 });
    // endDate and municipalityId may still be cleared with null
    await patch(`/groups/${g.id}`, { version: 1, endDate: null, municipalityId: null }).expect(200);
  });

  it('refuses blank or control-character names and locations, and dates far outside any course period', async () => {
    expect(fields(await post('/groups', body({ name: '   ' })).expect(400))).toEqual(['name']);
    expect(fields(await post('/groups', body({ location: 'a\u0000' })).expect(400))).toEqual(['location']);
    expect(fields(await post('/groups', body({ startDate: '9999-12-31' })).expect(400))).toEqual(['startDate']);
    expect(fields(await t.http.get('/api/v1/groups?search=%00').set('Authorization', coord.auth).expect(400))).toEqual(['search']);
  });

  it('refuses a whitespace-only cancel reason and keeps the lesson as it was', async () => {
    const group = await createGroup(t.db, productId, { municipalityId: ref.municipalities.Enschede });
    const lesson = await createLesson(t.db, group.id);
    expect(fields(await post(`/lessons/${lesson.id}/cancel`, { reason: '   ' }).expect(400))).toEqual(['reason']);
    const after = await t.http.get(`/api/v1/lessons/${lesson.id}`).set('Authorization', coord.auth).expect(200);
    expect(after.body.cancelled).toBe(false);
    const ok = await post(`/lessons/${lesson.id}/cancel`, { reason: '  Docent ziek ' }).expect(200);
    expect(ok.body).toMatchObject({ cancelled: true, cancelReason: 'Docent ziek' });
  });
});
