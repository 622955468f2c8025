import { Assessment } from '../src/modules/assessments/entities/assessment.entity';
import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** Certificate routes: issuing, reading and revoking in scope; the public verification page. */
describe('certificates (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coordinator: TestUser, teacher: TestUser, outsideTeacher: TestUser, finance: TestUser;
  let enschedeUser: TestUser, hengeloUser: TestUser, learnerUser: TestUser, otherLearnerUser: TestUser;
  let trajectoryA: string, trajectoryB: string, groupId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { VERIFY_RATE_LIMIT: '1000', PUBLIC_BASE_URL: 'https://koers.example.nl' } });
    ref = await seedReference(t.db);
    const product = ref.products['B1-ROUTE'];
    const enschede = ref.municipalities.Enschede;
    const hengelo = ref.municipalities.Hengelo;
    const contract = await createContract(t.db, enschede, [product]);
    [coordinator, teacher, outsideTeacher, finance] = await Promise.all([
      createUser(t, 'coordinator'), createUser(t, 'teacher'), createUser(t, 'teacher'), createUser(t, 'finance'),
    ]);
    enschedeUser = await createUser(t, 'municipality', { municipalityId: enschede });
    hengeloUser = await createUser(t, 'municipality', { municipalityId: hengelo });
    const a = await createLearner(t.db, enschede, { firstName: 'Şahin Ali', lastName: 'Çelik' });
    const b = await createLearner(t.db, enschede, { firstName: 'Ольга', lastName: 'Петрова' });
    learnerUser = await createUser(t, 'learner', { learnerId: a.id });
    otherLearnerUser = await createUser(t, 'learner', { learnerId: b.id });
    trajectoryA = (await createTrajectory(t.db, { learnerId: a.id, municipalityId: enschede, contractId: contract.id, productId: product })).id;
    trajectoryB = (await createTrajectory(t.db, { learnerId: b.id, municipalityId: enschede, contractId: contract.id, productId: product })).id;
    groupId = (await createGroup(t.db, product, { teacherIds: [teacher.id] })).id;
    await enrol(t.db, trajectoryA, groupId);
    await enrol(t.db, trajectoryB, groupId);
    for (const learnerId of [a.id, b.id]) {
      await t.db.getRepository(Assessment).save({ learnerId, skill: 'reading', date: '2025-03-01', instrument: 'examen', level: 'A2', levelIndex: 2, passed: true });
    }
  });
  afterAll(() => t?.close());

  const issue = (u: TestUser, body: object) => t.http.post('/api/v1/certificates').set('Authorization', u.auth).send(body);

  it('issues a certificate (202) for teachers of the group and coordinators; other roles 403, other teachers 404', async () => {
    const res = await issue(teacher, { trajectoryId: trajectoryA, kind: 'level' }).expect(202);
    expect(res.body.certificate).toMatchObject({ kind: 'level', status: 'valid', trajectoryId: trajectoryA, facts: { levels: [{ skill: 'reading', level: 'A2' }] } });
    expect(res.body.certificate.number).toMatch(/^CERT-\d{4}-\d{6}$/);
    expect(res.body.certificate.verifyUrl).toBe(`https://koers.example.nl/verify/${res.body.certificate.verificationCode}`);
    await issue(coordinator, { trajectoryId: trajectoryA, kind: 'level' }).expect(202);
    await issue(outsideTeacher, { trajectoryId: trajectoryA, kind: 'level' }).expect(404);
    for (const u of [finance, enschedeUser, learnerUser]) await issue(u, { trajectoryId: trajectoryA, kind: 'level' }).expect(403);
  });

  it('refuses bad input with a 400 naming the field, and rule violations with a 422 problem', async () => {
    const bad = await issue(coordinator, { trajectoryId: 'nope', kind: 'diploma', extra: 1 }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'kind', 'trajectoryId']);
    const date = await issue(coordinator, { trajectoryId: trajectoryA, kind: 'participation', from: '2025-02-30' }).expect(400);
    expect(date.body.errors[0].field).toBe('from');
    const none = await issue(coordinator, { trajectoryId: trajectoryA, kind: 'participation' }).expect(422);
    expect(none.body.code).toBe('certificate_no_hours');
    const notDone = await issue(coordinator, { trajectoryId: trajectoryA, kind: 'completion' }).expect(422);
    expect(notDone.body.code).toBe('certificate_trajectory_not_completed');
  });

  it('bulk for a group: 202 with one certificate per learner; other teachers 404', async () => {
    const res = await t.http.post(`/api/v1/groups/${groupId}/certificates`).set('Authorization', teacher.auth).send({ kind: 'level' }).expect(202);
    expect(res.body.certificates).toHaveLength(2);
    expect(res.body.skipped).toEqual([]);
    await t.http.post(`/api/v1/groups/${groupId}/certificates`).set('Authorization', outsideTeacher.auth).send({ kind: 'level' }).expect(404);
    await t.http.post(`/api/v1/groups/${groupId}/certificates`).set('Authorization', learnerUser.auth).send({ kind: 'level' }).expect(403);
  });

  it('reads in scope: the learner its own, the paying municipality its own, others 404; finance 403', async () => {
    const { body } = await issue(coordinator, { trajectoryId: trajectoryA, kind: 'level' }).expect(202);
    const id = body.certificate.id;
    for (const u of [coordinator, teacher, enschedeUser, learnerUser]) await t.http.get(`/api/v1/certificates/${id}`).set('Authorization', u.auth).expect(200);
    for (const u of [outsideTeacher, hengeloUser, otherLearnerUser]) await t.http.get(`/api/v1/certificates/${id}`).set('Authorization', u.auth).expect(404);
    await t.http.get(`/api/v1/certificates/${id}`).set('Authorization', finance.auth).expect(403);

    const mine = await t.http.get('/api/v1/certificates').set('Authorization', learnerUser.auth).expect(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((c: { learner: { lastName: string } }) => c.learner.lastName === 'Çelik')).toBe(true);
    const none = await t.http.get('/api/v1/certificates').set('Authorization', hengeloUser.auth).expect(200);
    expect(none.body.total).toBe(0);
    const filtered = await t.http.get(`/api/v1/certificates?trajectoryId=${trajectoryB}&kind=level&status=valid`).set('Authorization', coordinator.auth).expect(200);
    expect(filtered.body.items.every((c: { trajectoryId: string }) => c.trajectoryId === trajectoryB)).toBe(true);
    await t.http.get('/api/v1/certificates?sort=secret').set('Authorization', coordinator.auth).expect(400);
  });

  it('verification: public HTML with initials and surname only, JSON on request; revoked shows revoked with its date', async () => {
    const { body } = await issue(coordinator, { trajectoryId: trajectoryA, kind: 'level' }).expect(202);
    const code: string = body.certificate.verificationCode;
    const html = await t.http.get(`/verify/${code}`).expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('Geldig');
    expect(html.text).toContain('Ş.A. Çelik');
    expect(html.text).not.toContain('Şahin');
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain('href="/style.css"');
    expect(html.text).toContain(body.certificate.number);

    const json = await t.http.get(`/verify/${code.toLowerCase().replace(/(.{4})/g, '$1-').slice(0, -1)}`).set('Accept', 'application/json').expect(200);
    expect(json.body).toMatchObject({ status: 'valid', kind: 'level', holder: 'Ş.A. Çelik', issueDate: body.certificate.issueDate, levels: [{ skill: 'reading', level: 'A2' }] });
    expect(JSON.stringify(json.body)).not.toMatch(/Şahin|1990|learnerId|trajectoryId/);

    await t.http.post(`/api/v1/certificates/${body.certificate.id}/revoke`).set('Authorization', teacher.auth).send({ reason: 'fout' }).expect(403);
    await t.http.post(`/api/v1/certificates/${body.certificate.id}/revoke`).set('Authorization', coordinator.auth).send({ reason: '   ' }).expect(400);
    const revoked = await t.http.post(`/api/v1/certificates/${body.certificate.id}/revoke`).set('Authorization', coordinator.auth).send({ reason: 'Uitgegeven op de verkeerde naam' }).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocationReason: 'Uitgegeven op de verkeerde naam' });
    const after = await t.http.get(`/verify/${code}`).set('Accept', 'application/json').expect(200);
    expect(after.body.status).toBe('revoked');
    expect(after.body.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const page = await t.http.get(`/verify/${code}`).expect(200);
    expect(page.text).toContain('Ingetrokken');
    expect(page.text).toContain('ingetrokken op');
  });

  it('verification of an unknown or malformed code: the same plain 404 page, never a 500', async () => {
    const pages = await Promise.all(
      ['AAAAAAAAAAAAAAAA', 'short', '%00%27%22<script>', 'x'.repeat(5000), '11111111111111111'].map((c) => t.http.get(`/verify/${c}`)),
    );
    for (const p of pages) {
      expect(p.status).toBe(404);
      expect(p.headers['content-type']).toMatch(/text\/html/);
      expect(p.text).toContain('Niet gevonden');
      expect(p.text).not.toMatch(/<script>/);
    }
    expect(new Set(pages.map((p) => p.text)).size).toBe(1);
    const json = await t.http.get('/verify/AAAAAAAAAAAAAAAA').set('Accept', 'application/json').expect(404);
    expect(json.body.detail).toBe('niet gevonden');
  });
});

describe('certificate verification rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { VERIFY_RATE_LIMIT: '3', VERIFY_RATE_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => t?.close());

  it('answers 429 with Retry-After past the limit per client address', async () => {
    for (let i = 0; i < 3; i++) await t.http.get('/verify/AAAAAAAAAAAAAAAA').expect(404);
    const limited = await t.http.get('/verify/AAAAAAAAAAAAAAAA').expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.text).toContain('te veel controles');
  });
});
