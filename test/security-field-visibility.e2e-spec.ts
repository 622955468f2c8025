import { ACCESS_ROLES } from '../src/common/auth/access-matrix';
import { FIELD_MATRIX, FieldRecord, hiddenFields } from '../src/common/auth/field-visibility';
import { Role } from '../src/common/domain/vocabulary';
import { learnerBody, randomBsn } from './factories/learner-api.factory';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * Issue 12.4 / 13.5: the field rule of DOMAIN.md "Who sees what" (src/common/auth/field-visibility.ts) in every
 * answer that carries learner, trajectory, plan or integration-agreement fields: each role against each answer,
 * the forbidden keys absent (not null, not masked) and the allowed ones present.
 */
jest.setTimeout(120_000);

const CONTACT = ['email', 'phone', 'street', 'postalCode', 'city'];

/** DOMAIN.md in its own words, written out apart from the table so a wrong table fails here too. */
const FORBIDDEN: Record<Role, { learner: string[]; trajectory: string[]; plan: string[]; referral: string[] }> = {
  admin: { learner: [], trajectory: [], plan: [], referral: [] },
  coordinator: { learner: [], trajectory: [], plan: [], referral: [] },
  teacher: { learner: ['bsnMasked'], trajectory: [], plan: [], referral: [] },
  finance: { learner: [...CONTACT, 'bsnMasked'], trajectory: ['integrationAgreement', 'plan'], plan: [], referral: [] },
  municipality: { learner: [...CONTACT, 'bsnMasked'], trajectory: ['integrationAgreement'], plan: ['agreements'], referral: ['reasonText'] },
  learner: { learner: [], trajectory: [], plan: [], referral: [] },
};

/** Every field a record's answer can carry, for the roles that see everything. */
const ALL = {
  learner: ['id', 'learnerNumber', 'firstName', 'lastName', 'nameLatin', 'municipalityId', 'municipality', 'version', 'dateOfBirth', 'intakeDate', 'intakeLevels', 'countryOfOrigin', 'nativeLanguage', ...CONTACT, 'bsnMasked', 'userId'],
  trajectory: ['id', 'status', 'learner', 'municipality', 'product', 'contract', 'startDate', 'plannedEndDate', 'contractedHours', 'dropoutReason', 'targetLevels', 'dropoutNote', 'plan', 'integrationAgreement'],
  plan: ['goals', 'agreements'],
  referral: ['id', 'partnerName', 'reasonKind', 'reasonTheme', 'reasonText'],
};

