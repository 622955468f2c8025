import { createUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 13.8: security headers on pages and API; no caching of answers with personal data. */
describe('security headers (security e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

  it('the pages: a CSP without inline scripts, never framed, no Referer, no sniffing', async () => {
    for (const path of ['/', '/index.html', '/js/main.js', '/style.css']) {
      const res = await t.http.get(path).expect(200);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('API answers: the same headers and Cache-Control: no-store, errors included', async () => {
    const coordinator = await createUser(t, 'coordinator');
    for (const res of [
      await t.http.get('/api/v1/learners').set('Authorization', coordinator.auth).expect(200),
      await t.http.get('/api/v1/auth/me').set('Authorization', coordinator.auth).expect(200),
      await t.http.get('/api/v1/learners').expect(401),
      await t.http.post('/api/v1/auth/login').send({ email: 'x@test.koers', password: 'wrong-password' }).expect(401),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(directives(res.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
    }
  });

  it('the OpenAPI page loads its scripts as files (inline styles only there)', async () => {
    const res = await t.http.get('/api/docs').expect(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(res.text).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});
