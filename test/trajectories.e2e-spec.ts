import { Contract } from '../src/modules/contracts/entities/contract.entity';
import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const BASE = '/api/v1/trajectories';
/** Distinct field names of a problem's errors (one field may break several rules). */
const fieldsOf = (body: { errors?: Array<{ field: string }> }) => [...new Set((body.errors ?? []).map((e) => e.field))];

describe('trajectories (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let admin: TestUser;
  let coord: TestUser;
  let finance: TestUser;
  let enschede: string;
  let hengelo: string;
  let b1: string;
  let zroute: string;
  let alfa: string;
  let contractE: Contract;
  let contractH: Contract;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    enschede = ref.municipalities.Enschede;
    hengelo = ref.municipalities.Hengelo;
    b1 = ref.products['B1-ROUTE'];
    zroute = ref.products['Z-ROUTE'];
    alfa = ref.products.ALFA;
    contractE = await createContract(t.db, enschede, [b1, zroute]);
    contractH = await createContract(t.db, hengelo, [b1, alfa]);
    admin = await createUser(t, 'admin');
    coord = await createUser(t, 'coordinator');
    finance = await createUser(t, 'finance');
  });
  afterAll(() => t.close());

  /** A valid create body for a fresh learner in Enschede on the B1-route. */
  async function body(over: Record<string, unknown> = {}) {
    const learner = await createLearner(t.db, enschede);
    return { learnerId: learner.id, municipalityId: enschede, contractId: contractE.id, productId: b1, startDate: '2025-02-03', ...over };
  }

  async function createVia(over: Record<string, unknown> = {}) {
    const res = await t.http.post(BASE).set('Authorization', coord.auth).send(await body(over)).expect(201);
    return res.body;
  }

  const post = (path: string, data: object, user: TestUser = coord) => t.http.post(`${BASE}/${path}`).set('Authorization', user.auth).send(data);
  const patch = (id: string, data: object, user: TestUser = coord) => t.http.patch(`${BASE}/${id}`).set('Authorization', user.auth).send(data);

  async function auditActions(id: string): Promise<Array<{ action: string; actorId: string; fields: string[] }>> {
    const res = await t.http.get(`/api/v1/audit-events?entityType=trajectory&entityId=${id}&pageSize=100`).set('Authorization', admin.auth).expect(200);
    return res.body.items;
  }

  describe('create', () => {
    it('creates a planned trajectory with hours, targets, regime and planned end from the product', async () => {
      const learner = await createLearner(t.db, enschede, { firstName: 'Ayşe', lastName: 'Yılmaz' });
      const res = await t.http
        .post(BASE)
        .set('Authorization', coord.auth)
        .send({ learnerId: learner.id, municipalityId: enschede, contractId: contractE.id, productId: b1, startDate: '2025-02-03' })
        .expect(201);
      expect(res.body).toMatchObject({
        status: 'planned',
        learnerId: learner.id,
        learner: { id: learner.id, learnerNumber: learner.learnerNumber, firstName: 'Ayşe', lastName: 'Yılmaz' },
        municipality: { id: enschede, name: 'Enschede', cbsCode: 'GM0153' },
        product: { id: b1, code: 'B1-ROUTE', name: 'B1-route' },
        contract: { id: contractE.id, reference: contractE.reference },
        startDate: '2025-02-03',
        plannedEndDate: '2026-08-03', // + 78 weeks
        endDate: null,
        pipDate: null,
        contractedHours: 1200,
        legalRegime: 'wi2021',
        targetLevels: { reading: 'B1', listening: 'B1', writing: 'B1', speaking: 'B1', knm: 'pass', map: 'pass' },
        plan: {},
        integrationAgreement: {},
        dropoutReason: null,
        version: 1,
      });
      // Finance reads what billing needs: the same trajectory without targets, plan, integration agreement, dropout note.
      const { targetLevels, plan, integrationAgreement, dropoutNote, ...billing } = res.body;
      expect({ targetLevels, plan, integrationAgreement, dropoutNote }).toEqual({ targetLevels: expect.any(Object), plan: {}, integrationAgreement: {}, dropoutNote: null });
      const got = await t.http.get(`${BASE}/${res.body.id}`).set('Authorization', finance.auth).expect(200);
      expect(got.body).toEqual(billing);
      const audit = await auditActions(res.body.id);
      expect(audit).toEqual([expect.objectContaining({ action: 'create', actorId: coord.id, fields: expect.arrayContaining(['learnerId', 'targetLevels']) })]);
    });

    it('takes explicit values, plan and integration agreement instead of the defaults', async () => {
      const plan = { goals: { work: 'Werkervaring opdoen', housing: 'Zelf huurcontract regelen' }, agreements: 'Twee keer per week les' };
      const integrationAgreement = {
        wishes: { sport: 'Voetbalclub', work: 'Zorg' },
        needs: { housing: 'Hulp bij post' },
        abilities: { culture: 'Spreekt Arabisch en Engels', religion: 'Moskee in de wijk' },
      };
      const created = await createVia({
        productId: alfa,
        contractId: contractH.id,
        municipalityId: hengelo,
        plannedEndDate: '2025-12-19',
        contractedHours: 900,
        targetLevels: { reading: 'A2', speaking: 'B1', ona: 'pass' },
        pipDate: '2025-01-15',
        plan,
        integrationAgreement,
      });
      expect(created).toMatchObject({
        plannedEndDate: '2025-12-19',
        contractedHours: 900,
        legalRegime: 'wi2013',
        targetLevels: { reading: 'A2', speaking: 'B1', ona: 'pass' },
        pipDate: '2025-01-15',
        plan,
        integrationAgreement,
      });
    });

    it('refuses bad input with 400 naming the field', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ learnerId: undefined }, 'learnerId'],
        [{ startDate: undefined }, 'startDate'],
        [{ contractId: 'nope' }, 'contractId'],
        [{ contractedHours: 'many' }, 'contractedHours'],
        [{ contractedHours: 0 }, 'contractedHours'],
        [{ contractedHours: null }, 'contractedHours'],
        [{ startDate: '2025-02-30' }, 'startDate'],
        [{ startDate: '2025-02-03T10:00:00Z' }, 'startDate'],
        [{ isBoss: true }, 'isBoss'],
        [{ legalRegime: 'wi1999' }, 'legalRegime'],
        [{ targetLevels: { reading: 'B3' } }, 'targetLevels.reading'],
        [{ targetLevels: { knm: 'B1' } }, 'targetLevels.knm'],
        [{ targetLevels: { cooking: 'A1' } }, 'targetLevels.cooking'],
        [{ plan: 'be good' }, 'plan'],
        [{ plan: { goals: { cooking: 'x' } } }, 'plan.goals.cooking'],
        [{ integrationAgreement: { wishes: { sport: 5 } } }, 'integrationAgreement.wishes.sport'],
        [{ integrationAgreement: { dreams: {} } }, 'integrationAgreement.dreams'],
        [{ plannedEndDate: '2025-02-02' }, 'plannedEndDate'],
        [{ contractId: contractH.id }, 'contractId'], // contract of another municipality
        [{ productId: alfa }, 'productId'], // not in Enschede's contract
        [{ learnerId: '00000000-0000-4000-8000-000000000000' }, 'learnerId'],
        [{ municipalityId: '00000000-0000-4000-8000-000000000000' }, 'municipalityId'],
        [{ contractId: '00000000-0000-4000-8000-000000000000' }, 'contractId'],
        [{ startDate: '2023-06-01' }, 'startDate'], // before the contract starts
      ];
      for (const [over, field] of cases) {
        const res = await t.http.post(BASE).set('Authorization', coord.auth).send(await body(over));
        expect({ over, status: res.status, fields: fieldsOf(res.body) }).toEqual({ over, status: 400, fields: expect.arrayContaining([field]) });
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });

    it('allows at most one unfinished trajectory per learner (409 on learnerId), and a new one after the end', async () => {
      const first = await createVia();
      const again = await t.http.post(BASE).set('Authorization', coord.auth).send(await body({ learnerId: first.learnerId })).expect(409);
      expect(again.body).toMatchObject({ code: 'unfinished_trajectory_exists', errors: [{ field: 'learnerId', message: expect.any(String) }] });
      await post(`${first.id}/drop-out`, { version: 1, date: '2025-02-03', reason: 'no_show' }).expect(200);
      await t.http.post(BASE).set('Authorization', coord.auth).send(await body({ learnerId: first.learnerId, productId: zroute, startDate: '2025-03-03' })).expect(201);
    });
  });

  describe('transitions', () => {
    it('runs planned → active ⇄ suspended → active → completed, refusing what the status does not allow', async () => {
      const tr = await createVia();
      let v = 1;
      // planned: only activate or drop out
      for (const path of ['suspend', 'resume']) {
        const r = await post(`${tr.id}/${path}`, { version: v }).expect(422);
        expect(r.body).toMatchObject({ code: 'transition_not_allowed', errors: [{ field: 'status', message: 'is planned' }] });
      }
      await post(`${tr.id}/complete`, { version: v, endDate: '2025-06-01' }).expect(422);

      const active = await post(`${tr.id}/activate`, { version: v }).expect(200);
      expect(active.body).toMatchObject({ status: 'active', version: ++v });
      const twice = await post(`${tr.id}/activate`, { version: v }).expect(422);
      expect(twice.body.detail).toContain('is active');
      await post(`${tr.id}/resume`, { version: v }).expect(422);

      expect((await post(`${tr.id}/suspend`, { version: v }).expect(200)).body).toMatchObject({ status: 'suspended', version: ++v });
      const completeSuspended = await post(`${tr.id}/complete`, { version: v, endDate: '2025-06-01' }).expect(422);
      expect(completeSuspended.body.detail).toContain('is suspended');
      await post(`${tr.id}/suspend`, { version: v }).expect(422);
      await post(`${tr.id}/activate`, { version: v }).expect(422);

      expect((await post(`${tr.id}/resume`, { version: v }).expect(200)).body).toMatchObject({ status: 'active', version: ++v });

      // stale version, bad and future end dates
      const stale = await post(`${tr.id}/complete`, { version: v - 1, endDate: '2025-06-01' }).expect(409);
      expect(stale.body.errors).toEqual([{ field: 'version', message: expect.any(String) }]);
      expect(fieldsOf((await post(`${tr.id}/complete`, { version: v, endDate: '2025-02-02' }).expect(400)).body)).toEqual(['endDate']);
      expect(fieldsOf((await post(`${tr.id}/complete`, { version: v, endDate: '2999-01-01' }).expect(400)).body)).toEqual(['endDate']);
      expect(fieldsOf((await post(`${tr.id}/complete`, { version: v }).expect(400)).body)).toContain('endDate');
      expect(fieldsOf((await post(`${tr.id}/complete`, { endDate: '2025-06-01' }).expect(400)).body)).toContain('version');

      const done = await post(`${tr.id}/complete`, { version: v, endDate: '2025-06-01' }).expect(200);
      expect(done.body).toMatchObject({ status: 'completed', endDate: '2025-06-01', dropoutReason: null, version: ++v });

      // ended: read-only
      for (const path of ['activate', 'suspend', 'resume']) {
        const r = await post(`${tr.id}/${path}`, { version: v }).expect(422);
        expect(r.body.errors).toEqual([{ field: 'status', message: 'is completed' }]);
      }
      await post(`${tr.id}/complete`, { version: v, endDate: '2025-06-02' }).expect(422);
      await post(`${tr.id}/drop-out`, { version: v, date: '2025-06-02', reason: 'moved' }).expect(422);
      const edit = await patch(tr.id, { version: v, contractedHours: 1000 }).expect(422);
      expect(edit.body.code).toBe('trajectory_ended');

      const audit = await auditActions(tr.id);
      expect(audit.map((a) => a.action).sort()).toEqual(
        ['create', 'status.activate', 'status.suspend', 'status.resume', 'status.complete'].sort(),
      );
      expect(audit.find((a) => a.action === 'status.complete')).toMatchObject({ actorId: coord.id, fields: ['status', 'endDate'] });
    });

    it('drops out with date, reason and note; validates reason, note and date', async () => {
      const tr = await createVia();
      await post(`${tr.id}/activate`, { version: 1 }).expect(200);
      await post(`${tr.id}/suspend`, { version: 2 }).expect(200);
      const unknown = await post(`${tr.id}/drop-out`, { version: 3, date: '2025-05-01', reason: 'bored' }).expect(400);
      expect(fieldsOf(unknown.body)).toEqual(['reason']);
      const noNote = await post(`${tr.id}/drop-out`, { version: 3, date: '2025-05-01', reason: 'other' }).expect(400);
      expect(fieldsOf(noNote.body)).toEqual(['note']);
      expect(fieldsOf((await post(`${tr.id}/drop-out`, { version: 3, date: '2025-05-01', reason: 'other', note: '   ' }).expect(400)).body)).toEqual(['note']);
      expect(fieldsOf((await post(`${tr.id}/drop-out`, { version: 3, date: '2025-01-01', reason: 'moved' }).expect(400)).body)).toEqual(['date']);
      expect(fieldsOf((await post(`${tr.id}/drop-out`, { version: 3, date: '2025-05-01', reason: 'moved', extra: 1 }).expect(400)).body)).toEqual(['extra']);
      await post(`${tr.id}/drop-out`, { version: 2, date: '2025-05-01', reason: 'moved' }).expect(409);

      const res = await post(`${tr.id}/drop-out`, { version: 3, date: '2025-05-01', reason: 'other', note: 'Terug naar familie in het buitenland' }).expect(200);
      expect(res.body).toMatchObject({ status: 'dropped_out', endDate: '2025-05-01', dropoutReason: 'other', dropoutNote: 'Terug naar familie in het buitenland', version: 4 });
      await patch(tr.id, { version: 4, plan: { agreements: 'x' } }).expect(422);
      const audit = await auditActions(tr.id);
      expect(audit.find((a) => a.action === 'status.drop_out')).toMatchObject({ fields: ['status', 'endDate', 'dropoutReason', 'dropoutNote'] });
    });

    it('allows dropping out straight from planned (no-show)', async () => {
      const tr = await createVia();
      const res = await post(`${tr.id}/drop-out`, { version: 1, date: '2025-02-10', reason: 'no_show' }).expect(200);
      expect(res.body).toMatchObject({ status: 'dropped_out', endDate: '2025-02-10', dropoutReason: 'no_show', dropoutNote: null });
    });

    it('answers 404 for an unknown trajectory and 400 for a malformed id', async () => {
      await post('00000000-0000-4000-8000-000000000000/activate', { version: 1 }).expect(404);
      const bad = await post('nope/activate', { version: 1 }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['id']);
    });
  });

  describe('update', () => {
    it('changes fields with a version check and audits the changed field names', async () => {
      const tr = await createVia();
      const plan = { goals: { neighbourhood: 'Buren leren kennen' } };
      const res = await patch(tr.id, { version: 1, plannedEndDate: '2026-12-31', contractedHours: 1100, pipDate: '2025-03-01', plan, startDate: '2025-02-10' }).expect(200);
      expect(res.body).toMatchObject({ version: 2, plannedEndDate: '2026-12-31', contractedHours: 1100, pipDate: '2025-03-01', plan, startDate: '2025-02-10' });
      const cleared = await patch(tr.id, { version: 2, pipDate: null }).expect(200);
      expect(cleared.body).toMatchObject({ version: 3, pipDate: null });
      await patch(tr.id, { version: 2, contractedHours: 1000 }).expect(409);
      const audit = await auditActions(tr.id);
      expect(audit.filter((a) => a.action === 'update').map((a) => a.fields.sort())).toEqual(
        expect.arrayContaining([['pipDate'], ['contractedHours', 'pipDate', 'plan', 'plannedEndDate', 'startDate']]),
      );
    });

    it('refuses bad changes with 400/422 naming the field', async () => {
      const tr = await createVia();
      expect(fieldsOf((await patch(tr.id, { version: 1, plannedEndDate: '2025-01-01' }).expect(400)).body)).toEqual(['plannedEndDate']);
      expect(fieldsOf((await patch(tr.id, { version: 1, startDate: '2027-01-01' }).expect(400)).body)).toEqual(['plannedEndDate']);
      expect(fieldsOf((await patch(tr.id, { version: 1, status: 'completed' }).expect(400)).body)).toEqual(['status']);
      expect(fieldsOf((await patch(tr.id, { version: 1, municipalityId: hengelo }).expect(400)).body)).toEqual(['municipalityId']);
      expect(fieldsOf((await patch(tr.id, { version: 1, plannedEndDate: null }).expect(400)).body)).toEqual(['plannedEndDate']);
      expect(fieldsOf((await patch(tr.id, { contractedHours: 1000 }).expect(400)).body)).toEqual(['version']);
      await post(`${tr.id}/activate`, { version: 1 }).expect(200);
      const start = await patch(tr.id, { version: 2, startDate: '2025-03-01' }).expect(422);
      expect(fieldsOf(start.body)).toEqual(['startDate']);
      await patch(tr.id, { version: 2, startDate: '2025-02-03' }).expect(200); // unchanged start is fine
    });

    it('lets exactly one of two concurrent PATCHes on the same version win', async () => {
      const tr = await createVia();
      const results = await Promise.all([
        patch(tr.id, { version: 1, contractedHours: 1001 }),
        patch(tr.id, { version: 1, contractedHours: 1002 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const now = await t.http.get(`${BASE}/${tr.id}`).set('Authorization', coord.auth).expect(200);
      expect(now.body).toMatchObject({ version: 2, contractedHours: winner.body.contractedHours });
      expect((await auditActions(tr.id)).filter((a) => a.action === 'update')).toHaveLength(1);
    });
  });

  describe('list', () => {
    it('pages, filters, sorts and searches on folded learner names', async () => {
      const mun = ref.municipalities.Borne;
      const contract = await createContract(t.db, mun, [b1, zroute]);
      const mk = async (firstName: string, lastName: string, productId: string, startDate: string, status = 'active') => {
        const l = await createLearner(t.db, mun, { firstName, lastName });
        return createTrajectory(t.db, { learnerId: l.id, municipalityId: mun, contractId: contract.id, productId, startDate, status });
      };
      const celik = await mk('Mehmet', 'Çelik', b1, '2025-03-01');
      const olga = await mk('Ольга', 'Шевченко', zroute, '2025-01-01', 'suspended');
      const dirk = await mk('Dirk', 'de Vries', b1, '2025-02-01', 'planned');

      const q = (s: string) => t.http.get(`${BASE}?municipalityId=${mun}&${s}`).set('Authorization', coord.auth);
      const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);

      expect(ids(await q('sort=startDate').expect(200))).toEqual([olga.id, dirk.id, celik.id]);
      expect(ids(await q('').expect(200))).toEqual([celik.id, dirk.id, olga.id]); // default -startDate
      const page2 = await q('sort=startDate&pageSize=2&page=2').expect(200);
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(ids(page2)).toEqual([celik.id]);
      expect(ids(await q('sort=status,-startDate').expect(200))).toEqual([celik.id, dirk.id, olga.id]);
      expect(ids(await q('status=suspended').expect(200))).toEqual([olga.id]);
      expect(ids(await q(`productId=${b1}&sort=startDate`).expect(200))).toEqual([dirk.id, celik.id]);
      expect(ids(await q(`learnerId=${dirk.learnerId}`).expect(200))).toEqual([dirk.id]);
      expect(ids(await q('search=CELIK').expect(200))).toEqual([celik.id]);
      expect(ids(await q(`search=${encodeURIComponent('çel')}`).expect(200))).toEqual([celik.id]);
      expect(ids(await q('search=olga').expect(200))).toEqual([olga.id]);
      expect(ids(await q(`search=${encodeURIComponent('шевч')}`).expect(200))).toEqual([olga.id]);
      expect(ids(await q('search=%25').expect(200))).toEqual([]);
      // A learner number finds its trajectory, typed in any case; a part of a number is no match.
      const celikNumber = 'KRS-2025-0042';
      await t.db.query(`UPDATE learner SET learner_number = $2 WHERE id = $1`, [celik.learnerId, celikNumber]);
      expect(ids(await q(`search=${encodeURIComponent(celikNumber)}`).expect(200))).toEqual([celik.id]);
      expect(ids(await q(`search=${encodeURIComponent(` ${celikNumber.toLowerCase()} `)}`).expect(200))).toEqual([celik.id]);
      expect(ids(await q(`search=${encodeURIComponent(celikNumber.slice(0, -1) + 'x')}`).expect(200))).toEqual([]);
      expect(ids(await q(`search=${encodeURIComponent('mehmet çelik')}`).expect(200))).toEqual([celik.id]);
      const listed = (await q(`learnerId=${celik.learnerId}`).expect(200)).body.items[0];
      expect(listed).toMatchObject({ learner: { lastName: 'Çelik' }, product: { name: 'B1-route' }, municipality: { name: 'Borne' } });

      expect(fieldsOf((await q('sort=learner').expect(400)).body)).toEqual(['sort']);
      expect(fieldsOf((await q('status=finished').expect(400)).body)).toEqual(['status']);
      expect(fieldsOf((await q('productId=x').expect(400)).body)).toEqual(['productId']);
    });
  });

  describe('scope', () => {
    let own: { id: string; learnerId: string };
    let other: { id: string; learnerId: string };

    beforeAll(async () => {
      const l1 = await createLearner(t.db, enschede);
      const l2 = await createLearner(t.db, hengelo);
      own = await createTrajectory(t.db, { learnerId: l1.id, municipalityId: enschede, contractId: contractE.id, productId: b1 });
      other = await createTrajectory(t.db, { learnerId: l2.id, municipalityId: hengelo, contractId: contractH.id, productId: b1 });
    });

    const get = (id: string, u: TestUser) => t.http.get(`${BASE}/${id}`).set('Authorization', u.auth);
    const listIds = async (u: TestUser, qs = '') =>
      (await t.http.get(`${BASE}?pageSize=100${qs}`).set('Authorization', u.auth).expect(200)).body.items.map((i: { id: string }) => i.id);

    it('finance reads everything but may not write', async () => {
      await get(own.id, finance).expect(200);
      await get(other.id, finance).expect(200);
      expect(await listIds(finance)).toEqual(expect.arrayContaining([own.id, other.id]));
      await patch(own.id, { version: 1, contractedHours: 5 }, finance).expect(403);
      await t.http.post(BASE).set('Authorization', finance.auth).send(await body()).expect(403);
    });

    it('a municipality user reads only its own municipality (404 otherwise) and may not write (403)', async () => {
      const m = await createUser(t, 'municipality', { municipalityId: enschede });
      const mine = await get(own.id, m).expect(200);
      expect(mine.body.municipality.name).toBe('Enschede');
      const theirs = await get(other.id, m).expect(404);
      expect(theirs.body.code).toBe('not_found');
      const listed = await listIds(m);
      expect(listed).toContain(own.id);
      expect(listed).not.toContain(other.id);
      expect(await listIds(m, `&municipalityId=${hengelo}`)).toEqual([]);
      await t.http.post(BASE).set('Authorization', m.auth).send(await body()).expect(403);
      await patch(own.id, { version: 1, contractedHours: 5 }, m).expect(403);
      await post(`${own.id}/suspend`, { version: 1 }, m).expect(403);
      await post(`${other.id}/suspend`, { version: 1 }, m).expect(403);
    });

    it('a learner reads only its own trajectories', async () => {
      const me = await createUser(t, 'learner', { learnerId: own.learnerId });
      await get(own.id, me).expect(200);
      await get(other.id, me).expect(404);
      expect(await listIds(me)).toEqual([own.id]);
      await post(`${own.id}/complete`, { version: 1, endDate: '2025-06-01' }, me).expect(403);
    });

    it('a teacher reads trajectories enrolled in its groups only', async () => {
      const teacher = await createUser(t, 'teacher');
      const outsider = await createUser(t, 'teacher');
      const group = await createGroup(t.db, b1, { teacherIds: [teacher.id] });
      await enrol(t.db, own.id, group.id);
      await get(own.id, teacher).expect(200);
      await get(other.id, teacher).expect(404);
      await get(own.id, outsider).expect(404);
      expect(await listIds(teacher)).toEqual([own.id]);
      expect(await listIds(outsider)).toEqual([]);
      await patch(own.id, { version: 1, contractedHours: 5 }, teacher).expect(403);
    });

    it('needs a login', async () => {
      await t.http.get(BASE).expect(401);
      await t.http.post(`${BASE}/${own.id}/activate`).send({ version: 1 }).expect(401);
    });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    for (const p of ['', '/{id}', '/{id}/activate', '/{id}/suspend', '/{id}/resume', '/{id}/complete', '/{id}/drop-out']) {
      expect(doc.body.paths[`${BASE}${p}`]).toBeDefined();
    }
    expect(doc.body.components.schemas.CreateTrajectoryDto.properties.integrationAgreement).toBeDefined();
    expect(doc.body.components.schemas.DropOutTrajectoryDto.properties.reason.enum).toContain('other');
  });
});
