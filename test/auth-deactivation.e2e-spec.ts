import { USER_STATUS_TTL_MS } from '../src/common/auth/user-status.service';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/** A token outlives nothing: a deactivated account loses access before its token expires. */
describe('deactivated accounts (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const me = (u: TestUser) => t.http.get('/api/v1/auth/me').set('Authorization', u.auth);

  it('refuses the token of a user deactivated through the API at once, and accepts it again after reactivation', async () => {
    const teacher = await createUser(t, 'teacher');
    await me(teacher).expect(200);

    await t.http.patch(`/api/v1/users/${teacher.id}`).set('Authorization', admin.auth).send({ active: false }).expect(200);
    const refused = await me(teacher).expect(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/deactivated/);
    await t.http.get('/api/v1/learners').set('Authorization', teacher.auth).expect(401);

    await t.http.patch(`/api/v1/users/${teacher.id}`).set('Authorization', admin.auth).send({ active: true }).expect(200);
    await me(teacher).expect(200);
  });

  it('notices a deactivation made elsewhere (another API process) within the status lifetime', async () => {
    const coordinator = await createUser(t, 'coordinator');
    await me(coordinator).expect(200);
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [coordinator.id]);

    // Still remembered as active a moment later; refused once the remembered status has expired.
    await me(coordinator).expect(200);
    const later = Date.now() + USER_STATUS_TTL_MS + 1_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    await me(coordinator).expect(401);
  });

  it('refuses a validly signed token of a user that does not exist (any more)', async () => {
    const learnerUser = await createUser(t, 'finance');
    await t.db.query(`DELETE FROM app_user WHERE id = $1`, [learnerUser.id]);
    await me(learnerUser).expect(401);
  });
});
