import { ChildProcess } from 'child_process';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { hashPassword } from '../src/modules/users/password';
import { freePort, spawnKoers, stopProcess, waitForOutput } from './helpers/processes';
import { createTestDatabase } from './helpers/test-app';
import { seedReference } from './factories/reference.factory';
import { TEST_PASSWORD } from './factories/user.factory';
import { dbUrl, TEST_SECRETS } from './test-env';

/**
 * Issue 13.7: nothing personal in the logs. A real API process logs at debug level while it is used the way a
 * coordinator and an attacker would (search by name, BSN look-ups, a BSN in a URL, refused and failed writes,
 * logins with known and unknown e-mails); afterwards its whole output holds none of the BSNs, names or e-mails.
 */
jest.setTimeout(180_000);

const PEOPLE = [
  { firstName: 'Fatima', lastName: 'Elamrani', email: 'fatima.elamrani@voorbeeld.nl', bsn: '123456782', phone: '+31 6 11122233', street: 'Haaksbergerstraat 77' },
  { firstName: 'Ольга', lastName: 'Шевченко', email: 'olga.shevchenko@voorbeeld.nl', bsn: '111222333', phone: '+31 6 44455566', street: 'Deurningerstraat 5' },
];

describe('nothing personal in logs (security e2e)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: ChildProcess & { output: () => string };
  let base: string;
  let auth: string;
  let municipalityId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = new DataSource(buildDataSourceOptions(dbUrl(database.dbName)));
    await db.initialize();
    const ref = await seedReference(db);
    municipalityId = ref.municipalities.Enschede;
    await db.query(`INSERT INTO app_user (email, display_name, password_hash, role) VALUES ('coordinator.logs@test.koers', 'Coördinator Logs', $1, 'coordinator')`, [await hashPassword(TEST_PASSWORD)]);
    await db.destroy();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawnKoers('main', { ...TEST_SECRETS, LOG_LEVEL: 'debug', DATABASE_URL: dbUrl(database.dbName), PORT: String(port), HOST: '127.0.0.1', QUEUE_PREFIX: database.queuePrefix, STORAGE_DIR: `/tmp/koers-test-storage/${database.queuePrefix}` });
    await waitForOutput(api, /koers api listening/);
  });
  afterAll(async () => {
    if (api) await stopProcess(api, 'SIGTERM');
    await database.drop();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = async (method: string, path: string, body?: unknown, token = auth) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };

  it('a session of reads, look-ups and refused writes leaves no BSN, name or e-mail in the output', async () => {
    const login = await call('POST', '/api/v1/auth/login', { email: 'coordinator.logs@test.koers', password: TEST_PASSWORD }, '');
    expect(login.status).toBe(200);
    auth = `Bearer ${login.body.accessToken}`;
    const ids: string[] = [];
    for (const p of PEOPLE) {
      const created = await call('POST', '/api/v1/learners', { ...p, dateOfBirth: '1990-05-17', intakeDate: '2025-01-06', municipalityId });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
      // Duplicate BSN: a refused insert (unique violation) with the learner's details as parameters.
      expect((await call('POST', '/api/v1/learners', { ...p, dateOfBirth: '1990-05-17', intakeDate: '2025-01-06', municipalityId })).status).toBe(409);
      expect((await call('GET', `/api/v1/learners?search=${encodeURIComponent(p.lastName)}`)).status).toBe(200);
      expect((await call('GET', `/api/v1/learners?search=${encodeURIComponent(p.email)}`)).status).toBe(200);
      expect((await call('POST', '/api/v1/learners/lookup-by-bsn', { bsn: p.bsn })).status).toBe(200);
      // A BSN in the URL of a route without query fields is refused, and its value is not logged either.
      const inUrl = await call('POST', `/api/v1/learners/lookup-by-bsn?bsn=${p.bsn}`, { bsn: p.bsn });
      expect(inUrl.status).toBe(400);
      expect(inUrl.body.errors).toEqual([{ field: 'bsn', message: 'should not exist' }]);
      expect((await call('GET', `/api/v1/users?search=${encodeURIComponent(p.email)}`)).status).toBe(403);
      expect((await call('POST', '/api/v1/auth/login', { email: p.email, password: `${p.lastName}-wrong-password` }, '')).status).toBe(401);
    }
    expect((await call('POST', `/api/v1/learners/${ids[0]}/bsn/reveal`, {})).status).toBe(200);
    expect((await call('PATCH', `/api/v1/learners/${ids[0]}`, { version: 99, firstName: 'Fatma' })).status).toBe(409);
    expect((await call('GET', `/api/v1/auth/me?email=${encodeURIComponent(PEOPLE[0].email)}`)).status).toBe(400);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    // Give the logger a moment to flush.
    await new Promise((r) => setTimeout(r, 500));

    const out = api.output();
    expect(out).toMatch(/"req":\{/); // it did log the requests
    // An access line holds the status, not the answer's headers; probes are not logged at all.
    expect(out).toMatch(/"res":\{"statusCode":200\}/);
    expect(out).not.toMatch(/content-security-policy/i);
    expect(out).not.toMatch(/"url":"\/health/);
    const leaks = PEOPLE.flatMap((p) => [p.bsn, p.firstName, p.lastName, p.email, p.phone, p.street, 'Fatma', 'coordinator.logs@test.koers', TEST_PASSWORD]).filter((v) => out.includes(v));
    expect(leaks).toEqual([]);
  });
});
