import { createLearner } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const fields = (res: { body: { errors?: Array<{ field: string }> } }) => [...new Set((res.body.errors ?? []).map((e) => e.field))];

/** Adversarial input on users, municipalities, reference-data search and the audit log (admin). */
describe('users, municipalities, audit: hostile input (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const as = (method: 'get' | 'post' | 'patch', url: string, body?: object) => {
    const r = t.http[method](`/api/v1${url}`).set('Authorization', admin.auth);
    return body ? r.send(body) : r;
  };

  it('never moves a learner login to a new user: a second login for the same learner is a 409 on learnerId', async () => {
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    const first = await createUser(t, 'learner', { learnerId: learner.id });
    const res = await as('post', '/users', { email: 'second@test.koers', displayName: 'Tweede', password: 'long-enough-pw', role: 'learner', learnerId: learner.id }).expect(409);
    expect(fields(res)).toEqual(['learnerId']);
    const row = await t.db.query(`SELECT user_id FROM learner WHERE id = $1`, [learner.id]);
    expect(row[0].user_id).toBe(first.id);
    expect(await t.db.query(`SELECT 1 FROM app_user WHERE email = 'second@test.koers'`)).toHaveLength(0);
  });

  it('refuses null in a user PATCH with a 400 naming the field (was a 500)', async () => {
    const u = await createUser(t, 'teacher');
    for (const field of ['displayName', 'password', 'active']) {
      expect(fields(await as('patch', `/users/${u.id}`, { [field]: null }).expect(400))).toEqual([field]);
    }
    expect(fields(await as('patch', `/users/${u.id}`, { displayName: '   ' }).expect(400))).toEqual(['displayName']);
  });

  it('treats % and _ in the user search as plain characters', async () => {
    await createUser(t, 'finance', { email: 'plain@test.koers' });
    expect((await as('get', '/users?search=%25').expect(200)).body.total).toBe(0);
    expect((await as('get', '/users?search=_').expect(200)).body.total).toBe(0);
    expect((await as('get', '/users?search=plain').expect(200)).body.total).toBe(1);
  });

  it('answers an empty or null municipality PATCH sensibly (both were a 500)', async () => {
    const id = ref.municipalities.Enschede;
    const same = await as('patch', `/municipalities/${id}`, {}).expect(200);
    expect(same.body).toMatchObject({ name: 'Enschede', cbsCode: 'GM0153' });
    await as('patch', '/municipalities/00000000-0000-4000-8000-000000000000', {}).expect(404);
    expect(fields(await as('patch', `/municipalities/${id}`, { name: null }).expect(400))).toEqual(['name']);
    expect(fields(await as('patch', `/municipalities/${id}`, { cbsCode: null }).expect(400))).toEqual(['cbsCode']);
    expect(fields(await as('post', '/municipalities', { cbsCode: 'GM9998', name: '  ' }).expect(400))).toEqual(['name']);
    expect((await as('get', `/municipalities/${id}`).expect(200)).body.name).toBe('Enschede');
  });

  it('refuses a NUL in any reference-data search with a 400 naming search (was a 500)', async () => {
    for (const url of ['/users', '/municipalities', '/products', '/contracts']) {
      const res = await as('get', `${url}?search=%00`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res)).toEqual(['search']);
    }
  });

  it('refuses impossible or reversed audit periods and a NUL filter with a 400 naming the field', async () => {
    expect(fields(await as('get', '/audit-events?from=2025-02-30').expect(400))).toEqual(['from']);
    expect(fields(await as('get', '/audit-events?from=2026-01-01&to=2025-01-01').expect(400))).toEqual(['to']);
    expect(fields(await as('get', '/audit-events?entityType=%00').expect(400))).toEqual(['entityType']);
    await as('get', '/audit-events?from=2025-01-01&to=2025-12-31T23:59:59Z').expect(200);
  });
});
