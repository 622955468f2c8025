import { createLearner } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TEST_PASSWORD, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const fields = (res: { body: { errors?: Array<{ field: string }> } }) => (res.body.errors ?? []).map((e) => e.field);

/** Issue 12.5: the admin changes roles and municipalities (ending tokens), cannot lock itself out, and filters the audit log. */
describe('users: role and municipality changes, last admin; audit log filters (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000', LOGIN_ADDRESS_RATE_LIMIT: '1000' } });
    ref = await seedReference(t.db);
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const patch = (id: string, body: object, by: TestUser = admin) => t.http.patch(`/api/v1/users/${id}`).set('Authorization', by.auth).send(body);
  const me = (token: string) => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const login = async (email: string) => (await t.http.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200)).body;
  const audit = (query: string) => t.http.get(`/api/v1/audit-events?${query}`).set('Authorization', admin.auth);

  describe('PATCH /users/:id role and municipality', () => {
    it('changes a coordinator into a municipality user: the old tokens end, a new login carries the new scope, and it is audited', async () => {
      const u = await createUser(t, 'coordinator');
      const { accessToken: old } = await login(u.email);
      await me(old).expect(200);
      const res = await patch(u.id, { role: 'municipality', municipalityId: ref.municipalities.Hengelo }).expect(200);
      expect(res.body).toMatchObject({ id: u.id, role: 'municipality', municipalityId: ref.municipalities.Hengelo, learnerId: null });
      for (const token of [old, u.token]) expect((await me(token).expect(401)).body.code).toBe('unauthorized');
      const fresh = await login(u.email);
      expect(fresh.user).toMatchObject({ role: 'municipality', municipalityId: ref.municipalities.Hengelo });
      expect((await me(fresh.accessToken).expect(200)).body).toMatchObject({ role: 'municipality' });

      // Another municipality ends the tokens too; a name change does not.
      await patch(u.id, { municipalityId: ref.municipalities.Enschede }).expect(200);
      await me(fresh.accessToken).expect(401);
      const third = await login(u.email);
      await patch(u.id, { displayName: 'Gemeente Enschede' }).expect(200);
      await me(third.accessToken).expect(200);

      const events = (await audit(`entityType=user&entityId=${u.id}`).expect(200)).body.items;
      expect(events.map((e: { fields: string[] }) => e.fields)).toEqual([['displayName'], ['municipalityId'], ['role', 'municipalityId']]);
      expect(events[0]).toMatchObject({ action: 'update', actorId: admin.id, actorName: expect.stringContaining(admin.email), actorEmail: admin.email });
    });

    it('clears the municipality when the role leaves municipality, and refuses a municipality for any other role', async () => {
      const u = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Almelo });
      expect((await patch(u.id, { role: 'finance' }).expect(200)).body).toMatchObject({ role: 'finance', municipalityId: null });
      await me(u.token).expect(401);
      const refused = await patch(u.id, { municipalityId: ref.municipalities.Almelo }).expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors).toEqual([{ field: 'municipalityId', message: 'is only allowed for role municipality' }]);
      expect(fields(await patch(u.id, { role: 'coordinator', municipalityId: ref.municipalities.Almelo }).expect(400))).toEqual(['municipalityId']);
      const nl = await patch(u.id, { role: 'municipality' }).set('Accept-Language', 'nl').expect(400);
      expect(nl.body.errors).toEqual([{ field: 'municipalityId', message: 'kies een gemeente: die hoort bij de rol gemeente' }]);
    });

    it('needs a municipality that exists for role municipality; refuses a bad role or id with a 400 naming the field', async () => {
      const u = await createUser(t, 'teacher');
      const { accessToken } = await login(u.email);
      expect((await patch(u.id, { role: 'municipality' }).expect(400)).body.errors).toEqual([{ field: 'municipalityId', message: 'is required for role municipality' }]);
      expect(fields(await patch(u.id, { role: 'municipality', municipalityId: null }).expect(400))).toEqual(['municipalityId']);
      expect(fields(await patch(u.id, { role: 'municipality', municipalityId: '00000000-0000-4000-8000-000000000000' }).expect(400))).toEqual(['municipalityId']);
      expect(fields(await patch(u.id, { role: 'municipality', municipalityId: 'Hengelo' }).expect(400))).toEqual(['municipalityId']);
      expect(fields(await patch(u.id, { role: 'superuser' }).expect(400))).toEqual(['role']);
      expect(fields(await patch(u.id, { role: null }).expect(400))).toEqual(['role']);
      // Nothing changed, nothing ended.
      expect((await t.http.get(`/api/v1/users/${u.id}`).set('Authorization', admin.auth).expect(200)).body).toMatchObject({ role: 'teacher', municipalityId: null });
      await me(accessToken).expect(200);
    });

    it('links a learner login to its learner: required for role learner, unlinked when the role changes away, never taken from another login', async () => {
      const u = await createUser(t, 'teacher');
      const learner = await createLearner(t.db, ref.municipalities.Enschede);
      expect((await patch(u.id, { role: 'learner' }).expect(400)).body.errors).toEqual([{ field: 'learnerId', message: 'is required for role learner' }]);
      expect(fields(await patch(u.id, { learnerId: learner.id }).expect(400))).toEqual(['learnerId']);
      expect((await patch(u.id, { role: 'learner', learnerId: learner.id }).expect(200)).body).toMatchObject({ role: 'learner', learnerId: learner.id });
      expect((await login(u.email)).user).toMatchObject({ role: 'learner', learnerId: learner.id });

      const taken = await createLearner(t.db, ref.municipalities.Enschede);
      const other = await createUser(t, 'learner', { learnerId: taken.id });
      expect(fields(await patch(u.id, { learnerId: taken.id }).expect(409))).toEqual(['learnerId']);
      expect((await t.db.query(`SELECT user_id FROM learner WHERE id = $1`, [taken.id]))[0].user_id).toBe(other.id);
      expect((await t.db.query(`SELECT user_id FROM learner WHERE id = $1`, [learner.id]))[0].user_id).toBe(u.id);

      expect((await patch(u.id, { role: 'teacher' }).expect(200)).body).toMatchObject({ role: 'teacher', learnerId: null });
      expect((await t.db.query(`SELECT user_id FROM learner WHERE id = $1`, [learner.id]))[0].user_id).toBeNull();
    });
  });

  describe('an admin cannot lock itself out', () => {
    it('refuses changing its own role or deactivating itself (422 naming the field); its token keeps working', async () => {
      const self = await createUser(t, 'admin');
      const role = await patch(self.id, { role: 'coordinator' }, self).expect(422);
      expect(role.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(role.body).toMatchObject({ code: 'own_account', errors: [{ field: 'role', message: 'cannot be changed for your own account' }] });
      expect((await patch(self.id, { active: false }, self).expect(422)).body).toMatchObject({ code: 'own_account', errors: [{ field: 'active' }] });
      // In Dutch for the pages.
      const nl = await patch(self.id, { role: 'teacher' }, self).set('Accept-Language', 'nl').expect(422);
      expect(nl.body).toMatchObject({
        detail: expect.stringContaining('eigen rol'),
        errors: [{ field: 'role', message: 'kunt u voor uw eigen account niet wijzigen; vraag een andere applicatiebeheerder' }],
      });
      // What is no change at all, or not a lock-out, is fine.
      await patch(self.id, { role: 'admin', active: true, displayName: 'Beheerder Zelf' }, self).expect(200);
      await me(self.token).expect(200);
      expect((await t.db.query(`SELECT role, active FROM app_user WHERE id = $1`, [self.id]))[0]).toEqual({ role: 'admin', active: true });
    });

    it('refuses demoting or deactivating the last active admin', async () => {
      // The only other active admin is `last`: the actor's own row is no longer an admin (its token still says so).
      await t.db.query(`UPDATE app_user SET active = false WHERE role = 'admin'`);
      const actor = await createUser(t, 'admin');
      const last = await createUser(t, 'admin');
      await t.db.query(`UPDATE app_user SET role = 'coordinator' WHERE id = $1`, [actor.id]);
      const demote = await patch(last.id, { role: 'coordinator' }, actor).expect(422);
      expect(demote.body).toMatchObject({ code: 'last_admin', errors: [{ field: 'role', message: 'would leave no active admin' }] });
      expect((await patch(last.id, { active: false }, actor).expect(422)).body).toMatchObject({ code: 'last_admin', errors: [{ field: 'active' }] });
      const nl = await patch(last.id, { active: false }, actor).set('Accept-Language', 'nl').expect(422);
      expect(nl.body).toMatchObject({ detail: expect.stringContaining('laatste actieve applicatiebeheerder'), errors: [{ field: 'active', message: expect.stringMatching(/^dan is er geen actieve/) }] });
      expect((await t.db.query(`SELECT role, active FROM app_user WHERE id = $1`, [last.id]))[0]).toEqual({ role: 'admin', active: true });
      // With a second active admin, the same change is allowed.
      await createUser(t, 'admin');
      await patch(last.id, { role: 'coordinator' }, actor).expect(200);
      await t.db.query(`UPDATE app_user SET active = true WHERE role = 'admin'`);
    });

    it('two admins demoting each other at once: one succeeds, the other is refused, an active admin remains', async () => {
      await t.db.query(`UPDATE app_user SET active = false WHERE role = 'admin'`);
      const a = await createUser(t, 'admin');
      const b = await createUser(t, 'admin');
      const statuses = (await Promise.all([patch(b.id, { role: 'teacher' }, a), patch(a.id, { role: 'teacher' }, b)])).map((r) => r.status).sort();
      // The loser is refused by the rule (422), or, when the winner committed first, its token has ended (401).
      expect(statuses[0]).toBe(200);
      expect([401, 422]).toContain(statuses[1]);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND active`))[0].n).toBe(1);
      await t.db.query(`UPDATE app_user SET active = true WHERE role = 'admin'`);
    });
  });

  describe('GET /audit-events filters', () => {
    let alice: TestUser;
    let bob: TestUser;
    const entity = 'aaaaaaaa-0000-4000-8000-000000000001';

    beforeAll(async () => {
      alice = await createUser(t, 'coordinator', { email: 'alice.filter@test.koers' });
      bob = await createUser(t, 'teacher', { email: 'bob.filter@test.koers' });
      const ev = (at: string, actor: TestUser, action: string, type: string, id: string) =>
        t.db.query(`INSERT INTO audit_event (occurred_at, actor_id, actor_role, action, entity_type, entity_id) VALUES ($1, $2, $3, $4, $5, $6)`, [at, actor.id, actor.role, action, type, id]);
      // 2030-03-10 in Amsterdam (UTC+1) runs from 2030-03-09T23:00Z to 2030-03-10T23:00Z.
      await ev('2030-03-09T22:30:00Z', alice, 'create', 'trajectory', entity);
      await ev('2030-03-09T23:30:00Z', alice, 'status.activate', 'trajectory', entity);
      await ev('2030-03-10T22:30:00Z', bob, 'update', 'lesson', 'bbbbbbbb-0000-4000-8000-000000000002');
      await ev('2030-03-10T23:30:00Z', alice, 'status.suspend', 'trajectory', entity);
      await ev('2030-03-11T09:00:00Z', bob, 'statusx', 'lesson', 'bbbbbbbb-0000-4000-8000-000000000002');
    });

    const actions = async (query: string) => (await audit(`from=2030-01-01&${query}`).expect(200)).body.items.map((e: { action: string }) => e.action);

    it('pages newest first, with the actor named', async () => {
      const first = (await audit('from=2030-01-01&pageSize=2').expect(200)).body;
      expect(first.total).toBe(5);
      expect(first.items.map((e: { action: string }) => e.action)).toEqual(['statusx', 'status.suspend']);
      expect(first.items[0]).toMatchObject({ actorId: bob.id, actorRole: 'teacher', actorName: `teacher ${bob.email}`, actorEmail: bob.email, entityType: 'lesson', fields: [] });
      expect((await audit('from=2030-01-01&pageSize=2&page=3').expect(200)).body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    });

    it('filters by who (id, or part of the name or e-mail), what (action, a prefix before a dot, entity type), record and period', async () => {
      expect(await actions(`actorId=${bob.id}`)).toEqual(['statusx', 'update']);
      expect(await actions('actor=ALICE.filter')).toEqual(['status.suspend', 'status.activate', 'create']);
      expect(await actions('actor=%25')).toEqual([]);
      expect(await actions('action=status')).toEqual(['status.suspend', 'status.activate']);
      expect(await actions('action=status.activate')).toEqual(['status.activate']);
      expect(await actions('action=statu')).toEqual([]);
      expect(await actions('entityType=lesson')).toEqual(['statusx', 'update']);
      expect(await actions(`entityId=${entity}&entityType=trajectory&action=status`)).toEqual(['status.suspend', 'status.activate']);
      // A date alone is a whole day in the college's time zone.
      expect(await actions('to=2030-03-10')).toEqual(['update', 'status.activate', 'create']);
      expect((await audit('from=2030-03-10&to=2030-03-10').expect(200)).body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'status.activate']);
      expect((await audit('from=2030-03-10T00:00:00Z&to=2030-03-10T23:00:00Z').expect(200)).body.items.map((e: { action: string }) => e.action)).toEqual(['update']);
    });

    it('refuses a reversed period, a bad actor id or an overlong filter with a 400 naming the field', async () => {
      expect(fields(await audit('from=2030-03-11&to=2030-03-10').expect(400))).toEqual(['to']);
      expect(fields(await audit('from=2030-03-10T12:00:00Z&to=2030-03-10').expect(200))).toEqual([]);
      expect(fields(await audit('from=2030-03-11T00:00:00Z&to=2030-03-10').expect(400))).toEqual(['to']);
      expect(fields(await audit('actorId=alice').expect(400))).toEqual(['actorId']);
      expect(fields(await audit(`actor=${'x'.repeat(101)}`).expect(400))).toEqual(['actor']);
      expect(fields(await audit('actor=%00').expect(400))).toEqual(['actor']);
    });
  });
});
