import { todayIn, addDays } from '../src/common/domain/calendar';
import { createContract, createLearner, createTrajectory, createGroup, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const api = (p: string) => `/api/v1${p}`;
const AGREEMENT = { wishes: { sport: 'Wil voetballen bij een club' }, needs: { work: 'Zoekt vrijwilligerswerk' }, abilities: { culture: 'Speelt gitaar' } };

describe('network: partners, volunteers, referrals (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let admin: TestUser;
  let coordinator: TestUser;
  let teacher: TestUser;
  let finance: TestUser;
  let enschede: TestUser;
  let hengelo: TestUser;
  let learnerUser: TestUser;
  let otherLearnerUser: TestUser;
  let trajE: string; // Enschede, B1-route
  let trajZ: string; // Enschede, Z-route (the learner user's)
  let trajH: string; // Hengelo
  let partnerE: string;
  let partnerH: string;
  let volunteer: string;
  const today = todayIn('Europe/Amsterdam');

  const as = (u: TestUser) => ({
    get: (p: string) => t.http.get(api(p)).set('Authorization', u.auth),
    post: (p: string, body: object = {}) => t.http.post(api(p)).set('Authorization', u.auth).send(body),
    patch: (p: string, body: object) => t.http.patch(api(p)).set('Authorization', u.auth).send(body),
    del: (p: string) => t.http.delete(api(p)).set('Authorization', u.auth),
  });

  async function trajectory(municipality: string, product: string, contractId: string, over: Record<string, unknown> = {}) {
    const l = await createLearner(t.db, ref.municipalities[municipality]);
    const tr = await createTrajectory(t.db, {
      learnerId: l.id,
      municipalityId: ref.municipalities[municipality],
      contractId,
      productId: ref.products[product],
      integrationAgreement: AGREEMENT,
      ...over,
    });
    return { learnerId: l.id, trajectoryId: tr.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    const cE = await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE'], ref.products['Z-ROUTE']]);
    const cH = await createContract(t.db, ref.municipalities.Hengelo, [ref.products['B1-ROUTE']]);
    admin = await createUser(t, 'admin');
    coordinator = await createUser(t, 'coordinator');
    teacher = await createUser(t, 'teacher');
    finance = await createUser(t, 'finance');
    enschede = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    hengelo = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Hengelo });
    trajE = (await trajectory('Enschede', 'B1-ROUTE', cE.id)).trajectoryId;
    const z = await trajectory('Enschede', 'Z-ROUTE', cE.id, { pipDate: '2025-01-14' });
    trajZ = z.trajectoryId;
    learnerUser = await createUser(t, 'learner', { learnerId: z.learnerId });
    const h = await trajectory('Hengelo', 'B1-ROUTE', cH.id);
    trajH = h.trajectoryId;
    otherLearnerUser = await createUser(t, 'learner', { learnerId: h.learnerId });
  });
  afterAll(() => t.close());

  describe('partners', () => {
    it('a coordinator creates, searches, filters and changes partners; audited', async () => {
      const res = await as(coordinator).post('/partners', {
        municipalityId: ref.municipalities.Enschede,
        name: 'Voetbalvereniging Rigtersbleek',
        kind: 'sport_club',
        themes: ['sport', 'neighbourhood', 'sport'],
        contactName: 'Jan de Vries',
        address: 'Sportlaan 1, Enschede',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'sport_club', themes: ['sport', 'neighbourhood'], active: true, version: 1, municipality: { cbsCode: 'GM0153' } });
      partnerE = res.body.id;
      await as(coordinator).post('/partners', { municipalityId: ref.municipalities.Enschede, name: 'Bibliotheek Enschede', kind: 'library', themes: ['culture'] }).expect(201);
      await as(coordinator).post('/partners', { municipalityId: ref.municipalities.Enschede, name: 'Oude kerk', kind: 'religious_community', themes: ['religion'], active: false }).expect(201);
      partnerH = (await as(admin).post('/partners', { municipalityId: ref.municipalities.Hengelo, name: 'Moskee Hengelo', kind: 'religious_community', themes: ['religion'] }).expect(201)).body.id;

      const search = await as(coordinator).get('/partners?search=rigters').expect(200);
      expect(search.body.items.map((p: { id: string }) => p.id)).toEqual([partnerE]);
      expect((await as(coordinator).get('/partners?search=sportlaan').expect(200)).body.total).toBe(1);
      expect((await as(coordinator).get('/partners?theme=religion').expect(200)).body.total).toBe(2);
      expect((await as(coordinator).get(`/partners?theme=religion&municipalityId=${ref.municipalities.Enschede}`).expect(200)).body.total).toBe(1);
      expect((await as(coordinator).get('/partners?kind=library').expect(200)).body.items[0].name).toBe('Bibliotheek Enschede');
      expect((await as(coordinator).get('/partners?active=false').expect(200)).body.items.map((p: { name: string }) => p.name)).toEqual(['Oude kerk']);

      const upd = await as(coordinator).patch(`/partners/${partnerE}`, { version: 1, contactPhone: '053-1234567' }).expect(200);
      expect(upd.body).toMatchObject({ version: 2, contactPhone: '053-1234567', name: 'Voetbalvereniging Rigtersbleek' });
      await as(coordinator).patch(`/partners/${partnerE}`, { version: 1, name: 'X' }).expect(409);
      const audit = await t.db.query(`SELECT action FROM audit_event WHERE entity_type = 'network_partner' AND entity_id = $1 ORDER BY occurred_at`, [partnerE]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
    });

    it('refuses bad input with the field named', async () => {
      const res = await as(coordinator).post('/partners', { municipalityId: ref.municipalities.Enschede, name: 'X', kind: 'pub', themes: ['beer'] });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'themes']);
      const unknown = await as(coordinator).post('/partners', { municipalityId: '00000000-0000-4000-8000-000000000000', name: 'X', kind: 'other' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('municipalityId');
    });

    it('a municipality reads only its own partners; writing is 403; a learner or finance may not list', async () => {
      const list = await as(enschede).get('/partners').expect(200);
      expect(list.body.items.every((p: { municipalityId: string }) => p.municipalityId === ref.municipalities.Enschede)).toBe(true);
      expect(list.body.total).toBe(3);
      await as(enschede).get(`/partners/${partnerE}`).expect(200);
      await as(hengelo).get(`/partners/${partnerE}`).expect(404);
      expect((await as(hengelo).get(`/partners?municipalityId=${ref.municipalities.Enschede}`).expect(200)).body.total).toBe(0);
      await as(enschede).post('/partners', { municipalityId: ref.municipalities.Enschede, name: 'Y', kind: 'other' }).expect(403);
      await as(enschede).patch(`/partners/${partnerE}`, { version: 2, name: 'Y' }).expect(403);
      await as(learnerUser).get('/partners').expect(403);
      await as(finance).get('/partners').expect(403);
      await as(teacher).get(`/partners/${partnerH}`).expect(200);
    });
  });

  describe('volunteers', () => {
    it('stores the VOG date and derives its expiry (3 years) and the municipality of its partner', async () => {
      const res = await as(coordinator).post('/volunteers', {
        name: 'Fatima el Idrissi',
        email: 'fatima@example.nl',
        languages: ['Nederlands', 'Arabisch'],
        availability: 'dinsdagmiddag',
        partnerId: partnerE,
        vogDate: '2024-02-29',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ vogDate: '2024-02-29', vogExpiresOn: '2027-02-28', municipalityId: ref.municipalities.Enschede, partnerName: 'Voetbalvereniging Rigtersbleek' });
      volunteer = res.body.id;
      expect(res.body.vogExpired).toBe('2027-02-28' <= today);
      // Expires in 30 days, expired yesterday, and none at all.
      const soon = addDays(today, 30).replace(/^(\d{4})/, (y) => String(Number(y) - 3));
      const past = addDays(today, -1).replace(/^(\d{4})/, (y) => String(Number(y) - 3));
      await as(coordinator).post('/volunteers', { name: 'Piet Bakker', municipalityId: ref.municipalities.Enschede, vogDate: soon }).expect(201);
      await as(coordinator).post('/volunteers', { name: 'Olga Ivanova', municipalityId: ref.municipalities.Enschede, vogDate: past, languages: ['Russisch'] }).expect(201);
      await as(coordinator).post('/volunteers', { name: 'Zonder VOG', municipalityId: ref.municipalities.Hengelo }).expect(201);
      const expiring = await as(coordinator).get('/volunteers?vogExpiringWithinDays=60&sort=vogExpiresOn').expect(200);
      expect(expiring.body.items.map((v: { name: string }) => v.name)).toEqual(expect.arrayContaining(['Piet Bakker', 'Olga Ivanova', 'Zonder VOG']));
      expect(expiring.body.items.map((v: { name: string }) => v.name)).not.toContain('Fatima el Idrissi');
      const olga = (await as(coordinator).get('/volunteers?search=russisch').expect(200)).body.items;
      expect(olga).toHaveLength(1);
      expect(olga[0]).toMatchObject({ name: 'Olga Ivanova', vogExpired: true });
      // The partner's municipality wins; another one is refused.
      const bad = await as(coordinator).post('/volunteers', { name: 'X', partnerId: partnerE, municipalityId: ref.municipalities.Hengelo });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('municipalityId');
    });

    it('a municipality sees its own volunteers without contact details; others are 404', async () => {
      const list = await as(enschede).get('/volunteers').expect(200);
      expect(list.body.total).toBe(3);
      expect(list.body.items.every((v: { email: unknown }) => v.email === null)).toBe(true);
      await as(hengelo).get(`/volunteers/${volunteer}`).expect(404);
      await as(enschede).post('/volunteers', { name: 'X' }).expect(403);
      await as(teacher).get('/volunteers').expect(403);
    });
  });

  describe('referrals', () => {
    let referral: string;

    it('runs planned → first_contact → participating → ended with hours; audited', async () => {
      const created = await as(coordinator).post(`/trajectories/${trajZ}/referrals`, { partnerId: partnerE, reason: { kind: 'wish', theme: 'sport' }, plannedDate: '2025-03-01' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'planned', reasonText: 'Wil voetballen bij een club', accompanied: false, version: 1 });
      referral = created.body.id;

      const first = await as(coordinator).post(`/referrals/${referral}/first-contact`, { version: 1, date: '2025-03-03', accompaniedBy: { volunteerId: volunteer } });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'first_contact', firstContactDate: '2025-03-03', accompanied: true, accompaniedBy: { kind: 'volunteer', name: 'Fatima el Idrissi' } });
      await as(coordinator).post(`/referrals/${referral}/participating`, { version: 2 }).expect(200);
      const h1 = await as(coordinator).post(`/referrals/${referral}/hours`, { date: '2025-03-10', minutes: 90 });
      expect(h1.status).toBe(201);
      await as(coordinator).post(`/referrals/${referral}/hours`, { date: '2025-03-17', minutes: 120, note: 'training' }).expect(201);
      const early = await as(coordinator).post(`/referrals/${referral}/hours`, { date: '2025-03-01', minutes: 60 });
      expect(early.status).toBe(400);
      expect(early.body.errors[0].field).toBe('date');
      // The end cannot lie before recorded hours.
      expect((await as(coordinator).post(`/referrals/${referral}/end`, { version: 3, date: '2025-03-12' })).status).toBe(400);
      const ended = await as(coordinator).post(`/referrals/${referral}/end`, { version: 3, date: '2025-06-30', reason: 'Seizoen voorbij' });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ status: 'ended', endDate: '2025-06-30', outcomeReason: 'Seizoen voorbij', participationMinutes: 210 });
      const hours = await as(coordinator).get(`/referrals/${referral}/hours`).expect(200);
      expect(hours.body).toMatchObject({ totalMinutes: 210, totalHours: 3.5 });
      expect(hours.body.entries.map((e: { date: string }) => e.date)).toEqual(['2025-03-10', '2025-03-17']);
      const actions = await t.db.query(`SELECT action FROM audit_event WHERE entity_type = 'referral' AND entity_id = $1 ORDER BY occurred_at`, [referral]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['create', 'referral_first_contact', 'referral_participating', 'referral_end']);
    });

    it('refuses moves out of order with an explanation, and a stale version with 409', async () => {
      const r = (await as(coordinator).post(`/trajectories/${trajE}/referrals`, { partnerId: partnerE, reason: { kind: 'need', theme: 'work' }, plannedDate: '2025-04-01' }).expect(201)).body;
      const end = await as(coordinator).post(`/referrals/${r.id}/end`, { version: 1, date: '2025-04-02' });
      expect(end.status).toBe(422);
      expect(end.body.code).toBe('invalid_transition');
      expect(end.body.detail).toMatch(/planned.*must be participating/);
      expect((await as(coordinator).post(`/referrals/${r.id}/participating`, { version: 1 })).status).toBe(422);
      expect((await as(coordinator).post(`/referrals/${r.id}/hours`, { date: '2025-04-02', minutes: 60 })).status).toBe(422);
      expect((await as(coordinator).post(`/referrals/${r.id}/not-started`, { version: 7, reason: 'x' })).status).toBe(409);
      const missingReason = await as(coordinator).post(`/referrals/${r.id}/not-started`, { version: 1 });
      expect(missingReason.status).toBe(400);
      expect(missingReason.body.errors[0].field).toBe('reason');
      const ns = await as(coordinator).post(`/referrals/${r.id}/not-started`, { version: 1, reason: 'Kon niet op trainingsavond' }).expect(200);
      expect(ns.body).toMatchObject({ status: 'not_started', outcomeReason: 'Kon niet op trainingsavond' });
      expect((await as(coordinator).post(`/referrals/${r.id}/first-contact`, { version: 2, date: '2025-04-02' })).body.detail).toMatch(/not_started.*must be planned/);
    });

    it('checks the reason, the partner and who went along', async () => {
      const noReason = await as(coordinator).post(`/trajectories/${trajE}/referrals`, { partnerId: partnerE, reason: { kind: 'wish', theme: 'religion' }, plannedDate: '2025-04-01' });
      expect(noReason.status).toBe(422);
      expect(noReason.body.code).toBe('reason_not_in_agreement');
      const otherTown = await as(coordinator).post(`/trajectories/${trajE}/referrals`, { partnerId: partnerH, reason: { kind: 'wish', theme: 'sport' }, plannedDate: '2025-04-01' });
      expect(otherTown.status).toBe(422);
      expect(otherTown.body.errors[0].field).toBe('partnerId');
      const r = (await as(coordinator).post(`/trajectories/${trajE}/referrals`, { partnerId: partnerE, reason: { kind: 'ability', theme: 'culture' }, plannedDate: '2025-04-01' }).expect(201)).body;
      const both = await as(coordinator).post(`/referrals/${r.id}/first-contact`, { version: 1, date: '2025-04-02', accompaniedBy: { volunteerId: volunteer, userId: coordinator.id } });
      expect(both.status).toBe(400);
      const expired = (await as(coordinator).get('/volunteers?search=olga').expect(200)).body.items[0];
      const vog = await as(coordinator).post(`/referrals/${r.id}/first-contact`, { version: 1, date: today, accompaniedBy: { volunteerId: expired.id } });
      expect(vog.status).toBe(422);
      expect(vog.body.code).toBe('vog_not_valid');
      const future = await as(coordinator).post(`/referrals/${r.id}/first-contact`, { version: 1, date: addDays(today, 2) });
      expect(future.status).toBe(400);
      const staff = await as(coordinator).post(`/referrals/${r.id}/first-contact`, { version: 1, date: '2025-04-02', accompaniedBy: { userId: teacher.id } }).expect(200);
      expect(staff.body.accompaniedBy).toMatchObject({ kind: 'staff', id: teacher.id });
      // An unaccompanied first contact (on Hengelo's side, for the overview there).
      const rh = (await as(coordinator).post(`/trajectories/${trajH}/referrals`, { partnerId: partnerH, reason: { kind: 'wish', theme: 'sport' }, plannedDate: '2025-04-01' }).expect(201)).body;
      const alone = await as(coordinator).post(`/referrals/${rh.id}/first-contact`, { version: 1, date: '2025-04-02' }).expect(200);
      expect(alone.body).toMatchObject({ accompanied: false, accompaniedBy: null });
    });

    it('scopes: the municipality reads its own learners\' referrals, a learner its own; nobody but staff writes', async () => {
      const listZ = await as(enschede).get(`/trajectories/${trajZ}/referrals`).expect(200);
      expect(listZ.body.total).toBe(1);
      await as(enschede).get(`/referrals/${referral}`).expect(200);
      await as(hengelo).get(`/referrals/${referral}`).expect(404);
      await as(hengelo).get(`/trajectories/${trajZ}/referrals`).expect(404);
      await as(hengelo).get(`/referrals/${referral}/hours`).expect(404);
      await as(learnerUser).get(`/trajectories/${trajZ}/referrals`).expect(200);
      await as(learnerUser).get(`/referrals/${referral}/hours`).expect(200);
      await as(otherLearnerUser).get(`/referrals/${referral}`).expect(404);
      await as(otherLearnerUser).get(`/trajectories/${trajZ}/referrals`).expect(404);
      await as(finance).get(`/trajectories/${trajZ}/referrals`).expect(403);
      await as(enschede).post(`/trajectories/${trajZ}/referrals`, { partnerId: partnerE, reason: { kind: 'wish', theme: 'sport' }, plannedDate: '2025-04-01' }).expect(403);
      await as(learnerUser).post(`/referrals/${referral}/hours`, { date: '2025-03-20', minutes: 60 }).expect(403);
      await as(teacher).post(`/referrals/${referral}/not-started`, { version: 1, reason: 'x' }).expect(403);
      // A teacher of the learner's group reads it; another teacher does not.
      const group = await createGroup(t.db, ref.products['Z-ROUTE'], { teacherIds: [teacher.id] });
      await enrol(t.db, trajZ, group.id);
      await as(teacher).get(`/referrals/${referral}`).expect(200);
      const otherTeacher = await createUser(t, 'teacher');
      await as(otherTeacher).get(`/referrals/${referral}`).expect(404);
    });

    it('counts participation hours toward the Z-route norm in the attendance view', async () => {
      const z = await as(coordinator).get(`/trajectories/${trajZ}/attendance`).expect(200);
      expect(z.body.participationNorm).toMatchObject({ participationNormHours: 800, participationHours: 3.5, participationMet: false });
      const [{ m }] = await t.db.query(`SELECT koers_participation_minutes($1, '2025-03-16') AS m`, [trajZ]);
      expect(m).toBe(90);
      const b1 = await as(coordinator).get(`/trajectories/${trajE}/attendance`).expect(200);
      expect(b1.body.participationNorm).toBeNull();
    });

    it('corrects and deletes participation entries, audited; the attendance view and SPIL follow at once', async () => {
      const spilHours = async () =>
        (await as(coordinator).get(`/reports/spil?municipalityId=${ref.municipalities.Enschede}&from=2025-01-01&to=2025-12-31`).expect(200)).body.municipalities[0].indicators.z_route
          .participationHours as number;
      const attendanceHours = async () => (await as(coordinator).get(`/trajectories/${trajZ}/attendance`).expect(200)).body.participationNorm.participationHours as number;
      const spilBefore = await spilHours();
      const before = (await as(coordinator).get(`/referrals/${referral}/hours`).expect(200)).body;
      const [e1, e2] = before.entries as Array<{ id: string; version: number; minutes: number }>;
      expect(e1).toMatchObject({ minutes: 90, version: 1 });
      const url = (id: string) => `/referrals/${referral}/hours/${id}`;

      const fixed = await as(coordinator).patch(url(e1.id), { version: 1, minutes: 150, note: 'Gecorrigeerd: twee trainingen' });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ totalMinutes: 270, totalHours: 4.5 });
      expect(fixed.body.entries.find((e: { id: string }) => e.id === e1.id)).toMatchObject({ date: '2025-03-10', minutes: 150, note: 'Gecorrigeerd: twee trainingen', version: 2 });
      expect((await as(coordinator).patch(url(e1.id), { version: 1, minutes: 60 })).status).toBe(409);
      for (const [body, field] of [
        [{ version: 2, date: '2025-07-01' }, 'date'], // after the referral's end
        [{ version: 2, date: '2025-02-28' }, 'date'], // before participation started
        [{ version: 2, date: addDays(today, 1) }, 'date'],
        [{ version: 2, minutes: 0 }, 'minutes'],
        [{ version: 2, minutes: null }, 'minutes'],
        [{ version: 2, date: null }, 'date'],
        [{ minutes: 60 }, 'version'],
      ] as const) {
        const res = await as(coordinator).patch(url(e1.id), body);
        expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, field]);
      }
      const moved = await as(coordinator).patch(url(e1.id), { version: 2, date: '2025-04-01', note: null }).expect(200);
      expect(moved.body.entries.map((e: { date: string; note: string | null }) => [e.date, e.note])).toEqual([['2025-03-17', 'training'], ['2025-04-01', null]]);
      expect(await attendanceHours()).toBe(4.5);
      expect(await spilHours()).toBeCloseTo(spilBefore + 1, 6);

      // Only staff write; out of scope or of another referral is 404.
      await as(enschede).patch(url(e1.id), { version: 3, minutes: 10 }).expect(403);
      await as(teacher).del(url(e2.id)).expect(403);
      await as(learnerUser).del(url(e2.id)).expect(403);
      const other = (await as(coordinator).get(`/trajectories/${trajE}/referrals?status=first_contact`).expect(200)).body.items[0];
      await as(coordinator).del(`/referrals/${other.id}/hours/${e2.id}`).expect(422); // no hours before participating
      await as(coordinator).patch(`/referrals/${referral}/hours/${other.id}`, { version: 1, minutes: 10 }).expect(404);

      await as(coordinator).del(url(e2.id)).expect(204);
      await as(coordinator).del(url(e2.id)).expect(404);
      const after = (await as(coordinator).get(`/referrals/${referral}/hours`).expect(200)).body;
      expect(after).toMatchObject({ totalMinutes: 150, entries: [{ id: e1.id, minutes: 150 }] });
      expect((await as(coordinator).get(`/referrals/${referral}`).expect(200)).body.participationMinutes).toBe(150);
      expect(await attendanceHours()).toBe(2.5);
      expect(await spilHours()).toBeCloseTo(spilBefore - 1, 6);
      const audit = await t.db.query(
        `SELECT action, entity_id AS id, fields FROM audit_event WHERE entity_type = 'participation_entry' AND action IN ('update', 'delete') ORDER BY occurred_at`,
      );
      expect(audit).toEqual([
        { action: 'update', id: e1.id, fields: ['minutes', 'note'] },
        { action: 'update', id: e1.id, fields: ['date', 'note'] },
        { action: 'delete', id: e2.id, fields: [] },
      ]);
    });

    it('ended trajectories are read-only for referrals', async () => {
      const cE = (await t.db.query(`SELECT contract_id AS c FROM trajectory WHERE id = $1`, [trajE]))[0].c;
      const done = await trajectory('Enschede', 'B1-ROUTE', cE, { status: 'completed', endDate: '2025-06-01' });
      const res = await as(coordinator).post(`/trajectories/${done.trajectoryId}/referrals`, { partnerId: partnerE, reason: { kind: 'wish', theme: 'sport' }, plannedDate: '2025-04-01' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('trajectory_ended');
    });
  });

  describe('network overview', () => {
    it('counts partners per kind and theme, referrals per partner, the accompanied share and expiring VOGs', async () => {
      const res = await as(coordinator).get(`/municipalities/${ref.municipalities.Enschede}/network`).expect(200);
      const o = res.body;
      expect(o.activePartners).toBe(2);
      expect(o.partnersPerKind.find((k: { kind: string }) => k.kind === 'sport_club').partners).toBe(1);
      expect(o.partnersPerKind.find((k: { kind: string }) => k.kind === 'religious_community').partners).toBe(0);
      expect(o.partnersPerTheme.find((k: { theme: string }) => k.theme === 'sport').partners).toBe(1);
      expect(o.partnersPerTheme.find((k: { theme: string }) => k.theme === 'culture').partners).toBe(1);
      const club = o.referralsPerPartner.find((p: { partnerId: string }) => p.partnerId === partnerE);
      expect(club).toMatchObject({ total: 3, ended: 1, notStarted: 1, firstContact: 1, participationMinutes: 150 }); // 210, corrected above to 150
      expect(o.accompaniedFirstContact).toEqual({ withFirstContact: 2, accompanied: 2, share: 1 });
      expect(o.vogExpiringSoon.map((v: { name: string }) => v.name)).toEqual(['Piet Bakker']);
      expect(o.vogExpiringSoon[0].daysLeft).toBe(30);
      expect(o.vogMissingOrExpired).toBe(1);
      const h = (await as(hengelo).get(`/municipalities/${ref.municipalities.Hengelo}/network`).expect(200)).body;
      expect(h.accompaniedFirstContact).toEqual({ withFirstContact: 1, accompanied: 0, share: 0 });
      expect(h.vogMissingOrExpired).toBe(1);
    });

    it('a municipality cannot read another municipality\'s network', async () => {
      await as(hengelo).get(`/municipalities/${ref.municipalities.Enschede}/network`).expect(404);
      await as(enschede).get(`/municipalities/${ref.municipalities.Enschede}/network`).expect(200);
      await as(teacher).get(`/municipalities/${ref.municipalities.Enschede}/network`).expect(403);
      await as(coordinator).get(`/municipalities/00000000-0000-4000-8000-000000000000/network`).expect(404);
    });
  });

  it('trajectories carry the wi2021 term end beside the PIP date', async () => {
    const res = await as(coordinator).get(`/trajectories/${trajZ}`).expect(200);
    expect(res.body).toMatchObject({ pipDate: '2025-01-14', termEndDate: '2028-01-15', legalRegime: 'wi2021' });
    expect((await as(coordinator).get(`/trajectories/${trajE}`).expect(200)).body.termEndDate).toBeNull();
  });
});

