import { createUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** Bull Board at /admin/queues: an admin's short-lived board cookie opens it; nobody else gets in. */
describe('queue board (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cookieOf = (res: { headers: Record<string, unknown> }) => String((res.headers['set-cookie'] as string[])[0]).split(';')[0];

  it('is closed without the cookie, also for a bearer token, and for roles other than admin', async () => {
    const coordinator = await createUser(t, 'coordinator');
    const admin = await createUser(t, 'admin');
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const anon = await t.http.get(path);
      expect(anon.status).toBe(401);
      expect(anon.text).toContain('alleen voor applicatiebeheer');
      expect((await t.http.get(path).set('Authorization', admin.auth)).status).toBe(401);
      expect((await t.http.get(path).set('Cookie', `koers_queue_board=${admin.token}`)).status).toBe(401);
    }
    expect((await t.http.post('/api/v1/admin/queue-board/session').set('Authorization', coordinator.auth)).status).toBe(403);
    expect((await t.http.post('/api/v1/admin/queue-board/session')).status).toBe(401);
  });

  it('opens for an admin through the board cookie (HttpOnly, SameSite=Strict, only for its path), which is no bearer token', async () => {
    const admin = await createUser(t, 'admin');
    const res = await t.http.post('/api/v1/admin/queue-board/session').set('Authorization', admin.auth);
    expect(res.status).toBe(204);
    const setCookie = String((res.headers['set-cookie'] as unknown as string[])[0]);
    expect(setCookie).toMatch(/^koers_queue_board=[\w-]+\.[\w-]+\.[\w-]+; Path=\/admin\/queues; Max-Age=900; HttpOnly; SameSite=Strict$/);
    const cookie = cookieOf(res);
    const page = await t.http.get('/admin/queues').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('__UI_CONFIG__');
    const queues = await t.http.get('/admin/queues/api/queues').set('Cookie', cookie);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['documents', 'maintenance', 'signals']);
    // The board token does not work as a bearer token.
    expect((await t.http.get('/api/v1/documents').set('Authorization', `Bearer ${cookie.split('=')[1]}`)).status).toBe(401);
    // Deactivated (or no longer admin): the cookie stops working at once.
    await t.db.query(`UPDATE app_user SET role = 'coordinator' WHERE id = $1`, [admin.id]);
    expect((await t.http.get('/admin/queues/api/queues').set('Cookie', cookie)).status).toBe(401);
    await t.db.query(`UPDATE app_user SET role = 'admin', active = false WHERE id = $1`, [admin.id]);
    expect((await t.http.get('/admin/queues/api/queues').set('Cookie', cookie)).status).toBe(401);
    const forged = cookie.slice(0, -3) + (cookie.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await t.http.get('/admin/queues').set('Cookie', forged)).status).toBe(401);
  });
});
