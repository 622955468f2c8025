import { randomUUID } from 'crypto';
import { ACCESS_MATRIX, ACCESS_ROLES, accessOf, PUBLIC } from '../src/common/auth/access-matrix';
import { Role } from '../src/common/domain/vocabulary';
import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';
import { assemblePdf } from '../src/seed/demo-evidence-files';

/**
 * Issue 13.5: the role matrix of DOMAIN.md "Who sees what" (src/common/auth/access-matrix.ts) against the running
 * API: every operation of the OpenAPI document has a row; every row × role answers as the table says; and records in
 * and out of scope for the leaks found (progress notes, portfolio evidence, assessments of another payer's trajectory).
 */
jest.setTimeout(300_000);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function onePagePdf(): Buffer {
  return assemblePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>']);
}

describe('the role matrix (security e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let operations: Array<{ key: string; method: string; path: string; isPublic: boolean }>;
  const users = {} as Record<Role, TestUser>;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m, path, isPublic: (item[m].security ?? []).length === 0 })),
    );
    const learner = await createLearner(t.db, ref.municipalities.Enschede);
    for (const role of ACCESS_ROLES) {
      users[role] = await createUser(t, role, {
        municipalityId: role === 'municipality' ? ref.municipalities.Enschede : undefined,
        learnerId: role === 'learner' ? learner.id : undefined,
      });
    }
  });
  afterAll(() => t.close());

  it('has a row for every operation of the OpenAPI document, and none for an operation that is gone', () => {
    const inDoc = new Set(operations.map((o) => o.key));
    const missing = [...inDoc].filter((k) => !(k in ACCESS_MATRIX)).sort();
    const stale = Object.keys(ACCESS_MATRIX).filter((k) => !inDoc.has(k)).sort();
    const message = [
      missing.length ? `Operations missing from src/common/auth/access-matrix.ts (add a row each, roles admin, coordinator, teacher, finance, municipality, learner; A allowed, S in scope, F 403, N 404), e.g. '${missing[0]}': 'AAFFFF':\n  ${missing.join('\n  ')}` : '',
      stale.length ? `Rows in src/common/auth/access-matrix.ts for operations the API no longer has:\n  ${stale.join('\n  ')}` : '',
    ].filter(Boolean).join('\n');
    expect(message).toBe('');
    const publicMismatch = operations.filter((o) => (ACCESS_MATRIX[o.key] === PUBLIC) !== o.isPublic).map((o) => o.key);
    expect(publicMismatch).toEqual([]);
  });

  it('every operation × role answers as the table says (F 403, N 404, A/S never 401/403/5xx)', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations) {
      const row = ACCESS_MATRIX[op.key];
      if (row === undefined || row === PUBLIC) continue;
      const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'code' ? 'ABCD-EFGH' : randomUUID()));
      for (const role of ACCESS_ROLES) {
        const access = accessOf(op.key, role);
        let req = t.http[op.method as (typeof METHODS)[number]](url).set('Authorization', users[role].auth).timeout(10_000);
        if (op.method !== 'get' && op.method !== 'delete') req = req.send({});
        let status: number;
        try {
          status = (await req).status;
        } catch (e) {
          failures.push(`${op.key} as ${role}: no answer (${(e as Error).message})`);
          continue;
        }
        checked++;
        const ok = access === 'F' ? status === 403 : access === 'N' ? status === 404 : status !== 403 && status !== 401 && status < 500;
        if (!ok) failures.push(`${op.key} as ${role}: expected ${access === 'F' ? 403 : access === 'N' ? 404 : 'allowed'}, got ${status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  describe('records in and out of scope', () => {
    let learnerId: string;
    let paidByEnschede: string;
    let paidByHengelo: string;
    let hengeloUser: TestUser;
    let teacher: TestUser;
    let otherTeacher: TestUser;
    let assessmentEnschede: string;
    let assessmentHengelo: string;
    let evidenceId: string;

    beforeAll(async () => {
      const product = ref.products['B1-ROUTE'];
      const enschede = ref.municipalities.Enschede;
      const hengelo = ref.municipalities.Hengelo;
      const contractE = await createContract(t.db, enschede, [product], { validFrom: '2023-01-01', validTo: '2027-12-31' });
      const contractH = await createContract(t.db, hengelo, [product], { validFrom: '2023-01-01', validTo: '2027-12-31' });
      hengeloUser = await createUser(t, 'municipality', { municipalityId: hengelo });
      // A learner living in Enschede: first a trajectory Enschede paid (2024), then one Hengelo pays (from 2025).
      learnerId = (await createLearner(t.db, enschede)).id;
      paidByEnschede = (await createTrajectory(t.db, { learnerId, municipalityId: enschede, contractId: contractE.id, productId: product, status: 'completed', startDate: '2024-01-08', plannedEndDate: '2024-12-20', endDate: '2024-12-20' })).id;
      paidByHengelo = (await createTrajectory(t.db, { learnerId, municipalityId: hengelo, contractId: contractH.id, productId: product, startDate: '2025-01-06' })).id;
      teacher = await createUser(t, 'teacher');
      otherTeacher = await createUser(t, 'teacher');
      const group = await createGroup(t.db, product, { teacherIds: [teacher.id] });
      await enrol(t.db, paidByHengelo, group.id, '2025-01-06', null);
      const coordinator = users.coordinator;
      const assess = async (date: string, trajectoryId: string) =>
        (await t.http.post(`/api/v1/learners/${learnerId}/assessments`).set('Authorization', coordinator.auth).send({ skill: 'reading', date, instrument: 'Toets', level: 'A2', trajectoryId }).expect(201)).body.id as string;
      assessmentEnschede = await assess('2024-06-10', paidByEnschede);
      assessmentHengelo = await assess('2025-03-10', paidByHengelo);
      await t.http.post(`/api/v1/trajectories/${paidByHengelo}/progress-notes`).set('Authorization', teacher.auth).send({ date: '2025-03-10', summary: 'Goed bezig' }).expect(201);
      const item = await t.http.post(`/api/v1/trajectories/${paidByHengelo}/portfolio`).set('Authorization', coordinator.auth).send({ domain: 'housing', title: 'Huurcontract', description: 'Gelezen' }).expect(201);
      const up = await t.http.post(`/api/v1/portfolio-items/${item.body.id}/evidence`).set('Authorization', coordinator.auth).attach('file', onePagePdf(), { filename: 'brief.pdf', contentType: 'application/pdf' }).expect(201);
      evidenceId = up.body.id;
    });

    const get = (path: string, user: TestUser) => t.http.get(`/api/v1${path}`).set('Authorization', user.auth);

    it('assessments: each municipality reads only those dated within a trajectory it pays, by id and in the list', async () => {
      const enschedeUser = users.municipality;
      await get(`/assessments/${assessmentEnschede}`, enschedeUser).expect(200);
      await get(`/assessments/${assessmentHengelo}`, enschedeUser).expect(404);
      await get(`/assessments/${assessmentHengelo}`, hengeloUser).expect(200);
      await get(`/assessments/${assessmentEnschede}`, hengeloUser).expect(404);
      const ids = async (u: TestUser) => ((await get(`/learners/${learnerId}/assessments`, u).expect(200)).body.items as Array<{ id: string }>).map((a) => a.id).sort();
      expect(await ids(enschedeUser)).toEqual([assessmentEnschede]);
      expect(await ids(hengeloUser)).toEqual([assessmentHengelo]);
      expect(await ids(users.coordinator)).toEqual([assessmentEnschede, assessmentHengelo].sort());
    });

    it('progress notes: the teacher of the group reads them; municipality and finance never (403), another teacher 404', async () => {
      await get(`/trajectories/${paidByHengelo}/progress-notes`, teacher).expect(200);
      await get(`/trajectories/${paidByHengelo}/progress-notes`, hengeloUser).expect(403);
      await get(`/trajectories/${paidByHengelo}/progress-notes`, users.finance).expect(403);
      await get(`/trajectories/${paidByHengelo}/progress-notes`, otherTeacher).expect(404);
    });

    it('portfolio evidence: the teacher downloads it; the paying municipality may not (403), nor list items or evidence', async () => {
      const res = await get(`/evidence/${evidenceId}/download`, teacher).expect(200);
      expect(res.headers['content-type']).toMatch(/application\/pdf/);
      await get(`/evidence/${evidenceId}/download`, hengeloUser).expect(403);
      await get(`/trajectories/${paidByHengelo}/portfolio`, hengeloUser).expect(403);
      await get(`/evidence/${evidenceId}/download`, users.finance).expect(403);
      await get(`/evidence/${evidenceId}/download`, otherTeacher).expect(404);
    });

    it('the trajectory itself: the paying municipality reads it, the municipality where the learner lives does not', async () => {
      await get(`/trajectories/${paidByHengelo}`, hengeloUser).expect(200);
      await get(`/trajectories/${paidByHengelo}`, users.municipality).expect(404);
      await get(`/trajectories/${paidByEnschede}`, hengeloUser).expect(404);
    });
  });
});
