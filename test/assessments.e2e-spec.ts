import { todayIn } from '../src/common/domain/calendar';
import { AssessmentLevelRepository } from '../src/modules/assessments/assessment-level.repository';
import { AssessmentFact, levelsAtDate } from '../src/modules/assessments/level-at-date';
import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

function tomorrow(): string {
  const d = new Date(`${todayIn('Europe/Amsterdam')}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('assessments and levels (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coordinator: TestUser;
  let admin: TestUser;
  let teacher: TestUser;
  let formerTeacher: TestUser;
  let outsideTeacher: TestUser;
  let finance: TestUser;
  let enschedeUser: TestUser;
  let learnerUser: TestUser;
  let learnerA: string;
  let trajectoryA: string;
  let learnerB: string;
  let trajectoryB: string;

  const post = (u: TestUser, learnerId: string, body: object) => t.http.post(`/api/v1/learners/${learnerId}/assessments`).set('Authorization', u.auth).send(body);
  const reading = (over: object = {}) => ({ skill: 'reading', date: '2025-03-01', instrument: 'Methodetoets', level: 'A2', ...over });

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    const product = ref.products['B1-ROUTE'];
    const enschede = ref.municipalities.Enschede;
    const hengelo = ref.municipalities.Hengelo;
    const cE = await createContract(t.db, enschede, [product]);
    const cH = await createContract(t.db, hengelo, [product]);
    [coordinator, admin, teacher, formerTeacher, outsideTeacher, finance] = await Promise.all([
      createUser(t, 'coordinator'),
      createUser(t, 'admin'),
      createUser(t, 'teacher'),
      createUser(t, 'teacher'),
      createUser(t, 'teacher'),
      createUser(t, 'finance'),
    ]);
    enschedeUser = await createUser(t, 'municipality', { municipalityId: enschede });
    learnerA = (await createLearner(t.db, enschede)).id;
    trajectoryA = (await createTrajectory(t.db, { learnerId: learnerA, municipalityId: enschede, contractId: cE.id, productId: product })).id;
    learnerB = (await createLearner(t.db, hengelo)).id;
    trajectoryB = (await createTrajectory(t.db, { learnerId: learnerB, municipalityId: hengelo, contractId: cH.id, productId: product })).id;
    learnerUser = await createUser(t, 'learner', { learnerId: learnerA });
    const group = await createGroup(t.db, product, { teacherIds: [teacher.id] });
    const oldGroup = await createGroup(t.db, product, { teacherIds: [formerTeacher.id] });
    await createGroup(t.db, product, { teacherIds: [outsideTeacher.id] });
    await enrol(t.db, trajectoryA, group.id, '2025-01-06');
    await enrol(t.db, trajectoryA, oldGroup.id, '2024-09-01', '2025-01-05');
    const groupB = await createGroup(t.db, product, { teacherIds: [] });
    await enrol(t.db, trajectoryB, groupB.id, '2025-01-06');
  });
  afterAll(() => t.close());

  it('records a level assessment (coordinator) with level_index and the assessor, audited', async () => {
    const res = await post(coordinator, learnerA, reading({ level: 'B1', isExam: true, trajectoryId: trajectoryA, note: 'Staatsexamen' })).expect(201);
    expect(res.body).toMatchObject({
      learnerId: learnerA, trajectoryId: trajectoryA, skill: 'reading', date: '2025-03-01', level: 'B1', levelIndex: 3,
      passed: true, isExam: true, assessorId: coordinator.id, note: 'Staatsexamen',
    });
    const audit = await t.http.get(`/api/v1/audit-events?entityType=assessment&entityId=${res.body.id}`).set('Authorization', admin.auth).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', actorId: coordinator.id, fields: expect.arrayContaining(['skill', 'level']) });
  });

  it('lets a teacher of a current or former group record; pass/fail skills store no level', async () => {
    const knm = await post(teacher, learnerA, { skill: 'knm', date: '2025-02-10', instrument: 'KNM-examen', passed: false, isExam: true }).expect(201);
    expect(knm.body).toMatchObject({ skill: 'knm', level: null, levelIndex: null, passed: false, assessorId: teacher.id });
    const failed = await post(formerTeacher, learnerA, reading({ level: 'C1', passed: false, date: '2025-03-05' })).expect(201);
    expect(failed.body).toMatchObject({ level: 'C1', levelIndex: 5, passed: false });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [object, string][] = [
      [{ skill: 'knm', date: '2025-03-01', instrument: 'KNM', passed: true, level: 'A2' }, 'level'],
      [{ skill: 'map', date: '2025-03-01', instrument: 'MAP' }, 'passed'],
      [reading({ level: undefined }), 'level'],
      [reading({ level: 'B3' }), 'level'],
      [reading({ level: 'b1' }), 'level'],
      [reading({ skill: 'dancing' }), 'skill'],
      [reading({ date: tomorrow() }), 'date'],
      [reading({ date: '2025-02-30' }), 'date'],
      [reading({ date: '2025-03-01T10:00:00Z' }), 'date'],
      [reading({ instrument: '' }), 'instrument'],
      [reading({ passed: 'yes' }), 'passed'],
      [reading({ trajectoryId: trajectoryB }), 'trajectoryId'],
      [reading({ trajectoryId: 'nope' }), 'trajectoryId'],
      [reading({ isBoss: true }), 'isBoss'],
    ];
    for (const [body, field] of cases) {
      const res = await post(coordinator, learnerA, body);
      expect({ body, status: res.status, type: res.headers['content-type'] }).toMatchObject({ status: 400, type: expect.stringMatching(/problem\+json/) });
      expect(fieldsOf(res.body)).toContain(field);
    }
    await t.http.post('/api/v1/learners/not-a-uuid/assessments').set('Authorization', coordinator.auth).send(reading()).expect(400);
  });

  it('refuses null results, a blank instrument and a day before the learner was born, saving nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM assessment WHERE learner_id = $1`, [learnerA]);
    const cases: [object, string][] = [
      [reading({ level: null }), 'level'],
      [{ skill: 'knm', date: '2025-03-01', instrument: 'KNM', passed: null }, 'passed'],
      [reading({ isExam: null }), 'isExam'],
      [reading({ instrument: '   ' }), 'instrument'],
      [reading({ date: '1900-01-01' }), 'date'],
      [reading({ date: '0001-01-01' }), 'date'],
    ];
    for (const [body, field] of cases) {
      const res = await post(coordinator, learnerA, body);
      expect({ body, status: res.status, type: res.headers['content-type'] }).toMatchObject({ status: 400, type: expect.stringMatching(/problem\+json/) });
      expect(fieldsOf(res.body)).toContain(field);
    }
    const after = await t.db.query(`SELECT count(*)::int AS n FROM assessment WHERE learner_id = $1`, [learnerA]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('lists a learner\'s assessments paged, newest first, with filters', async () => {
    const learner = (await createLearner(t.db, ref.municipalities.Enschede)).id;
    for (const [skill, date, isExam] of [['reading', '2025-01-10', false], ['reading', '2025-02-10', true], ['writing', '2025-03-10', false], ['reading', '2025-04-10', false]] as const) {
      await post(coordinator, learner, { skill, date, instrument: 'Toets', level: 'A2', isExam }).expect(201);
    }
    const all = await t.http.get(`/api/v1/learners/${learner}/assessments?pageSize=3`).set('Authorization', coordinator.auth).expect(200);
    expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(all.body.items.map((a: { date: string }) => a.date)).toEqual(['2025-04-10', '2025-03-10', '2025-02-10']);
    const filtered = await t.http.get(`/api/v1/learners/${learner}/assessments?skill=reading&from=2025-02-01&to=2025-04-10&isExam=false`).set('Authorization', coordinator.auth).expect(200);
    expect(filtered.body.items.map((a: { date: string }) => a.date)).toEqual(['2025-04-10']);
    const exams = await t.http.get(`/api/v1/learners/${learner}/assessments?isExam=true`).set('Authorization', coordinator.auth).expect(200);
    expect(exams.body.total).toBe(1);
    const asc = await t.http.get(`/api/v1/learners/${learner}/assessments?sort=date`).set('Authorization', coordinator.auth).expect(200);
    expect(asc.body.items[0].date).toBe('2025-01-10');
    for (const [qs, field] of [['isExam=maybe', 'isExam'], ['skill=dancing', 'skill'], ['from=2025-13-01', 'from'], ['from=2025-05-01&to=2025-04-01', 'to'], ['sort=secret', 'sort']]) {
      const res = await t.http.get(`/api/v1/learners/${learner}/assessments?${qs}`).set('Authorization', coordinator.auth).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
  });

  it('deletes an assessment (coordinator only), audited', async () => {
    const created = await post(teacher, learnerA, reading({ date: '2025-01-20' })).expect(201);
    await t.http.delete(`/api/v1/assessments/${created.body.id}`).set('Authorization', teacher.auth).expect(403);
    await t.http.delete(`/api/v1/assessments/${created.body.id}`).set('Authorization', enschedeUser.auth).expect(403);
    await t.http.delete(`/api/v1/assessments/${created.body.id}`).set('Authorization', coordinator.auth).expect(204);
    await t.http.delete(`/api/v1/assessments/${created.body.id}`).set('Authorization', coordinator.auth).expect(404);
    await t.http.get(`/api/v1/assessments/${created.body.id}`).set('Authorization', coordinator.auth).expect(404);
    const audit = await t.http.get(`/api/v1/audit-events?entityType=assessment&entityId=${created.body.id}`).set('Authorization', admin.auth).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete']);
  });

  describe('levels at a date', () => {
    let learner: string;
    const facts: AssessmentFact[] = [];
    const intakeLevels = { reading: 'A1', listening: 'A2', writing: 'A0', speaking: 'A1' };
    const targetLevels = { reading: 'B1', listening: 'B1', writing: 'A2', speaking: 'A2', knm: 'pass', map: 'pass' };

    beforeAll(async () => {
      const enschede = ref.municipalities.Enschede;
      const product = ref.products['B1-ROUTE'];
      const contract = await createContract(t.db, enschede, [product]);
      learner = (await createLearner(t.db, enschede, { intakeLevels })).id;
      // An older, completed trajectory with other targets: the unfinished one's targets count.
      await createTrajectory(t.db, { learnerId: learner, municipalityId: enschede, contractId: contract.id, productId: product, status: 'completed', startDate: '2023-01-02', plannedEndDate: '2023-12-31', endDate: '2023-12-01', targetLevels: { reading: 'C2' } });
      await createTrajectory(t.db, { learnerId: learner, municipalityId: enschede, contractId: contract.id, productId: product, targetLevels });
      const crafted: [string, string, string | null, boolean | undefined][] = [
        ['reading', '2025-02-01', 'A2', undefined],
        ['reading', '2025-03-01', 'B1', true],
        ['reading', '2025-03-15', 'B2', false],
        ['reading', '2025-04-01', 'A2', undefined],
        ['listening', '2025-02-10', 'A1', undefined],
        ['writing', '2025-03-01', 'A2', undefined],
        ['writing', '2025-03-01', 'A1', undefined],
        ['speaking', '2025-05-01', 'B1', false],
        ['knm', '2025-02-01', null, false],
        ['knm', '2025-03-20', null, true],
        ['map', '2025-03-20', null, false],
      ];
      for (const [skill, date, level, passed] of crafted) {
        const body: Record<string, unknown> = { skill, date, instrument: 'Toets' };
        if (level) body.level = level;
        if (passed !== undefined) body.passed = passed;
        await post(coordinator, learner, body).expect(201);
        facts.push({ skill, date, level, passed: passed ?? true });
      }
    });

    it('matches the formula (TypeScript twin) on every date', async () => {
      for (const date of ['2024-12-31', '2025-02-01', '2025-02-28', '2025-03-01', '2025-03-19', '2025-03-20', '2025-06-30']) {
        const res = await t.http.get(`/api/v1/learners/${learner}/levels?date=${date}`).set('Authorization', coordinator.auth).expect(200);
        expect(res.body.date).toBe(date);
        expect({ date, skills: res.body.skills }).toEqual({ date, skills: levelsAtDate({ intakeLevels, targetLevels, facts }, date) });
      }
    });

    it('gives highest-not-latest, failed-never-raises, same-day and pass/fail results', async () => {
      const at = async (date: string) => {
        const res = await t.http.get(`/api/v1/learners/${learner}/levels?date=${date}`).set('Authorization', coordinator.auth).expect(200);
        return Object.fromEntries(res.body.skills.map((s: { skill: string }) => [s.skill, s]));
      };
      const before = await at('2025-01-01');
      expect(before.reading).toEqual({ skill: 'reading', scale: 'cefr', intake: 'A1', current: 'A1', target: 'B1', gain: 0, passed: null, reached: false });
      expect(before.knm).toMatchObject({ scale: 'pass_fail', passed: false, target: 'pass', reached: false });
      const sameDay = await at('2025-03-01');
      expect(sameDay.reading).toMatchObject({ current: 'B1', gain: 2, reached: true });
      expect(sameDay.writing).toMatchObject({ intake: 'A0', current: 'A2', gain: 2, reached: true });
      const later = await at('2025-06-30');
      expect(later.reading.current).toBe('B1');
      // DOMAIN.md: the highest level reached, or the intake level if none: an assessed A1 below an A2 intake is the level.
      expect(later.listening).toMatchObject({ intake: 'A2', current: 'A1', gain: -1 });
      expect(later.speaking).toMatchObject({ current: 'A1', gain: 0, reached: false });
      expect(later.knm).toMatchObject({ passed: true, reached: true });
      expect(later.map).toMatchObject({ passed: false, reached: false });
      expect(later.ona).toMatchObject({ passed: false, target: null, reached: null });
    });

    it('the exported repository method batches (learner, date) pairs for reports', async () => {
      const repo = t.app.get(AssessmentLevelRepository);
      const rows = await repo.levelsAtDates([{ learnerId: learner, date: '2025-01-01' }, { learnerId: learner, date: '2025-06-30' }, { learnerId: learnerB, date: '2025-06-30' }]);
      expect(rows).toHaveLength(21);
      const pick = (request: number, skill: string) => rows.find((r) => r.request === request && r.skill === skill);
      expect(pick(0, 'reading')).toMatchObject({ learnerId: learner, date: '2025-01-01', current: 'A1' });
      expect(pick(1, 'reading')).toMatchObject({ date: '2025-06-30', current: 'B1', gain: 2 });
      expect(pick(2, 'reading')).toMatchObject({ learnerId: learnerB, trajectoryId: trajectoryB });
    });

    it('defaults to today and refuses a bad date', async () => {
      const res = await t.http.get(`/api/v1/learners/${learner}/levels`).set('Authorization', coordinator.auth).expect(200);
      expect(res.body.date).toBe(todayIn('Europe/Amsterdam'));
      expect(res.body.trajectoryId).toEqual(expect.any(String));
      const bad = await t.http.get(`/api/v1/learners/${learner}/levels?date=30-06-2025`).set('Authorization', coordinator.auth).expect(400);
      expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['date']));
      const extra = await t.http.get(`/api/v1/learners/${learner}/levels?when=today`).set('Authorization', coordinator.auth).expect(400);
      expect(fieldsOf(extra.body)).toContain('when');
    });
  });

  describe('scope', () => {
    it('municipality: own municipality\'s learners read-only, others 404', async () => {
      await t.http.get(`/api/v1/learners/${learnerA}/assessments`).set('Authorization', enschedeUser.auth).expect(200);
      await t.http.get(`/api/v1/learners/${learnerA}/levels`).set('Authorization', enschedeUser.auth).expect(200);
      await t.http.get(`/api/v1/learners/${learnerB}/assessments`).set('Authorization', enschedeUser.auth).expect(404);
      await t.http.get(`/api/v1/learners/${learnerB}/levels`).set('Authorization', enschedeUser.auth).expect(404);
      await post(enschedeUser, learnerA, reading()).expect(403);
    });

    it('learner: only itself, never writes', async () => {
      const own = await t.http.get(`/api/v1/learners/${learnerA}/assessments`).set('Authorization', learnerUser.auth).expect(200);
      expect(own.body.total).toBeGreaterThan(0);
      await t.http.get(`/api/v1/learners/${learnerA}/levels`).set('Authorization', learnerUser.auth).expect(200);
      await t.http.get(`/api/v1/assessments/${own.body.items[0].id}`).set('Authorization', learnerUser.auth).expect(200);
      await t.http.get(`/api/v1/learners/${learnerB}/assessments`).set('Authorization', learnerUser.auth).expect(404);
      await t.http.get(`/api/v1/learners/${learnerB}/levels`).set('Authorization', learnerUser.auth).expect(404);
      await post(learnerUser, learnerA, reading()).expect(403);
    });

    it('teacher: only learners in its groups (else 404); finance reads', async () => {
      await t.http.get(`/api/v1/learners/${learnerA}/assessments`).set('Authorization', outsideTeacher.auth).expect(404);
      await t.http.get(`/api/v1/learners/${learnerA}/levels`).set('Authorization', outsideTeacher.auth).expect(404);
      await post(outsideTeacher, learnerA, reading()).expect(404);
      await post(teacher, learnerB, reading()).expect(404);
      const bAssessment = await post(coordinator, learnerB, reading()).expect(201);
      await t.http.get(`/api/v1/assessments/${bAssessment.body.id}`).set('Authorization', teacher.auth).expect(404);
      await t.http.get(`/api/v1/assessments/${bAssessment.body.id}`).set('Authorization', enschedeUser.auth).expect(404);
      await t.http.get(`/api/v1/learners/${learnerA}/levels`).set('Authorization', teacher.auth).expect(200);
      await t.http.get(`/api/v1/learners/${learnerB}/assessments`).set('Authorization', finance.auth).expect(200);
      await post(finance, learnerB, reading()).expect(403);
      await t.http.get(`/api/v1/learners/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/levels`).set('Authorization', coordinator.auth).expect(404);
    });
  });
  it('documents a success response and problem responses for every teaching-records route', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const ours = /\/(lessons|attendance|signals|assessments|levels|progress-notes|plan|portfolio|portfolio-items|evidence)(\/|$)|attendance-grid/;
    const missing: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      if (!ours.test(path)) continue;
      for (const [method, op] of Object.entries(ops)) {
        checked++;
        const codes = Object.keys(op.responses);
        if (!codes.some((c) => /^2\d\d$/.test(c))) missing.push(`${method.toUpperCase()} ${path}: no 2xx`);
        if (!codes.includes('400') || !codes.includes('401')) missing.push(`${method.toUpperCase()} ${path}: no 400/401`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
    expect(missing).toEqual([]);
    const put = doc.paths['/api/v1/lessons/{id}/register'].put.responses['200'].content['application/json'].schema.$ref as string;
    expect(doc.components.schemas[put.split('/').pop()!].properties).toHaveProperty('signalsRaised');
    expect(doc.paths['/api/v1/lessons/{id}/advance-absence'].post.responses).toHaveProperty('201');
  });
});
