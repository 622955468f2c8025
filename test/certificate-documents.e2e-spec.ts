import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as yauzl from 'yauzl';
import { Assessment } from '../src/modules/assessments/entities/assessment.entity';
import { Learner } from '../src/modules/learners/entities/learner.entity';
import { WorkerModule } from '../src/worker.module';
import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { waitForDocument } from './helpers/documents';
import { createTestApp, TestApp } from './helpers/test-app';

/** Certificates made by the worker through the document pipeline: the PDF and the bulk zip, read back as a user would. */
describe('certificate documents (e2e, with a worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let ref: Reference;
  let coordinator: TestUser, teacher: TestUser, otherTeacher: TestUser, enschedeUser: TestUser, hengeloUser: TestUser;
  let learnerUsers: TestUser[];
  let trajectories: string[];
  let learners: Learner[];
  let groupId: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'koers-cert-e2e-'));
  const names = [
    ['Şahin', 'Çelik'],
    ['Işıl', 'Ağaoğlu'],
    ['Ольга', 'Петрова'],
    ['Zoë', 'Brontë-Ñúñez'],
  ];

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_BASE_URL: 'https://koers.example.nl' } });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ref = await seedReference(t.db);
    const product = ref.products['B1-ROUTE'];
    const enschede = ref.municipalities.Enschede;
    const contract = await createContract(t.db, enschede, [product]);
    [coordinator, teacher, otherTeacher] = await Promise.all([createUser(t, 'coordinator'), createUser(t, 'teacher'), createUser(t, 'teacher')]);
    enschedeUser = await createUser(t, 'municipality', { municipalityId: enschede });
    hengeloUser = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Hengelo });
    groupId = (await createGroup(t.db, product, { teacherIds: [teacher.id], name: 'Groep Zuid' })).id;
    learners = [];
    trajectories = [];
    learnerUsers = [];
    for (const [firstName, lastName] of names) {
      const l = await createLearner(t.db, enschede, { firstName, lastName });
      const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: enschede, contractId: contract.id, productId: product });
      await enrol(t.db, tr.id, groupId);
      await t.db.getRepository(Assessment).save({ learnerId: l.id, skill: 'reading', date: '2025-03-01', instrument: 'examen', level: 'B1', levelIndex: 3, passed: true });
      learners.push(l);
      trajectories.push(tr.id);
      learnerUsers.push(await createUser(t, 'learner', { learnerId: l.id }));
    }
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function download(u: TestUser, documentId: string): Promise<{ status: number; body: Buffer; headers: Record<string, string> }> {
    const res = await t.http.get(`/api/v1/documents/${documentId}/download`).set('Authorization', u.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
  }

  const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

  it('issues a certificate whose PDF the worker makes: names with diacritics, number, embedded fonts, QR to the verification page', async () => {
    const res = await t.http.post('/api/v1/certificates').set('Authorization', teacher.auth).send({ trajectoryId: trajectories[0], kind: 'level' }).expect(202);
    const { certificate, document } = res.body;
    expect(res.headers.location).toBe(`/api/v1/documents/${document.id}`);
    expect(document).toMatchObject({ kind: 'certificate.pdf', status: 'pending', kindLabel: 'Certificaat' });
    expect(certificate.documentId).toBe(document.id);
    const done = await waitForDocument(t.http, teacher.auth, document.id);
    expect(done).toMatchObject({ status: 'done', contentType: 'application/pdf', progress: 100 });
    expect(done.fileName).toBe(`Certificaat ${certificate.number} Şahin Çelik.pdf`);

    const dl = await download(teacher, document.id);
    expect(dl.status).toBe(200);
    const file = path.join(dir, 'one.pdf');
    writeFileSync(file, dl.body);
    const text = pdfText(file);
    expect(text).toContain('Şahin Çelik');
    expect(text).toContain(certificate.number);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.trim().split(/\s+/).slice(-5, -3)).toEqual(['yes', 'yes']);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, path.join(dir, 'one')]);
    const qr = execFileSync('zbarimg', ['-q', '--raw', path.join(dir, 'one.png')], { encoding: 'utf8' }).trim();
    expect(qr).toBe(`https://koers.example.nl/verify/${certificate.verificationCode}`);
    expect(qr).toBe(certificate.verifyUrl);

    // Who may open the PDF: the learner itself and the paying municipality too; others get 404.
    expect((await download(learnerUsers[0], document.id)).status).toBe(200);
    expect((await download(enschedeUser, document.id)).status).toBe(200);
    for (const u of [learnerUsers[1], hengeloUser, otherTeacher]) expect((await download(u, document.id)).status).toBe(404);
  });

  it('bulk: one zip with one PDF per learner of the group, progress to 100, and one certificate row each', async () => {
    const res = await t.http.post(`/api/v1/groups/${groupId}/certificates`).set('Authorization', teacher.auth).send({ kind: 'level' }).expect(202);
    expect(res.body.certificates).toHaveLength(names.length);
    expect(res.body.document).toMatchObject({ kind: 'certificate.zip', status: 'pending' });
    const done = await waitForDocument(t.http, teacher.auth, res.body.document.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, contentType: 'application/zip' });
    expect(done.fileName).toMatch(/^Certificaten Groep Zuid CERT-\d{4}-\d{6} tot CERT-\d{4}-\d{6}\.zip$/);
    const zip = await download(teacher, res.body.document.id);
    expect(zip.status).toBe(200);
    const entries = await readZip(zip.body);
    expect(entries.map((e) => e.name).sort()).toEqual(
      res.body.certificates.map((c: { number: string; learner: { firstName: string; lastName: string } }) => `Certificaat ${c.number} ${c.learner.firstName} ${c.learner.lastName}.pdf`).sort(),
    );
    for (const [i, e] of entries.entries()) {
      expect(e.data.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(dir, `zip-${i}.pdf`);
      writeFileSync(file, e.data);
      const holder = names.find(([f, l]) => e.name.includes(`${f} ${l}`)) as string[];
      expect(pdfText(file)).toContain(`${holder[0]} ${holder[1]}`);
    }
    // Learners see their certificate from a bulk issue and get its PDF on demand; the zip itself is the requester's.
    const mine = await t.http.get('/api/v1/certificates?groupId=' + groupId).set('Authorization', learnerUsers[2].auth).expect(200);
    expect(mine.body.total).toBe(1);
    expect((await download(learnerUsers[2], res.body.document.id)).status).toBe(404);
    const own = await t.http.post(`/api/v1/certificates/${mine.body.items[0].id}/document`).set('Authorization', learnerUsers[2].auth).expect(202);
    expect(own.body.kind).toBe('certificate.pdf');
    await waitForDocument(t.http, learnerUsers[2].auth, own.body.id);
    const again = await t.http.post(`/api/v1/certificates/${mine.body.items[0].id}/document`).set('Authorization', learnerUsers[2].auth).expect(200);
    expect(again.body.id).toBe(own.body.id);
    const pdf = await download(learnerUsers[2], own.body.id);
    writeFileSync(path.join(dir, 'own.pdf'), pdf.body);
    expect(pdfText(path.join(dir, 'own.pdf'))).toContain('Ольга Петрова');
  });

  it('regenerating keeps number and code and prints the corrected name; a revoked certificate is not made again', async () => {
    const { body } = await t.http.post('/api/v1/certificates').set('Authorization', coordinator.auth).send({ trajectoryId: trajectories[3], kind: 'level' }).expect(202);
    await waitForDocument(t.http, coordinator.auth, body.document.id);
    await t.db.getRepository(Learner).update({ id: learners[3].id }, { lastName: 'Brontë-Núñez' });
    const regen = await t.http.post(`/api/v1/certificates/${body.certificate.id}/regenerate`).set('Authorization', teacher.auth).expect(202);
    expect(regen.body.certificate).toMatchObject({ number: body.certificate.number, verificationCode: body.certificate.verificationCode, documentId: regen.body.document.id });
    expect(regen.body.certificate.regeneratedAt).toBeTruthy();
    expect(regen.body.document.id).not.toBe(body.document.id);
    await waitForDocument(t.http, teacher.auth, regen.body.document.id);
    const pdf = await download(teacher, regen.body.document.id);
    writeFileSync(path.join(dir, 'regen.pdf'), pdf.body);
    const text = pdfText(path.join(dir, 'regen.pdf'));
    expect(text).toContain('Zoë Brontë-Núñez');
    expect(text).toContain(body.certificate.number);

    await t.http.post(`/api/v1/certificates/${body.certificate.id}/revoke`).set('Authorization', coordinator.auth).send({ reason: 'Dubbel uitgegeven' }).expect(200);
    const refused = await t.http.post(`/api/v1/certificates/${body.certificate.id}/regenerate`).set('Authorization', coordinator.auth).expect(409);
    expect(refused.body.code).toBe('certificate_revoked');
    await t.http.post(`/api/v1/certificates/${body.certificate.id}/document`).set('Authorization', learnerUsers[3].auth).expect(409);
  });

  it('a name the font cannot print (changed after issue) fails the document with a Dutch message, never empty boxes', async () => {
    const { body } = await t.http.post('/api/v1/certificates').set('Authorization', coordinator.auth).send({ trajectoryId: trajectories[1], kind: 'level' }).expect(202);
    await t.db.getRepository(Learner).update({ id: learners[1].id }, { firstName: '王' });
    const failed = await waitForDocument(t.http, coordinator.auth, body.document.id);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'certificate_text_unprintable' });
    expect(failed.errorMessage).toContain('U+738B');
    const regen = await t.http.post(`/api/v1/certificates/${body.certificate.id}/regenerate`).set('Authorization', coordinator.auth).expect(422);
    expect(regen.body.code).toBe('certificate_text_unprintable');
  });
});

function readZip(buf: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: Array<{ name: string; data: Buffer }> = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
