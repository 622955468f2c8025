import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { WorkerModule } from '../src/worker.module';
import { waitForDocument } from './helpers/documents';
import { seedSpilDataset, SPIL_FROM, SPIL_TO, SpilDataset } from './factories/spil-dataset.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** GET /reports/spil: roles, municipality scope, bad input. The figures themselves: spil-report.e2e-spec.ts. */
describe('SPIL report route (e2e)', () => {
  let t: TestApp;
  let data: SpilDataset;
  let worker: INestApplicationContext;
  const users: Record<string, TestUser> = {};
  const url = (q: string) => `/api/v1/reports/spil?${q}`;
  const period = `from=${SPIL_FROM}&to=${SPIL_TO}`;

  beforeAll(async () => {
    t = await createTestApp();
    data = await seedSpilDataset(t.db);
    for (const role of ['admin', 'coordinator', 'teacher', 'finance'] as const) users[role] = await createUser(t, role);
    users.enschede = await createUser(t, 'municipality', { municipalityId: data.enschede });
    users.learner = await createUser(t, 'learner', { learnerId: data.trajectories.t1.learnerId });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('coordinator and admin get every municipality and the region total', async () => {
    for (const who of ['coordinator', 'admin']) {
      const res = await t.http.get(url(period)).set('Authorization', users[who].auth).expect(200);
      expect(res.body.municipalities).toHaveLength(14);
      expect(res.body.total.indicators.in_scope.value).toBe(8);
      expect(res.body).toMatchObject({ from: SPIL_FROM, to: SPIL_TO, timeZone: 'Europe/Amsterdam' });
      expect(res.body.definitions.map((d: { name: string }) => d.name)).toContain('dropout_rate');
    }
  });

  it('one municipality on request, without a region total; an unknown id is 404', async () => {
    const res = await t.http.get(url(`${period}&municipalityId=${data.hengelo}`)).set('Authorization', users.coordinator.auth).expect(200);
    expect(res.body.municipalities.map((m: { municipality: { name: string } }) => m.municipality.name)).toEqual(['Hengelo']);
    expect(res.body.total).toBeNull();
    await t.http.get(url(`${period}&municipalityId=00000000-0000-4000-8000-000000000000`)).set('Authorization', users.coordinator.auth).expect(404);
  });

  it('a municipality user gets only its own, never the region total; another municipality is 404', async () => {
    const own = await t.http.get(url(period)).set('Authorization', users.enschede.auth).expect(200);
    expect(own.body.municipalities).toHaveLength(1);
    expect(own.body.municipalities[0].municipality.id).toBe(data.enschede);
    expect(own.body.municipalities[0].indicators.in_scope.value).toBe(7);
    expect(own.body.total).toBeNull();
    await t.http.get(url(`${period}&municipalityId=${data.enschede}`)).set('Authorization', users.enschede.auth).expect(200);
    const other = await t.http.get(url(`${period}&municipalityId=${data.hengelo}`)).set('Authorization', users.enschede.auth).expect(404);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('other roles are 403, no token 401', async () => {
    for (const who of ['teacher', 'finance', 'learner']) await t.http.get(url(period)).set('Authorization', users[who].auth).expect(403);
    await t.http.get(url(period)).expect(401);
  });

  it('bad input is a problem+json 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['to=2025-03-31', 'from'],
      ['from=2025-01-01', 'to'],
      ['from=2025-02-30&to=2025-03-31', 'from'],
      ['from=2025-01-01&to=31-03-2025', 'to'],
      ['from=2025-04-01&to=2025-03-31', 'to'],
      ['from=2020-01-01&to=2025-03-31', 'to'],
      [`${period}&municipalityId=nope`, 'municipalityId'],
      [`${period}&extra=1`, 'extra'],
    ];
    for (const [q, field] of cases) {
      const res = await t.http.get(url(q)).set('Authorization', users.coordinator.auth);
      expect([q, res.status]).toEqual([q, 400]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('the spreadsheet is a document made by the worker, with the numbers of the JSON; a municipality user gets its own', async () => {
    const res = await t.http.post('/api/v1/reports/spil/exports').set('Authorization', users.enschede.auth).send({ from: SPIL_FROM, to: SPIL_TO });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/documents/${res.body.id}`);
    expect(res.body).toMatchObject({ kind: 'reports.spil.xlsx', fileName: `SPIL-rapportage Enschede ${SPIL_FROM} t-m ${SPIL_TO}.xlsx` });
    const done = await waitForDocument(t.http, users.enschede.auth, res.body.id, ['done', 'failed'], 60_000);
    expect(done.status).toBe('done');
    const dl = await t.http.get(`/api/v1/documents/${res.body.id}/download`).set('Authorization', users.enschede.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(dl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dl.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Overzicht', 'Enschede', 'Uitval per reden', 'Maandreeks', 'Definities']);
    const json = (await t.http.get(`/api/v1/reports/spil?${period}`).set('Authorization', users.enschede.auth)).body.municipalities[0].indicators;
    const cells = new Map<string, unknown>();
    wb.getWorksheet('Enschede')!.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(3).value));
    for (const name of ['in_scope', 'dropout_rate', 'rendement', 'attendance_rate', 'registration_completeness', 'exam_pass_rate']) expect([name, cells.get(name)]).toEqual([name, json[name].value]);
    // Another municipality's user does not see it.
    const hengeloUser = await createUser(t, 'municipality', { municipalityId: data.hengelo });
    await t.http.get(`/api/v1/documents/${res.body.id}`).set('Authorization', hengeloUser.auth).expect(404);
  });

  it('the quarterly PDF is a document too; bad input and scope as for the JSON', async () => {
    const res = await t.http.post('/api/v1/reports/spil/pdf').set('Authorization', users.coordinator.auth).send({ from: SPIL_FROM, to: SPIL_TO, municipalityId: data.hengelo });
    expect(res.status).toBe(202);
    expect(await waitForDocument(t.http, users.coordinator.auth, res.body.id, ['done', 'failed'], 60_000)).toMatchObject({ status: 'done', contentType: 'application/pdf' });
    const bad = await t.http.post('/api/v1/reports/spil/pdf').set('Authorization', users.coordinator.auth).send({ from: SPIL_TO, to: SPIL_FROM });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('to');
    await t.http.post('/api/v1/reports/spil/exports').set('Authorization', users.enschede.auth).send({ from: SPIL_FROM, to: SPIL_TO, municipalityId: data.hengelo }).expect(404);
    await t.http.post('/api/v1/reports/spil/exports').set('Authorization', users.finance.auth).send({ from: SPIL_FROM, to: SPIL_TO }).expect(403);
  });
});