describe('wi2021 term worklist (e2e)', () => {
  let t: TestApp;
  it('lists unfinished wi2021 trajectories whose term ends within 6 months, with hours and levels', async () => {
    t = await createTestApp();
    try {
      const ref = await seedReference(t.db);
      const c = await createContract(t.db, ref.municipalities.Almelo, [ref.products['Z-ROUTE'], ref.products['B1-ROUTE']]);
      const today = todayIn('Europe/Amsterdam');
      const year = (d: string, n: number) => d.replace(/^(\d{4})/, (y) => String(Number(y) + n));
      const mk = async (pipDate: string | null, over: Record<string, unknown> = {}) => {
        const l = await createLearner(t.db, ref.municipalities.Almelo);
        return createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Almelo, contractId: c.id, productId: ref.products['Z-ROUTE'], pipDate, ...over });
      };
      // Term end = pip + 1 day + 3 years.
      const soon = await mk(addDays(year(today, -3), 59)); // ends in ~60 days
      await mk(addDays(year(today, -2), 0)); // ends in a year
      await mk(addDays(year(today, -3), 10), { legalRegime: 'wi2013', productId: ref.products['B1-ROUTE'] });
      await mk(addDays(year(today, -3), 10), { status: 'completed', endDate: today });
      const coordinator = await createUser(t, 'coordinator');
      const res = await t.http.get('/api/v1/trajectories/term-worklist').set('Authorization', coordinator.auth);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { trajectoryId: string }) => i.trajectoryId)).toEqual([soon.id]);
      const item = res.body.items[0];
      expect(item.termEndDate).toBe(year(addDays(addDays(year(today, -3), 59), 1), 3));
      expect(item).toMatchObject({ attendedHours: 0, participationHours: 0, contractedHours: 1200 });
      expect(item.levels.find((l: { skill: string }) => l.skill === 'reading')).toMatchObject({ current: 'A1', target: 'B1' });
      const enschede = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
      await t.http.get('/api/v1/trajectories/term-worklist').set('Authorization', enschede.auth).expect(403);
      const bad = await t.http.get('/api/v1/trajectories/term-worklist?withinMonths=0').set('Authorization', coordinator.auth);
      expect(bad.status).toBe(400);
    } finally {
      await t.close();
    }
  });
});