describe('field visibility per role (security e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  const users = {} as Record<Role, TestUser>;
  let learnerId: string;
  let trajectoryId: string;
  let referralId: string;
  let lessonId: string;
  let groupId: string;
  let bsn: string;

  const get = (path: string, role: Role) => t.http.get(`/api/v1${path}`).set('Authorization', users[role].auth);

  /** Absent for the forbidden keys, present for every other key the record has. */
  function expectFields(record: FieldRecord, role: Role, body: Record<string, unknown>, where: string): void {
    const hidden = hiddenFields(record, role);
    const present = ALL[record].filter((k) => !hidden.includes(k));
    const problems = [
      ...FORBIDDEN[role][record].filter((k) => k in body).map((k) => `${k} is there`),
      ...hidden.filter((k) => k in body).map((k) => `${k} is there`),
      ...present.filter((k) => !(k in body)).map((k) => `${k} is missing`),
    ];
    expect({ where, role, problems: [...new Set(problems)] }).toEqual({ where, role, problems: [] });
  }

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    const enschede = ref.municipalities.Enschede;
    const product = ref.products['B1-ROUTE'];
    for (const role of ACCESS_ROLES.filter((r) => r !== 'learner')) {
      users[role] = await createUser(t, role, { municipalityId: role === 'municipality' ? enschede : undefined });
    }
    bsn = randomBsn();
    const created = await t.http.post('/api/v1/learners').set('Authorization', users.coordinator.auth)
      .send(learnerBody(enschede, { firstName: 'Олена', lastName: 'Коваленко', bsn })).expect(201);
    learnerId = created.body.id;
    users.learner = await createUser(t, 'learner', { learnerId });
    const contract = await createContract(t.db, enschede, [product], { validFrom: '2024-01-01', validTo: '2027-12-31' });
    trajectoryId = (await createTrajectory(t.db, {
      learnerId, municipalityId: enschede, contractId: contract.id, productId: product, startDate: '2025-01-06',
      plan: { goals: { housing: 'Huurcontract lezen' }, agreements: 'Elke maand een gesprek' },
      integrationAgreement: { wishes: { sport: 'Wil voetballen bij een club' }, needs: { work: 'Zoekt vrijwilligerswerk' }, abilities: { culture: 'Speelt gitaar' } },
      dropoutNote: null,
    })).id;
    const group = await createGroup(t.db, product, { teacherIds: [users.teacher.id] });
    await enrol(t.db, trajectoryId, group.id, '2025-01-06', null);
    groupId = group.id;
    lessonId = (await createLesson(t.db, group.id, { date: '2025-02-03', startTime: '09:00', minutes: 180 })).id;
    const partner = await t.http.post('/api/v1/partners').set('Authorization', users.coordinator.auth)
      .send({ municipalityId: enschede, name: 'Voetbalclub Enschede', kind: 'sport_club', themes: ['sport'] }).expect(201);
    referralId = (await t.http.post(`/api/v1/trajectories/${trajectoryId}/referrals`).set('Authorization', users.coordinator.auth)
      .send({ partnerId: partner.body.id, reason: { kind: 'wish', theme: 'sport' }, plannedDate: '2025-03-01' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('the table has a cell per role, admin sees every group, and names only fields the answers have', () => {
    for (const [group, { cells, fields }] of Object.entries(FIELD_MATRIX)) {
      expect({ group, cells }).toEqual({ group, cells: expect.stringMatching(/^[Y-]{6}$/) });
      const record = group.split('.')[0] as FieldRecord;
      expect(fields.filter((f) => !ALL[record].includes(f))).toEqual([]);
    }
    expect(Object.values(FIELD_MATRIX).every((g) => g.cells[0] === 'Y')).toBe(true);
  });

  it.each(ACCESS_ROLES)('learner list, search and detail as %s', async (role) => {
    const list = (await get('/learners?pageSize=100', role).expect(200)).body.items as Array<Record<string, unknown>>;
    const inList = list.find((l) => l.id === learnerId);
    expect(inList).toBeDefined();
    expectFields('learner', role, inList!, 'GET /learners');
    const search = (await get('/learners?search=kovalenko', role).expect(200)).body.items as Array<Record<string, unknown>>;
    expectFields('learner', role, search.find((l) => l.id === learnerId)!, 'GET /learners?search');
    const one = (await get(`/learners/${learnerId}`, role).expect(200)).body;
    expectFields('learner', role, one, 'GET /learners/{id}');
    expect(one.nameLatin).toBe('Olena Kovalenko');
    if ('bsnMasked' in one) expect(one.bsnMasked).toBe(`*****${bsn.slice(-4)}`);
  });

  it('a role that may not see a field may not sort by it either', async () => {
    await get('/learners?sort=dateOfBirth', 'finance').expect(400);
    await get('/learners?sort=dateOfBirth', 'municipality').expect(200);
  });

  it.each(['admin', 'coordinator'] as Role[])('BSN look-up as %s answers the full view (masked BSN)', async (role) => {
    const res = await t.http.post('/api/v1/learners/lookup-by-bsn').set('Authorization', users[role].auth).send({ bsn }).expect(200);
    expectFields('learner', role, res.body, 'POST /learners/lookup-by-bsn');
  });

  it.each(ACCESS_ROLES)('trajectory list and detail as %s', async (role) => {
    const list = (await get(`/trajectories?learnerId=${learnerId}`, role).expect(200)).body.items as Array<Record<string, unknown>>;
    expect(list.map((x) => x.id)).toEqual([trajectoryId]);
    for (const [where, body] of [['GET /trajectories', list[0]], ['GET /trajectories/{id}', (await get(`/trajectories/${trajectoryId}`, role).expect(200)).body]] as const) {
      expectFields('trajectory', role, body, where);
      if ('plan' in body) expectFields('plan', role, body.plan as Record<string, unknown>, `${where} plan`);
      expect((body.learner as Record<string, unknown>).nameLatin).toBe('Olena Kovalenko');
    }
  });

  it.each(ACCESS_ROLES)('the plan and its history as %s', async (role) => {
    const plan = await get(`/trajectories/${trajectoryId}/plan`, role);
    if (role === 'finance') {
      expect(plan.status).toBe(403);
      await get(`/trajectories/${trajectoryId}/plan/history`, role).expect(403);
      return;
    }
    expect(plan.status).toBe(200);
    expectFields('plan', role, plan.body.plan, 'GET /trajectories/{id}/plan');
    if (role === 'admin' || role === 'coordinator' || role === 'teacher') {
      await t.http.put(`/api/v1/trajectories/${trajectoryId}/plan`).set('Authorization', users[role].auth)
        .send({ version: plan.body.version, plan: { goals: { housing: 'Huurcontract lezen' }, agreements: 'Elke maand een gesprek' } }).expect(200);
    }
    const history = (await get(`/trajectories/${trajectoryId}/plan/history`, 'coordinator').expect(200)).body.items as unknown[];
    if (history.length) {
      const items = (await get(`/trajectories/${trajectoryId}/plan/history`, role).expect(200)).body.items as Array<{ plan: Record<string, unknown> }>;
      for (const item of items) expectFields('plan', role, item.plan, 'GET /trajectories/{id}/plan/history');
    }
  });

  it.each(ACCESS_ROLES.filter((r) => r !== 'finance'))('referrals (the integration agreement quoted) as %s', async (role) => {
    const list = (await get(`/trajectories/${trajectoryId}/referrals`, role).expect(200)).body.items as Array<Record<string, unknown>>;
    expectFields('referral', role, list[0], 'GET /trajectories/{id}/referrals');
    expectFields('referral', role, (await get(`/referrals/${referralId}`, role).expect(200)).body, 'GET /referrals/{id}');
    if ('reasonText' in list[0]) expect(list[0].reasonText).toBe('Wil voetballen bij een club');
  });

  it('names: a Cyrillic name comes with its Latin spelling in learner, trajectory, register, enrolment and signal answers; a Latin one with null', async () => {
    const latin = await createLearner(t.db, ref.municipalities.Enschede, { firstName: 'Ayşe', lastName: 'Çelik' });
    expect((await get(`/learners/${latin.id}`, 'coordinator').expect(200)).body.nameLatin).toBeNull();
    const register = (await get(`/lessons/${lessonId}/register`, 'teacher').expect(200)).body;
    expect(register.learners.map((l: { firstName: string; nameLatin: string | null }) => [l.firstName, l.nameLatin])).toEqual([['Олена', 'Olena Kovalenko']]);
    const saved = await t.http.put(`/api/v1/lessons/${lessonId}/register`).set('Authorization', users.teacher.auth)
      .send({ entries: [{ learnerId, status: 'present' }] }).expect(200);
    expect(saved.body.learners[0].nameLatin).toBe('Olena Kovalenko');
    const enrolments = (await get(`/groups/${groupId}/enrolments`, 'coordinator').expect(200)).body.items;
    expect(enrolments.map((e: { learnerName: string; learnerNameLatin: string | null }) => [e.learnerName, e.learnerNameLatin])).toEqual([['Олена Коваленко', 'Olena Kovalenko']]);
    // Three unauthorised absences in a row raise a signal (R1): its answers carry the Latin name too.
    for (const date of ['2025-02-10', '2025-02-11', '2025-02-12']) {
      const lesson = await createLesson(t.db, groupId, { date, startTime: '09:00', minutes: 180 });
      await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', users.teacher.auth)
        .send({ entries: [{ learnerId, status: 'absent_unauthorised' }] }).expect(200);
    }
    const [signal] = (await get(`/signals?trajectoryId=${trajectoryId}`, 'coordinator').expect(200)).body.items;
    expect(signal).toMatchObject({ learnerName: 'Олена Коваленко', learnerNameLatin: 'Olena Kovalenko' });
    expect((await get(`/signals/${signal.id}`, 'coordinator').expect(200)).body.learnerNameLatin).toBe('Olena Kovalenko');
  });

  it('the OpenAPI document marks every field a role may not get as optional', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { components: { schemas: Record<string, { required?: string[] }> } };
    const schemas: Record<FieldRecord, string> = { learner: 'LearnerViewDto', trajectory: 'TrajectoryViewDto', plan: 'PlanContentDto', referral: 'ReferralView' };
    for (const [group, { fields }] of Object.entries(FIELD_MATRIX)) {
      const required = doc.components.schemas[schemas[group.split('.')[0] as FieldRecord]].required ?? [];
      expect({ group, required: fields.filter((f) => required.includes(f)) }).toEqual({ group, required: [] });
    }
  });
});
