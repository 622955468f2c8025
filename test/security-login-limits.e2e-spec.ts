import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../src/create-app';
import { createUser, TEST_PASSWORD } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** Issue 13.1: login limits per account and per client address, in Redis, not fooled by X-Forwarded-For. */
const forged = (i: number) => `203.0.113.${i % 250}, 198.51.100.${(i * 7) % 250}`;

describe('login limits (security e2e)', () => {
  describe('TRUST_PROXY off (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { TRUST_PROXY: 'off', LOGIN_RATE_LIMIT: '10', LOGIN_ADDRESS_RATE_LIMIT: '20', LOGIN_LOCK_SECONDS: '300' } });
    });
    afterAll(() => t.close());

    it('40 wrong passwords for one account, each with a different forged X-Forwarded-For: the 11th and later are 429', async () => {
      const u = await createUser(t, 'teacher');
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', forged(i)).send({ email: u.email, password: `wrong-${i}` });
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual(Array(30).fill(429));
      // Even the right password stays refused while the account is locked.
      await t.http.post('/api/v1/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(429);
    });

    it('30 different e-mails from one address (forged X-Forwarded-For ignored): the 21st and later are 429, right password or not', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const r = await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', forged(i)).send({ email: `nobody-${i}@test.koers`, password: 'wrong-password' });
        statuses.push(r.status);
      }
      // The previous test used 41 attempts of this address already, so its counter is over: every try is refused.
      expect(statuses.filter((s) => s === 429).length).toBe(30);
    });
  });

  describe('TRUST_PROXY names the proxy', () => {
    let t: TestApp;
    let second: NestFastifyApplication;
    beforeAll(async () => {
      t = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1/8,::1', LOGIN_RATE_LIMIT: '10', LOGIN_ADDRESS_RATE_LIMIT: '20', LOGIN_LOCK_SECONDS: '300' } });
      // A second API replica on the same settings (same Redis prefix): counters are shared.
      second = await createApp({ logger: false });
      await second.init();
      await second.getHttpAdapter().getInstance().ready();
    });
    afterAll(async () => {
      await second.close();
      await t.close();
    });

    it('limits one client address (from a trusted proxy) over many e-mails, and leaves other addresses alone', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const r = await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', '192.0.2.10').send({ email: `nobody-${i}@test.koers`, password: 'wrong-password' });
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
      expect(statuses.slice(20)).toEqual(Array(10).fill(429));
      const u = await createUser(t, 'coordinator');
      await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', '192.0.2.11').send({ email: u.email, password: TEST_PASSWORD }).expect(200);
    });

    it('a locked account answers 429 with Retry-After and the same body whether or not the e-mail exists', async () => {
      const u = await createUser(t, 'finance');
      const ghost = 'no-such-user@test.koers';
      const last: Record<string, request.Response> = {};
      for (const email of [u.email, ghost]) {
        for (let i = 0; i < 11; i++) {
          // Each try from another client address: the account counter alone locks it.
          last[email] = await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', `192.0.2.${100 + i}`).send({ email: email.toUpperCase(), password: 'wrong-password' });
        }
      }
      for (const r of Object.values(last)) {
        expect(r.status).toBe(429);
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(250);
        expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(300);
        expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
      expect(strip(last[u.email].body)).toEqual(strip(last[ghost].body));
    });

    it('the counters live in Redis: attempts on two API replicas add up', async () => {
      const u = await createUser(t, 'teacher');
      const other = request(second.getHttpServer());
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const agent = i % 2 === 0 ? t.http : other;
        statuses.push((await agent.post('/api/v1/auth/login').set('X-Forwarded-For', `192.0.2.${150 + i}`).send({ email: u.email, password: 'wrong-password' })).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
    });
  });
});
