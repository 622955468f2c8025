import { createContract, createGroup, createLesson } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** `sort` on list routes, through the shared parser (src/common/http/sort.ts). */
describe('sorting lists (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coord: TestUser;
  let groupId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coord = await createUser(t, 'coordinator');
    const productId = Object.values(ref.products)[0];
    await createContract(t.db, ref.municipalities.Enschede, Object.values(ref.products));
    groupId = (await createGroup(t.db, productId, { municipalityId: ref.municipalities.Enschede })).id;
    // Two lessons a day: the order within a day is the start time, in the direction asked for.
    for (const [date, startTime] of [['2025-03-03', '09:00'], ['2025-03-03', '13:30'], ['2025-03-05', '09:00'], ['2025-03-10', '18:00']]) {
      await createLesson(t.db, groupId, { date, startTime });
    }
  });
  afterAll(() => t.close());

  const lessons = async (sort: string) => {
    const res = await t.http.get(`/api/v1/lessons?groupId=${groupId}&sort=${sort}`).set('Authorization', coord.auth).expect(200);
    return res.body.items.map((l: { date: string; startTime: string }) => `${l.date} ${l.startTime}`);
  };

  it('sorts lessons by date and start time, newest first with -date', async () => {
    expect(await lessons('date')).toEqual(['2025-03-03 09:00', '2025-03-03 13:30', '2025-03-05 09:00', '2025-03-10 18:00']);
    expect(await lessons('-date')).toEqual(['2025-03-10 18:00', '2025-03-05 09:00', '2025-03-03 13:30', '2025-03-03 09:00']);
  });

  it.each(['toString', 'constructor', '__proto__', '-hasOwnProperty'])('answers 400 naming sort for sort=%s on every kind of list', async (sort) => {
    for (const path of ['/api/v1/learners', '/api/v1/lessons', '/api/v1/trajectories', '/api/v1/groups', '/api/v1/signals']) {
      const res = await t.http.get(`${path}?sort=${sort}`).set('Authorization', coord.auth);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
    }
  });
});
