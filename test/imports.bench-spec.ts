import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../src/worker.module';
import { createContract } from './factories/records.factory';
import { seedReference } from './factories/reference.factory';
import { createUser } from './factories/user.factory';
import { waitForDocument } from './helpers/documents';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * Benchmark, not part of the suite (npm run bench runs it: KOERS_BENCH=1 npx jest --selectProjects bench)
 * A 9,999-row learner list (the most a file may hold): dry run ≤ 20 s, commit ≤ 20 s (issue 14).
 */

function validBsns(count: number, start: number): string[] {
  const out: string[] = [];
  for (let n = start; out.length < count; n++) {
    const d = String(n).padStart(9, '0').split('').map(Number);
    if ((d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - d[8]) % 11 === 0) out.push(String(n).padStart(9, '0'));
  }
  return out;
}

describe('learner import of 9,999 rows (benchmark)', () => {
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

  it('dry run and commit each within 20 s', async () => {
    const ref = await seedReference(t.db);
    await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE'], ref.products['Z-ROUTE']]);
    const coordinator = await createUser(t, 'coordinator');
    const lines = validBsns(9_999, 600000000).map((b, i) => `${b};Voornaam${i};Achternaam${i};${String((i % 28) + 1).padStart(2, '0')}-06-1985;;;${i % 3 ? 'B1-route' : 'Z-route'};01-02-2025;Wi2021`);
    const csv = Buffer.from(['bsn;voornamen;achternaam;geboortedatum;e-mail;telefoon;leerroute;pip-datum;regime', ...lines].join('\n'));
    const t0 = Date.now();
    const res = await t.http.post('/api/v1/imports/learners').set('Authorization', coordinator.auth).field('municipalityId', ref.municipalities.Enschede).attach('file', csv, { filename: 'groot.csv' });
    expect(res.status).toBe(202);
    const doc = await waitForDocument(t.http, coordinator.auth, res.body.document.id, ['done', 'failed'], 120_000);
    const dryRunMs = Date.now() - t0;
    expect(doc.status).toBe('done');
    const t1 = Date.now();
    const commit = await t.http.post(`/api/v1/imports/${res.body.import.id}/commit`).set('Authorization', coordinator.auth);
    const commitMs = Date.now() - t1;
    expect(commit.status).toBe(200);
    expect(commit.body.summary.committed_created).toBe(9_999);
    process.stdout.write(`learner import 9,999 rows: upload + dry run ${dryRunMs} ms, commit ${commitMs} ms\n`);
    expect(dryRunMs).toBeLessThanOrEqual(20_000);
    expect(commitMs).toBeLessThanOrEqual(20_000);
  });
});
