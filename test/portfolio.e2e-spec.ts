import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { AppConfig } from '../src/config/app-config';
import { PortfolioCompletenessRepository } from '../src/modules/portfolio/portfolio-completeness.repository';
import { Product } from '../src/modules/products/entities/product.entity';
import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';
import { assemblePdf } from '../src/seed/demo-evidence-files';

// --- Small but valid files, built here so the test needs no fixtures. ---

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A 1×1 grey baseline JPEG: one block, DC 0 and end-of-block, one-symbol Huffman tables. */
const JPEG = Buffer.from([
  0xff, 0xd8,
  0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array(64).fill(0x01),
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
  0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...new Array(15).fill(0), 0x00,
  0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...new Array(15).fill(0), 0x00,
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
  0x3f,
  0xff, 0xd9,
]);

/** A one-page PDF with a correct cross-reference table. */
function buildPdf(): Buffer {
  return assemblePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>']);
}
const PDF = buildPdf();

/** A Windows executable's header, renamed to look like a photo. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 0x41)]);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Collects a binary response body as a Buffer. */
function binary(res: unknown, cb: (err: Error | null, body: Buffer) => void) {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(p);
    }
  };
  await walk(dir);
  return out;
}

describe('portfolio and evidence (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let storageDir: string;
  let contractId: string;
  let coordinator: TestUser;
  let finance: TestUser;
  let teacher: TestUser;
  let otherTeacher: TestUser;
  let learnerA: TestUser;
  let learnerB: TestUser;
  let enschede: TestUser;
  let hengelo: TestUser;
  let trajA: string;
  let trajB: string;

  const api = (p: string) => `/api/v1${p}`;

  async function newTrajectory(municipality = 'Enschede', productCode = 'B1-ROUTE', over: Record<string, unknown> = {}) {
    const learner = await createLearner(t.db, ref.municipalities[municipality]);
    const traj = await createTrajectory(t.db, {
      learnerId: learner.id,
      municipalityId: ref.municipalities[municipality],
      contractId,
      productId: ref.products[productCode] ?? productCode,
      ...over,
    });
    return { learnerId: learner.id, trajectoryId: traj.id };
  }

  async function createItem(user: TestUser, trajectoryId: string, body: Record<string, unknown> = {}) {
    const res = await t.http
      .post(api(`/trajectories/${trajectoryId}/portfolio`))
      .set('Authorization', user.auth)
      .send({ domain: 'housing', title: 'Huurcontract gelezen', description: 'Met de buurman', ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** create → submit → approve, by the coordinator. */
  async function approvedItem(trajectoryId: string, domain: string) {
    const item = await createItem(coordinator, trajectoryId, { domain });
    await t.http.post(api(`/portfolio-items/${item.id}/submit`)).set('Authorization', coordinator.auth).send({ version: 1 }).expect(200);
    await t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', coordinator.auth).send({ version: 2, decision: 'approved' }).expect(200);
  }

  function upload(user: TestUser, itemId: string, content: Buffer, filename: string, contentType: string) {
    return t.http.post(api(`/portfolio-items/${itemId}/evidence`)).set('Authorization', user.auth).attach('file', content, { filename, contentType });
  }

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    storageDir = t.app.get(AppConfig).storageDir;
    const contract = await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE']]);
    contractId = contract.id;
    const a = await newTrajectory();
    const b = await newTrajectory();
    trajA = a.trajectoryId;
    trajB = b.trajectoryId;
    coordinator = await createUser(t, 'coordinator');
    finance = await createUser(t, 'finance');
    teacher = await createUser(t, 'teacher');
    otherTeacher = await createUser(t, 'teacher');
    learnerA = await createUser(t, 'learner', { learnerId: a.learnerId });
    learnerB = await createUser(t, 'learner', { learnerId: b.learnerId });
    enschede = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    hengelo = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Hengelo });
    // The teacher's group had trajectory A enrolled (in the past: "was enrolled" still counts).
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id] });
    await enrol(t.db, trajA, group.id, '2025-01-06', '2025-06-30');
    await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [otherTeacher.id] });
  });
  afterAll(async () => {
    await t.close();
    await fs.rm(storageDir, { recursive: true, force: true });
  });

  it('runs the whole workflow: create → submit → needs_revision → edit → resubmit → approve, audited', async () => {
    const item = await createItem(learnerA, trajA, { domain: 'work', title: 'Sollicitatiebrief' });
    expect(item).toMatchObject({ status: 'draft', version: 1, domain: 'work', trajectoryId: trajA, evidenceCount: 0, feedback: null });

    const submitted = await t.http.post(api(`/portfolio-items/${item.id}/submit`)).set('Authorization', learnerA.auth).send({ version: 1 }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2 });
    expect(submitted.body.submittedAt).toBeTruthy();

    const noFeedback = await t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', teacher.auth).send({ version: 2, decision: 'needs_revision' }).expect(400);
    expect(noFeedback.body.errors[0].field).toBe('feedback');
    const revision = await t.http
      .post(api(`/portfolio-items/${item.id}/review`))
      .set('Authorization', teacher.auth)
      .send({ version: 2, decision: 'needs_revision', feedback: 'Noem ook je werkervaring.' })
      .expect(200);
    expect(revision.body).toMatchObject({ status: 'needs_revision', version: 3, feedback: 'Noem ook je werkervaring.', reviewedBy: teacher.id });

    const edited = await t.http.patch(api(`/portfolio-items/${item.id}`)).set('Authorization', learnerA.auth).send({ version: 3, title: 'Sollicitatiebrief v2', description: 'Met werkervaring' }).expect(200);
    expect(edited.body).toMatchObject({ status: 'needs_revision', version: 4, title: 'Sollicitatiebrief v2' });
    await t.http.post(api(`/portfolio-items/${item.id}/submit`)).set('Authorization', learnerA.auth).send({ version: 4 }).expect(200);
    const approved = await t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', teacher.auth).send({ version: 5, decision: 'approved', feedback: 'Goed!' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', version: 6, feedback: 'Goed!' });

    const audit = await t.db.query(`SELECT action, fields, actor_id AS "actorId" FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`, [item.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'submit', 'review', 'update', 'submit', 'review']);
    expect(audit[3].fields).toEqual(['title', 'description']);
    expect(audit[2].actorId).toBe(teacher.id);

    const list = await t.http.get(api(`/trajectories/${trajA}/portfolio?status=approved&domain=work`)).set('Authorization', teacher.auth).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body.items[0].id).toBe(item.id);
  });

  it('refuses transitions the status does not allow (422) and stale versions (409)', async () => {
    const item = await createItem(learnerA, trajA);
    // Review of a draft, and of an approved item.
    const draftReview = await t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', teacher.auth).send({ version: 1, decision: 'approved' }).expect(422);
    expect(draftReview.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(draftReview.body.code).toBe('invalid_transition');
    await t.http.post(api(`/portfolio-items/${item.id}/submit`)).set('Authorization', learnerA.auth).send({ version: 1 }).expect(200);
    // Submitted: no edits, no second submit.
    expect((await t.http.patch(api(`/portfolio-items/${item.id}`)).set('Authorization', learnerA.auth).send({ version: 2, title: 'x' }).expect(422)).body.code).toBe('portfolio_item_not_editable');
    await t.http.post(api(`/portfolio-items/${item.id}/submit`)).set('Authorization', learnerA.auth).send({ version: 2 }).expect(422);
    // A stale version is a 409, before the state rule.
    const stale = await t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', teacher.auth).send({ version: 1, decision: 'approved' }).expect(409);
    expect(stale.body.errors[0].field).toBe('version');
    // Two reviews on the same version at once: exactly one wins.
    const pair = await Promise.all([
      t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', teacher.auth).send({ version: 2, decision: 'approved' }),
      t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', coordinator.auth).send({ version: 2, decision: 'needs_revision', feedback: 'x' }),
    ]);
    expect(pair.map((r) => r.status).sort()).toEqual([200, 409]);
    const status = pair.find((r) => r.status === 200)!.body.status;
    if (status === 'approved') {
      await t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', teacher.auth).send({ version: 3, decision: 'needs_revision', feedback: 'y' }).expect(422);
      await t.http.patch(api(`/portfolio-items/${item.id}`)).set('Authorization', learnerA.auth).send({ version: 3, title: 'y' }).expect(422);
    }
    // Bad input names the field.
    const bad = await t.http.post(api(`/trajectories/${trajA}/portfolio`)).set('Authorization', learnerA.auth).send({ domain: 'cooking', title: '' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['domain', 'title']);
    await t.http.get(api(`/trajectories/${trajA}/portfolio?status=done`)).set('Authorization', learnerA.auth).expect(400);
    await t.http.get(api(`/trajectories/${trajA}/portfolio?sort=nope`)).set('Authorization', learnerA.auth).expect(400);
  });

  it('keeps every role within its scope', async () => {
    const item = await createItem(learnerA, trajA);
    // Another learner, another municipality, a teacher of another group: 404 as if it did not exist.
    await t.http.get(api(`/trajectories/${trajA}/portfolio`)).set('Authorization', learnerB.auth).expect(404);
    await t.http.post(api(`/trajectories/${trajA}/portfolio`)).set('Authorization', learnerB.auth).send({ domain: 'work', title: 'x' }).expect(404);
    // DOMAIN.md: a municipality never reads portfolio items or evidence (403, whoever pays).
    await t.http.get(api(`/portfolio-items/${item.id}`)).set('Authorization', hengelo.auth).expect(403);
    await t.http.get(api(`/portfolio-items/${item.id}`)).set('Authorization', otherTeacher.auth).expect(404);
    await t.http.post(api(`/portfolio-items/${item.id}/submit`)).set('Authorization', learnerA.auth).send({ version: 1 }).expect(200);
    await t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', otherTeacher.auth).send({ version: 2, decision: 'approved' }).expect(404);
    // Municipality neither reads items nor writes; teachers do not author; finance has no access at all.
    await t.http.get(api(`/trajectories/${trajA}/portfolio`)).set('Authorization', enschede.auth).expect(403);
    await t.http.post(api(`/trajectories/${trajA}/portfolio`)).set('Authorization', enschede.auth).send({ domain: 'work', title: 'x' }).expect(403);
    await t.http.post(api(`/trajectories/${trajA}/portfolio`)).set('Authorization', teacher.auth).send({ domain: 'work', title: 'x' }).expect(403);
    await t.http.post(api(`/portfolio-items/${item.id}/review`)).set('Authorization', learnerA.auth).send({ version: 2, decision: 'approved' }).expect(403);
    expect((await t.http.get(api(`/trajectories/${trajA}/portfolio`)).set('Authorization', finance.auth).expect(403)).body.code).toBe('forbidden');
    // A coordinator authors for any learner.
    const byCoordinator = await createItem(coordinator, trajB, { domain: 'citizenship' });
    const own = await t.http.get(api(`/trajectories/${trajB}/portfolio`)).set('Authorization', learnerB.auth).expect(200);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([byCoordinator.id]);
    await t.http.get(api(`/trajectories/00000000-0000-4000-8000-000000000000/portfolio`)).set('Authorization', coordinator.auth).expect(404);
    await t.http.get(api(`/trajectories/nope/portfolio`)).set('Authorization', coordinator.auth).expect(400);
  });

  it('stores PDF, JPEG and PNG evidence with its sha256, lists it and serves identical bytes', async () => {
    const item = await createItem(learnerA, trajA, { domain: 'health_care' });
    const files = [
      { content: PDF, name: 'Huurcontract.pdf', declared: 'application/pdf', type: 'pdf', contentType: 'application/pdf' },
      // A wrong declared type and name do not matter: the bytes decide.
      { content: JPEG, name: 'foto.jpeg', declared: 'application/octet-stream', type: 'jpg', contentType: 'image/jpeg' },
      { content: PNG, name: 'scan café.png', declared: 'image/png', type: 'png', contentType: 'image/png' },
    ];
    const uploaded = [];
    for (const f of files) {
      const res = await upload(learnerA, item.id, f.content, f.name, f.declared).expect(201);
      expect(res.body).toMatchObject({ itemId: item.id, originalName: f.name, contentType: f.contentType, type: f.type, sizeBytes: f.content.length, sha256: sha256(f.content), uploadedBy: learnerA.id });
      uploaded.push(res.body);
    }
    const list = await t.http.get(api(`/portfolio-items/${item.id}/evidence`)).set('Authorization', teacher.auth).expect(200);
    expect(list.body.map((e: { sha256: string }) => e.sha256)).toEqual(files.map((f) => sha256(f.content)));
    expect((await t.http.get(api(`/portfolio-items/${item.id}`)).set('Authorization', learnerA.auth).expect(200)).body.evidenceCount).toBe(3);

    for (const [i, f] of files.entries()) {
      const res = await t.http.get(api(`/evidence/${uploaded[i].id}/download`)).set('Authorization', teacher.auth).buffer(true).parse(binary).expect(200);
      await t.http.get(api(`/evidence/${uploaded[i].id}/download`)).set('Authorization', enschede.auth).expect(403);
      expect(res.headers['content-type']).toBe(f.contentType);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+"/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(res.body as Buffer, f.content)).toBe(0);
    }
    const png = await t.http.get(api(`/evidence/${uploaded[2].id}/download`)).set('Authorization', learnerA.auth).buffer(true).parse(binary).expect(200);
    expect(png.headers['content-disposition']).toBe(`attachment; filename="scan cafe.png"; filename*=UTF-8''scan%20caf%C3%A9.png`);

    // Out of scope: 404 (another learner, a teacher of another group); municipality and finance never: 403.
    await t.http.get(api(`/evidence/${uploaded[0].id}/download`)).set('Authorization', hengelo.auth).expect(403);
    for (const outsider of [learnerB, otherTeacher]) {
      const res = await t.http.get(api(`/evidence/${uploaded[0].id}/download`)).set('Authorization', outsider.auth).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      await t.http.get(api(`/portfolio-items/${item.id}/evidence`)).set('Authorization', outsider.auth).expect(404);
    }
    await t.http.get(api(`/evidence/${uploaded[0].id}/download`)).set('Authorization', finance.auth).expect(403);

    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'portfolio_evidence' AND entity_id = ANY($1::text[])`, [uploaded.map((u) => u.id)]);
    expect(audit[0].n).toBe(3);
  });

  it('refuses a renamed executable (415), an oversized file (413) and a non-multipart body, storing nothing', async () => {
    const item = await createItem(learnerA, trajA, { domain: 'education' });
    const before = await filesUnder(storageDir);

    const exe = await upload(learnerA, item.id, EXE, 'photo.png', 'image/png').expect(415);
    expect(exe.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(exe.body).toMatchObject({ status: 415, code: 'unsupported_file_type' });

    // 10 MB + 1 byte, starting like a valid PDF.
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const tooBig = await upload(learnerA, item.id, big, 'big.pdf', 'application/pdf').expect(413);
    expect(tooBig.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(tooBig.body).toMatchObject({ status: 413, code: 'payload_too_large' });

    const json = await t.http.post(api(`/portfolio-items/${item.id}/evidence`)).set('Authorization', learnerA.auth).send({ file: 'x' }).expect(415);
    expect(json.body.detail).toMatch(/multipart\/form-data/);
    const raw = await t.http.post(api(`/portfolio-items/${item.id}/evidence`)).set('Authorization', learnerA.auth).set('Content-Type', 'image/png').send(PNG);
    expect([400, 415]).toContain(raw.status);
    expect(raw.headers['content-type']).toMatch(/application\/problem\+json/);
    const wrongField = await t.http.post(api(`/portfolio-items/${item.id}/evidence`)).set('Authorization', learnerA.auth).attach('upload', PNG, 'a.png').expect(400);
    expect(wrongField.body.errors[0].field).toBe('file');
    const empty = await upload(learnerA, item.id, Buffer.alloc(0), 'empty.pdf', 'application/pdf').expect(400);
    expect(empty.body.errors[0].field).toBe('file');

    expect(await filesUnder(storageDir)).toEqual(before);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM portfolio_evidence WHERE item_id = $1`, [item.id]);
    expect(rows[0].n).toBe(0);
    // Exactly 10 MB is allowed.
    const limit = Buffer.alloc(10 * 1024 * 1024, 0x20);
    PNG.copy(limit);
    const ok = await upload(learnerA, item.id, limit, 'max.png', 'image/png').expect(201);
    expect(ok.body).toMatchObject({ sizeBytes: limit.length, sha256: sha256(limit) });
  });

  it('refuses two files in one upload (400 on file), keeping neither, and still takes plain fields beside one file', async () => {
    const item = await createItem(learnerA, trajA, { domain: 'work' });
    const before = await filesUnder(storageDir);
    const url = api(`/portfolio-items/${item.id}/evidence`);
    const two = await t.http.post(url).set('Authorization', learnerA.auth).attach('file', PDF, 'a.pdf').attach('file', PNG, 'b.png').expect(400);
    expect(two.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(two.body.errors.map((e: { field: string }) => e.field)).toEqual(['file']);
    await t.http.post(url).set('Authorization', learnerA.auth).attach('file', PDF, 'a.pdf').attach('extra', PNG, 'b.png').expect(400);
    expect(await filesUnder(storageDir)).toEqual(before);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM portfolio_evidence WHERE item_id = $1`, [item.id]);
    expect(rows[0].n).toBe(0);
    const withField = await t.http.post(url).set('Authorization', learnerA.auth).field('note', 'x').attach('file', PNG, 'foto.pdf').expect(201);
    expect(withField.body).toMatchObject({ contentType: 'image/png', type: 'png' });
  });

  it('refuses null and blank values on edit (400 naming the field) and leaves the item as it was', async () => {
    const item = await createItem(learnerA, trajA, { domain: 'housing', title: 'Eerste versie' });
    const url = api(`/portfolio-items/${item.id}`);
    for (const [field, value] of [['title', null], ['domain', null], ['description', null], ['title', '   ']] as const) {
      const res = await t.http.patch(url).set('Authorization', learnerA.auth).send({ version: 1, [field]: value });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const blank = await t.http.post(api(`/trajectories/${trajA}/portfolio`)).set('Authorization', learnerA.auth).send({ domain: 'work', title: ' \t ' }).expect(400);
    expect(blank.body.errors[0].field).toBe('title');
    const after = await t.http.get(url).set('Authorization', learnerA.auth).expect(200);
    expect(after.body).toMatchObject({ title: 'Eerste versie', domain: 'housing', version: 1 });
  });

  it('adds and removes evidence only while the item is draft or needs_revision, and not for outsiders', async () => {
    const item = await createItem(learnerA, trajA, { domain: 'neighbourhood' });
    const ev = (await upload(learnerA, item.id, PNG, 'a.png', 'image/png').expect(201)).body;
    const keep = (await upload(learnerA, item.id, JPEG, 'b.jpg', 'image/jpeg').expect(201)).body;
    await upload(learnerB, item.id, PNG, 'x.png', 'image/png').expect(404);
    await upload(teacher, item.id, PNG, 'x.png', 'image/png').expect(403);
    await t.http.delete(api(`/evidence/${ev.id}`)).set('Authorization', learnerB.auth).expect(404);

    const [{ storageKey }] = await t.db.query(`SELECT storage_key AS "storageKey" FROM portfolio_evidence WHERE id = $1`, [ev.id]);
    await t.http.delete(api(`/evidence/${ev.id}`)).set('Authorization', learnerA.auth).expect(204);
    await expect(fs.stat(path.join(storageDir, storageKey))).rejects.toThrow();
    await t.http.get(api(`/evidence/${ev.id}/download`)).set('Authorization', learnerA.auth).expect(404);

    await t.http.post(api(`/portfolio-items/${item.id}/submit`)).set('Authorization', learnerA.auth).send({ version: 1 }).expect(200);
    expect((await t.http.delete(api(`/evidence/${keep.id}`)).set('Authorization', learnerA.auth).expect(422)).body.code).toBe('portfolio_item_not_editable');
    await upload(learnerA, item.id, PNG, 'late.png', 'image/png').expect(422);
  });

  it('computes completeness from approved distinct required domains; ended trajectories are read-only', async () => {
    const { trajectoryId } = await newTrajectory();
    const empty = await t.http.get(api(`/trajectories/${trajectoryId}/portfolio/completeness`)).set('Authorization', coordinator.auth).expect(200);
    expect(empty.body).toEqual({
      trajectoryId,
      requiredDomains: ['health_care', 'housing', 'knowledge_of_society', 'neighbourhood', 'work'],
      approvedDomains: [],
      completeness: 0,
    });
    await approvedItem(trajectoryId, 'work');
    await approvedItem(trajectoryId, 'housing');
    await approvedItem(trajectoryId, 'housing'); // the same domain twice counts once
    await approvedItem(trajectoryId, 'parenting'); // not required by the B1-route
    const submittedOnly = await createItem(coordinator, trajectoryId, { domain: 'health_care' });
    await t.http.post(api(`/portfolio-items/${submittedOnly.id}/submit`)).set('Authorization', coordinator.auth).send({ version: 1 }).expect(200);
    const res = await t.http.get(api(`/trajectories/${trajectoryId}/portfolio/completeness`)).set('Authorization', enschede.auth).expect(200);
    expect(res.body).toMatchObject({ approvedDomains: ['housing', 'work'], completeness: 0.4 });
    await t.http.get(api(`/trajectories/${trajectoryId}/portfolio/completeness`)).set('Authorization', hengelo.auth).expect(404);

    // A product that requires no domains is complete by definition.
    const product = await t.db.getRepository(Product).save({ code: 'NONE', name: 'Zonder portfolio', contractedHours: 100, plannedDurationWeeks: 10, requiredDomains: [] });
    const none = await newTrajectory('Enschede', product.id);
    const full = await t.http.get(api(`/trajectories/${none.trajectoryId}/portfolio/completeness`)).set('Authorization', coordinator.auth).expect(200);
    expect(full.body).toMatchObject({ requiredDomains: [], approvedDomains: [], completeness: 1 });

    // The repository other modules reuse (e.g. SPIL's mean over trajectories).
    const repo = t.app.get(PortfolioCompletenessRepository);
    expect(await repo.meanForTrajectories([trajectoryId, none.trajectoryId])).toBeCloseTo(0.7);
    expect(await repo.meanForTrajectories([])).toBeNull();

    const ended = await newTrajectory('Enschede', 'B1-ROUTE', { status: 'completed', endDate: '2025-12-01' });
    const refused = await t.http.post(api(`/trajectories/${ended.trajectoryId}/portfolio`)).set('Authorization', coordinator.auth).send({ domain: 'work', title: 'Te laat' }).expect(422);
    expect(refused.body.code).toBe('trajectory_ended');
  });
});
