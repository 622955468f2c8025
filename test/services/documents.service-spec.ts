import { promises as fs } from 'fs';
import * as path from 'path';
import { AppConfig } from '../../src/config/app-config';
import { DocumentAccess } from '../../src/modules/documents/document-access';
import { DocumentKindName } from '../../src/modules/documents/document-kinds';
import { DocumentsService } from '../../src/modules/documents/documents.service';
import { DocumentReconciler } from '../../src/modules/documents/jobs/document-reconciler';
import { WorkerModule } from '../../src/worker.module';
import { createLearner } from '../factories/records.factory';
import { seedReference } from '../factories/reference.factory';
import { createUser } from '../factories/user.factory';
import { createServiceContext, ServiceContext } from '../helpers/service-context';

/** The pipeline's rules without HTTP: who sees which document (two forms of one rule agree), and retention. */
describe('documents (service level)', () => {
  let ctx: ServiceContext;

  beforeAll(async () => {
    // The worker's context: the reconciler's cleanup is called directly (its timer also runs, harmlessly).
    ctx = await createServiceContext({ module: WorkerModule, env: { DOCUMENT_RETENTION_DAYS: '30' } });
  });
  afterAll(() => ctx?.close());

  it("DocumentAccess.canSee and its SQL form agree for every role, scope and kind audience", async () => {
    const ref = await seedReference(ctx.db);
    const [enschede, hengelo] = [ref.municipalities.Enschede, ref.municipalities.Hengelo];
    const learner = await createLearner(ctx.db, enschede);
    const other = await createLearner(ctx.db, hengelo);
    const teacher = await createUser(ctx, 'teacher');
    const users = [
      teacher,
      await createUser(ctx, 'teacher'),
      await createUser(ctx, 'coordinator'),
      await createUser(ctx, 'admin'),
      await createUser(ctx, 'finance'),
      await createUser(ctx, 'municipality', { municipalityId: enschede }),
      await createUser(ctx, 'municipality', { municipalityId: hengelo }),
      await createUser(ctx, 'learner', { learnerId: learner.id }),
      await createUser(ctx, 'learner', { learnerId: other.id }),
    ];
    const service = ctx.get(DocumentsService);
    const access = ctx.get(DocumentAccess);
    // pipeline.check: no audience; reports.spil.xlsx: municipality; certificate.pdf: municipality and learner.
    const kinds: DocumentKindName[] = ['pipeline.check', 'reports.spil.xlsx', 'certificate.pdf'];
    const scopes = [{}, { municipalityId: enschede }, { municipalityId: enschede, learnerId: learner.id }, { municipalityId: hengelo, learnerId: other.id }];
    const ids: string[] = [];
    let n = 0;
    for (const kind of kinds)
      for (const scope of scopes)
        for (const requester of [teacher.id, null]) {
          const { document } = await service.request(ctx.db.manager, { kind, params: { n: n++ } as never, requestedBy: requester, scope });
          ids.push(document.id);
        }
    const rows = await ctx.db.query(`SELECT id, kind, requested_by AS "requestedBy", municipality_id AS "municipalityId", learner_id AS "learnerId" FROM document WHERE id = ANY($1)`, [ids]);
    const counts: number[] = [];
    for (const u of users) {
      const expected = rows.filter((d: never) => access.canSee(u.scope, d)).map((d: { id: string }) => d.id).sort();
      const page = await service.list(u.scope, { page: 1, pageSize: 100 });
      expect([u.role, page.items.map((d) => d.id).sort()]).toEqual([u.role, expected]);
      counts.push(expected.length);
    }
    // The rule itself: the requesting teacher its 12, another teacher none, staff all 24, finance none; the Enschede
    // user the 2 municipality kinds × 2 Enschede scopes × 2 requesters, Hengelo 2 × 1 × 2; each learner its certificate ×2.
    expect(counts).toEqual([12, 0, 24, 24, 0, 8, 4, 2, 2]);
  });

  it('removes the files of done documents past retention and marks them expired; kept kinds and recent ones stay', async () => {
    const storage = ctx.get(AppConfig).storageDir;
    const file = async (key: string) => {
      await fs.mkdir(path.dirname(path.join(storage, key)), { recursive: true });
      await fs.writeFile(path.join(storage, key), 'x');
      return key;
    };
    const insert = async (kind: string, daysAgo: number) => {
      const [{ id }] = await ctx.db.query(
        `INSERT INTO document (kind, params, params_hash, status, progress, storage_key, content_type, file_name, size_bytes, sha256, finished_at)
         VALUES ($1, '{}', md5(random()::text) || md5(random()::text), 'done', 100, NULL, 'text/plain', 'x.txt', 1, repeat('0', 64), now() - $2 * interval '1 day')
         RETURNING id`,
        [kind, daysAgo],
      );
      const key = await file(`documents/${id}/attempt`);
      await ctx.db.query(`UPDATE document SET storage_key = $2 WHERE id = $1`, [id, key]);
      return { id, key };
    };
    const old = await insert('pipeline.check', 31);
    const recent = await insert('pipeline.check', 29);
    const certificate = await insert('certificate.pdf', 400);
    expect(await ctx.get(DocumentReconciler).cleanup()).toBe(1);
    const rows = await ctx.db.query(`SELECT id, status, storage_key, expired_at IS NOT NULL AS expired FROM document WHERE id = ANY($1)`, [[old.id, recent.id, certificate.id]]);
    const byId = Object.fromEntries(rows.map((r: { id: string }) => [r.id, r]));
    expect(byId[old.id]).toMatchObject({ status: 'expired', storage_key: null, expired: true });
    expect(byId[recent.id]).toMatchObject({ status: 'done', storage_key: recent.key });
    expect(byId[certificate.id]).toMatchObject({ status: 'done', storage_key: certificate.key });
    await expect(fs.stat(path.join(storage, old.key))).rejects.toThrow();
    await fs.stat(path.join(storage, recent.key));
    await fs.stat(path.join(storage, certificate.key));
    // A later day: the recent one goes too; the download of an expired document is a 410.
    expect(await ctx.get(DocumentReconciler).cleanup(new Date(Date.now() + 2 * 86_400_000))).toBe(1);
    const admin = await createUser(ctx, 'admin');
    await expect(ctx.get(DocumentsService).download(admin.scope, old.id)).rejects.toMatchObject({ code: 'document_expired', kind: 'gone' });
  });
});
