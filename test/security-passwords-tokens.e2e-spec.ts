import * as jwt from 'jsonwebtoken';
import { createUser, TEST_PASSWORD, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';
import { TEST_SECRETS } from './test-env';

/** Issue 13.6: strong new passwords; a password change ends the user's tokens; malformed tokens are 401. */
describe('passwords and tokens (security e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000', LOGIN_ADDRESS_RATE_LIMIT: '1000' } });
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown>) => ({ email: 'marieke.bos@test.koers', displayName: 'Marieke Bos', role: 'teacher', password: 'Zonnebloem!Trein42', ...over });

  it.each([
    ['koers-demo', /12 characters/],
    ['password1234', /too easy/],
    ['Wachtwoord2024!', /too easy/],
    ['123456789012', /too easy/],
    ['marieke.bos-2026', /e-mail address or name/],
    ['Marieke!Marieke-12', /e-mail address or name/],
  ])('refuses the new password %j with a 400 naming the field', async (password, why) => {
    const res = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send(body({ password })).expect(400);
    expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(why) }]);
  });

  it('a password change (by an admin) ends every token of the user, in this process at once', async () => {
    const created = await t.http.post('/api/v1/users').set('Authorization', admin.auth).send(body({})).expect(201);
    const login = (password: string) => t.http.post('/api/v1/auth/login').send({ email: 'marieke.bos@test.koers', password });
    const first = (await login('Zonnebloem!Trein42').expect(200)).body.accessToken;
    const second = (await login('Zonnebloem!Trein42').expect(200)).body.accessToken;
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${first}`).expect(200);
    const weak = await t.http.patch(`/api/v1/users/${created.body.id}`).set('Authorization', admin.auth).send({ password: 'wachtwoord12' }).expect(400);
    expect(weak.body.errors[0].field).toBe('password');
    // The refused change ended nothing.
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${first}`).expect(200);
    await t.http.patch(`/api/v1/users/${created.body.id}`).set('Authorization', admin.auth).send({ password: 'Regenboog#Fiets77' }).expect(200);
    for (const old of [first, second]) {
      const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${old}`).expect(401);
      expect(res.body.code).toBe('unauthorized');
    }
    await login('Zonnebloem!Trein42').expect(401);
    const fresh = (await login('Regenboog#Fiets77').expect(200)).body.accessToken;
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${fresh}`).expect(200);
    // Changing only the name keeps the tokens.
    await t.http.patch(`/api/v1/users/${created.body.id}`).set('Authorization', admin.auth).send({ displayName: 'Marieke Bos-de Vries' }).expect(200);
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${fresh}`).expect(200);
  });

  it('refuses a token without exp, with a subject that is not a user id, of an unknown user or role, or expired: 401', async () => {
    const u = await createUser(t, 'coordinator');
    const sign = (claims: Record<string, unknown>, opts: jwt.SignOptions = { expiresIn: '1h' }) =>
      jwt.sign({ role: 'coordinator', ver: 1, ...claims }, TEST_SECRETS.JWT_SECRET, { algorithm: 'HS256', ...opts });
    const cases: Record<string, string> = {
      'no exp': sign({ sub: u.id }, {}),
      'subject not a uuid': sign({ sub: 'admin' }),
      'subject of nobody': sign({ sub: '8d6f0c1e-6a43-4c55-9a51-2f5b2f0e9c11' }),
      'unknown role': sign({ sub: u.id, role: 'root' }),
      'expired': sign({ sub: u.id, exp: Math.floor(Date.now() / 1000) - 60 }, {}),
      'other secret': jwt.sign({ sub: u.id, role: 'coordinator' }, 'another-secret-another-secret-another', { expiresIn: '1h' }),
      'alg none': jwt.sign({ sub: u.id, role: 'coordinator' }, '', { algorithm: 'none', expiresIn: '1h' }),
    };
    const statuses = Object.fromEntries(
      await Promise.all(Object.entries(cases).map(async ([name, token]) => [name, (await t.http.get('/api/v1/learners').set('Authorization', `Bearer ${token}`)).status])),
    );
    expect(statuses).toEqual(Object.fromEntries(Object.keys(cases).map((k) => [k, 401])));
    // The same claims with exp and a real subject work.
    await t.http.get('/api/v1/learners').set('Authorization', `Bearer ${sign({ sub: u.id })}`).expect(200);
    expect(TEST_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});
