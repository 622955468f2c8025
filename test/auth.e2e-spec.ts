import { seedReference, Reference } from './factories/reference.factory';
import { createUser, TEST_PASSWORD } from './factories/user.factory';
import { openSession } from './helpers/concurrent-transactions';
import { createTestApp, TestApp } from './helpers/test-app';

describe('auth, users, municipalities, errors (e2e)', () => {
  let t: TestApp;
  let ref: Reference;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
  });
  afterAll(() => t.close());

  it('logs in with e-mail and password and returns a working bearer token', async () => {
    const u = await createUser(t, 'coordinator', { email: 'Coord.One@Test.Koers'.toLowerCase() });
    const res = await t.http.post('/api/v1/auth/login').send({ email: 'Coord.One@Test.Koers', password: TEST_PASSWORD }).expect(200);
    expect(res.body.tokenType).toBe('Bearer');
    expect(res.body.user).toMatchObject({ id: u.id, role: 'coordinator' });
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.email).toBe('coord.one@test.koers');
  });

  it('refuses a wrong password with a problem+json 401 that does not say which part was wrong', async () => {
    const u = await createUser(t, 'teacher');
    const res = await t.http.post('/api/v1/auth/login').send({ email: u.email, password: 'wrong-password' }).expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthorized', detail: 'E-mail or password is wrong' });
  });

  it('rate-limits repeated login attempts for one account', async () => {
    const u = await createUser(t, 'finance');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await t.http.post('/api/v1/auth/login').send({ email: u.email, password: 'nope-nope-nope' });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const other = await createUser(t, 'finance');
    await t.http.post('/api/v1/auth/login').send({ email: other.email, password: TEST_PASSWORD }).expect(200);
  });

  it('answers 401 without a token and 403 for a role that may not', async () => {
    await t.http.get('/api/v1/users').expect(401);
    const teacher = await createUser(t, 'teacher');
    const res = await t.http.get('/api/v1/users').set('Authorization', teacher.auth).expect(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('validates bodies: missing, wrong type and unknown fields are 400 naming the field', async () => {
    const a = await createUser(t, 'admin');
    const missing = await t.http.post('/api/v1/users').set('Authorization', a.auth).send({ displayName: 'X', password: 'long-enough-pw', role: 'teacher' }).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('email');
    const wrongType = await t.http.post('/api/v1/users').set('Authorization', a.auth).send({ email: 'x@y.nl', displayName: 5, password: 'long-enough-pw', role: 'teacher' }).expect(400);
    expect(wrongType.body.errors[0].field).toBe('displayName');
    const unknown = await t.http.post('/api/v1/users').set('Authorization', a.auth).send({ email: 'x@y.nl', displayName: 'X', password: 'long-enough-pw', role: 'teacher', isBoss: true }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'isBoss', message: expect.stringContaining('should not exist') }]);
    const badJson = await t.http.post('/api/v1/users').set('Authorization', a.auth).set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(badJson.body.code).toBe('invalid_json');
    const badId = await t.http.get('/api/v1/users/not-a-uuid').set('Authorization', a.auth).expect(400);
    expect(badId.body.errors[0].field).toBe('id');
  });

  it('creates users (admin) with an audit event and refuses a duplicate e-mail with 409', async () => {
    const a = await createUser(t, 'admin');
    const body = { email: 'new.teacher@test.koers', displayName: 'Nieuwe Docent', password: 'long-enough-pw', role: 'teacher' };
    const created = await t.http.post('/api/v1/users').set('Authorization', a.auth).send(body).expect(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    await t.http.post('/api/v1/users').set('Authorization', a.auth).send({ ...body, email: 'NEW.teacher@test.koers' }).expect(409);
    const audit = await t.http.get(`/api/v1/audit-events?entityType=user&entityId=${created.body.id}`).set('Authorization', a.auth).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', actorId: a.id, fields: expect.arrayContaining(['email', 'password']) });
    const munUser = await t.http.post('/api/v1/users').set('Authorization', a.auth).send({ ...body, email: 'm@test.koers', role: 'municipality' }).expect(400);
    expect(munUser.body.errors[0].field).toBe('municipalityId');
  });

  it('the audit table refuses UPDATE and DELETE: the app role lacks the privilege, and the trigger stops even a superuser', async () => {
    await expect(t.db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
    const admin = await openSession(t.dbName);
    try {
      await admin.query(`INSERT INTO audit_event (action, entity_type) VALUES ('x', 'y')`);
      await expect(admin.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(admin.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    } finally {
      await admin.end();
    }
  });

  it('lists municipalities with paging, search and sort; a municipality user sees only its own', async () => {
    const c = await createUser(t, 'coordinator');
    const page = await t.http.get('/api/v1/municipalities?pageSize=5&page=2&sort=-name').set('Authorization', c.auth).expect(200);
    expect(page.body).toMatchObject({ total: 14, page: 2, pageSize: 5 });
    expect(page.body.items.map((m: { name: string }) => m.name)).toEqual(['Losser', 'Hof van Twente', 'Hengelo', 'Hellendoorn', 'Haaksbergen']);
    const search = await t.http.get('/api/v1/municipalities?search=gm0153').set('Authorization', c.auth).expect(200);
    expect(search.body.items.map((m: { name: string }) => m.name)).toEqual(['Enschede']);
    await t.http.get('/api/v1/municipalities?sort=nope').set('Authorization', c.auth).expect(400);
    await t.http.get('/api/v1/municipalities?pageSize=101').set('Authorization', c.auth).expect(400);
    const m = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    const own = await t.http.get('/api/v1/municipalities').set('Authorization', m.auth).expect(200);
    expect(own.body.items.map((x: { name: string }) => x.name)).toEqual(['Enschede']);
    await t.http.get(`/api/v1/municipalities/${ref.municipalities.Hengelo}`).set('Authorization', m.auth).expect(404);
    await t.http.get(`/api/v1/municipalities/${ref.municipalities.Enschede}`).set('Authorization', m.auth).expect(200);
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    await t.http.get('/health').expect(200);
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(doc.body.paths['/api/v1/auth/login'].post).toBeDefined();
    expect(doc.body.components.schemas.CreateUserDto.properties.email).toBeDefined();
    expect(doc.body.components.schemas.ProblemDto).toBeDefined();
  });

  it('documents every operation: a summary, its success body and its problem responses', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const gaps: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, { summary?: string; responses: Record<string, { content?: unknown }> }>>(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const codes = Object.keys(op.responses);
        const success = codes.filter((c) => c.startsWith('2'));
        if (!op.summary) gaps.push(`${method} ${path}: no summary`);
        if (!success.some((c) => c === '204' || op.responses[c].content)) gaps.push(`${method} ${path}: no success body`);
        if (!path.startsWith('/health') && !codes.some((c) => c.startsWith('4'))) gaps.push(`${method} ${path}: no problem responses`);
      }
    }
    expect(gaps).toEqual([]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
  });
});
