import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '../src/config/app-config';
import { DocumentQueue } from '../src/modules/documents/document-queue';
import { DocumentsService } from '../src/modules/documents/documents.service';
import { WorkerModule } from '../src/worker.module';
import { createLearner } from './factories/records.factory';
import { seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { filesOf, sha256File, waitForDocument } from './helpers/documents';
import { createTestApp, TestApp } from './helpers/test-app';

describe('document pipeline (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: TestUser;
  let storageDir: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    admin = await createUser(t, 'admin');
    storageDir = t.app.get(AppConfig).storageDir;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('accepts a request with 202 and a Location, makes the file once, and serves it with its name and length', async () => {
    const res = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send({ kind: 'pipeline.check', params: { note: 'Şahin Çelik' } });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/documents/${res.body.id}`);
    expect(res.body).toMatchObject({ kind: 'pipeline.check', status: 'pending', progress: 0, kindLabel: 'Controle documentverwerking' });
    const done = await waitForDocument(t.http, admin.auth, res.body.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, attempts: 1, fileName: 'Controle documentverwerking.txt', downloadUrl: `/api/v1/documents/${res.body.id}/download` });
    const files = await filesOf(storageDir, res.body.id);
    expect(files).toHaveLength(1);
    expect(await sha256File(files[0])).toBe(done.sha256);
    const dl = await t.http.get(`/api/v1/documents/${res.body.id}/download`).set('Authorization', admin.auth).buffer(true);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(Number(dl.headers['content-length'])).toBe(done.sizeBytes);
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="Controle documentverwerking.txt"; filename*=UTF-8''Controle%20documentverwerking.txt`);
    expect(dl.text).toContain('Notitie: Şahin Çelik');
  });

  it('answers the same request sent twice at once with one row, one job and one file', async () => {
    const body = { kind: 'pipeline.check', params: { note: 'tweemaal', delayMs: 300 } };
    const [a, b] = await Promise.all([
      t.http.post('/api/v1/documents').set('Authorization', admin.auth).send(body),
      t.http.post('/api/v1/documents').set('Authorization', admin.auth).send({ kind: 'pipeline.check', params: { delayMs: 300, note: 'tweemaal' } }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).toBe(b.body.id);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM document WHERE params->>'note' = 'tweemaal'`);
    expect(n).toBe(1);
    await waitForDocument(t.http, admin.auth, a.body.id);
    const jobs = await worker.get(DocumentQueue).queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed']);
    expect(jobs.filter((j) => j.id === a.body.id)).toHaveLength(1);
    expect(await filesOf(storageDir, a.body.id)).toHaveLength(1);
    // Once done, the same request is a new document.
    const again = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send(body);
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(a.body.id);
  });

  it('answers the same Idempotency-Key with the same row, and refuses the key for another request', async () => {
    const key = `key-${Date.now()}`;
    const first = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).set('Idempotency-Key', key).send({ kind: 'pipeline.check', params: { note: 'sleutel' } });
    await waitForDocument(t.http, admin.auth, first.body.id);
    const second = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).set('Idempotency-Key', key).send({ kind: 'pipeline.check', params: { note: 'sleutel' } });
    expect(second.status).toBe(202);
    expect(second.body).toMatchObject({ id: first.body.id, status: 'done' });
    const other = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).set('Idempotency-Key', key).send({ kind: 'pipeline.check', params: { note: 'anders' } });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused' });
    const bad = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).set('Idempotency-Key', 'met spatie').send({ kind: 'pipeline.check' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('Idempotency-Key');
  });

  it('refuses bad requests with a 400 naming the field, and kinds or roles that may not use this route', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'pipeline.check', params: { delayMs: -1 } }, 'params.delayMs'],
      [{ kind: 'pipeline.check', params: { colour: 'rood' } }, 'params.colour'],
      [{ kind: 'no.such-kind' }, 'kind'],
      [{ kind: 'Not A Kind' }, 'kind'],
      [{ params: {} }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const coordinator = await createUser(t, 'coordinator');
    const res = await t.http.post('/api/v1/documents').set('Authorization', coordinator.auth).send({ kind: 'pipeline.check' });
    expect(res.status).toBe(400);
  });

  it('fails a document after its last attempt with a Dutch message, and retries before that', async () => {
    const res = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send({ kind: 'pipeline.check', params: { note: 'mislukt', failTimes: 20 } });
    const failed = await waitForDocument(t.http, admin.auth, res.body.id, ['failed'], 40_000);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'check_failed_on_purpose', attempts: 3 });
    expect(failed.errorMessage).toMatch(/Poging 3 mislukt/);
    const dl = await t.http.get(`/api/v1/documents/${res.body.id}/download`).set('Authorization', admin.auth);
    expect(dl.status).toBe(409);
    const retried = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send({ kind: 'pipeline.check', params: { note: 'tweede keer', failTimes: 1 } });
    expect(await waitForDocument(t.http, admin.auth, retried.body.id, ['done'], 40_000)).toMatchObject({ attempts: 2 });
  }, 90_000);
});

describe('document scope (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('shows a document to its requester and staff; a municipality user, a learner and a teacher of another group get 404 on status, events and download', async () => {
    const ref = await seedReference(t.db);
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    const otherLearner = await createLearner(t.db, ref.municipalities.Enschede);
    const requester = await createUser(t, 'teacher');
    const coordinator = await createUser(t, 'coordinator');
    const otherTeacher = await createUser(t, 'teacher');
    const enschede = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    const hengelo = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Hengelo });
    const self = await createUser(t, 'learner', { learnerId: learner.id });
    const other = await createUser(t, 'learner', { learnerId: otherLearner.id });
    const service = t.app.get(DocumentsService);
    const { document } = await t.db.transaction((m) =>
      service.request(m, { kind: 'pipeline.check', params: { note: 'scope' }, requestedBy: requester.id, scope: { municipalityId: ref.municipalities.Enschede, learnerId: learner.id }, fileName: 'Certificaat Şahin Çelik.txt' }),
    );
    await waitForDocument(t.http, requester.auth, document.id);
    const paths = ['', '/events', '/download'].map((s) => `/api/v1/documents/${document.id}${s}`);
    for (const user of [requester, coordinator]) {
      for (const p of paths) expect([p, (await t.http.get(p).set('Authorization', user.auth)).status]).toEqual([p, 200]);
    }
    // pipeline.check is made for no audience: the municipality and the learner it is about do not see it either.
    for (const user of [otherTeacher, enschede, hengelo, self, other]) {
      for (const p of paths) {
        const res = await t.http.get(p).set('Authorization', user.auth);
        expect([user.role, p, res.status]).toEqual([user.role, p, 404]);
      }
      const list = await t.http.get('/api/v1/documents').set('Authorization', user.auth);
      expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(document.id);
    }
    const mine = await t.http.get('/api/v1/documents?kind=pipeline.check&status=done').set('Authorization', requester.auth);
    expect(mine.body).toMatchObject({ total: 1, items: [{ id: document.id }] });
    const all = await t.http.get('/api/v1/documents?mine=false').set('Authorization', coordinator.auth);
    expect(all.body.items.map((d: { id: string }) => d.id)).toContain(document.id);
    const ownOnly = await t.http.get('/api/v1/documents?mine=true').set('Authorization', coordinator.auth);
    expect(ownOnly.body.total).toBe(0);
    const dl = await t.http.get(paths[2]).set('Authorization', requester.auth);
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="Certificaat Sahin Celik.txt"; filename*=UTF-8''Certificaat%20%C5%9Eahin%20%C3%87elik.txt`);
    expect((await t.http.get('/api/v1/documents/not-a-uuid').set('Authorization', requester.auth)).status).toBe(400);
    expect((await t.http.get('/api/v1/documents?status=klaar').set('Authorization', requester.auth)).status).toBe(400);
    expect((await t.http.get(paths[0])).status).toBe(401);
  });

  it('streams progress as server-sent events until the document is done', async () => {
    const admin = await createUser(t, 'admin');
    const res = await t.http.post('/api/v1/documents').set('Authorization', admin.auth).send({ kind: 'pipeline.check', params: { delayMs: 3000, note: 'sse' } });
    const sse = await t.http.get(`/api/v1/documents/${res.body.id}/events`).set('Authorization', admin.auth).buffer(true).parse((r, cb) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString('utf8')));
      r.on('end', () => cb(null, text));
    });
    expect(sse.status).toBe(200);
    expect(sse.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const events = String(sse.body)
      .split('\n\n')
      .filter((e) => e.startsWith('event: document'))
      .map((e) => JSON.parse(e.split('\n').find((l) => l.startsWith('data: '))!.slice(6)));
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.some((e) => e.status === 'running' && e.progress > 0 && e.progress < 100)).toBe(true);
    expect(events[events.length - 1]).toMatchObject({ status: 'done', progress: 100 });
  });
});
