import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '../src/config/app-config';
import { DocumentQueue } from '../src/modules/documents/document-queue';
import { WorkerModule } from '../src/worker.module';
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
