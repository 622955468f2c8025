import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { seedReference } from './factories/reference.factory';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, createTestDatabase, TestApp } from './helpers/test-app';
import { dbUrl } from './test-env';

/** With DATABASE_READ_URL set to another database, report queries read there and everything else from the primary. */
describe('reports on a read replica (e2e)', () => {
  let replica: Awaited<ReturnType<typeof createTestDatabase>>;
  let replicaDb: DataSource;
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    replica = await createTestDatabase();
    t = await createTestApp({ env: { DATABASE_READ_URL: dbUrl(replica.dbName) } });
    replicaDb = await new DataSource(buildDataSourceOptions(dbUrl(replica.dbName))).initialize();
    coordinator = await createUser(t, 'coordinator');
  });
  afterAll(async () => {
    await replicaDb.destroy();
    await t.close();
    await replica.drop();
  });

  it('answers missing registers from the replica, and the register itself from the primary', async () => {
    const ref = await seedReference(replicaDb);
    const municipality = ref.municipalities.Enschede;
    const contract = await createContract(replicaDb, municipality, [ref.products['B1-ROUTE']]);
    const group = await createGroup(replicaDb, ref.products['B1-ROUTE'], { code: 'REPLICA-1' });
    const learner = await createLearner(replicaDb, municipality);
    const tr = await createTrajectory(replicaDb, { learnerId: learner.id, municipalityId: municipality, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    await enrol(replicaDb, tr.id, group.id, '2024-01-01', null);
    const lesson = await createLesson(replicaDb, group.id, { date: '2024-06-03' });

    const res = await t.http
      .get('/api/v1/attendance/missing-registers?from=2024-06-01&to=2024-06-30')
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ groupId: group.id, groupCode: 'REPLICA-1', missingRecords: 1 });

    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM lesson WHERE id = $1`, [lesson.id]);
    expect(n).toBe(0);
    await t.http.get(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', coordinator.auth).expect(404);
  });
});
