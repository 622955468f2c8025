import { Page } from 'playwright-core';
import { learnerBody, randomBsn } from './factories/learner-api.factory';
import { createContract, createGroup, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser, TestUser } from './factories/user.factory';
import { addDays, browserSuite, checkScreen, collegeToday, loginAs, openPage } from './helpers/browser';

/**
 * Issue 12.4 and 12.6 in the browser: the pages show what the API's field rule gives each role, and leave the rest
 * out (no BSN column for a teacher, no contact block or integration agreement for the municipality and finance),
 * and a Cyrillic name also shows its Latin spelling.
 */
describe('what each role sees on the learner and trajectory pages (browser e2e)', () => {
  const suite = browserSuite();
  let learnerId: string;
  let trajectoryId: string;
  let lessonId: string;
  let groupId: string;
  const users = {} as Record<'coordinator' | 'teacher' | 'finance' | 'municipality', TestUser>;

  beforeAll(async () => {
    const { t, ref } = suite;
    const enschede = ref.municipalities.Enschede;
    const product = ref.products['B1-ROUTE'];
    users.coordinator = await createUser(t, 'coordinator');
    users.teacher = await createUser(t, 'teacher');
    users.finance = await createUser(t, 'finance');
    users.municipality = await createUser(t, 'municipality', { municipalityId: enschede });
    learnerId = (await t.http.post('/api/v1/learners').set('Authorization', users.coordinator.auth)
      .send(learnerBody(enschede, { firstName: 'Олена', lastName: 'Коваленко', bsn: randomBsn(), email: 'olena.k@example.nl' })).expect(201)).body.id;
    const contract = await createContract(t.db, enschede, [product]);
    trajectoryId = (await createTrajectory(t.db, {
      learnerId, municipalityId: enschede, contractId: contract.id, productId: product, startDate: '2025-01-06',
      plan: { goals: { housing: 'Huurcontract lezen' }, agreements: 'Elke maand een gesprek' },
      integrationAgreement: { wishes: { sport: 'Wil voetballen bij een club' } },
    })).id;
    const group = await createGroup(t.db, product, { teacherIds: [users.teacher.id], code: `FV-${Date.now() % 100000}` });
    await enrol(t.db, trajectoryId, group.id, '2025-01-06');
    lessonId = (await createLesson(t.db, group.id, { date: addDays(collegeToday(), -1), startTime: '09:00', minutes: 180 })).id;
    groupId = group.id;
    // Three unauthorised absences in a row: a signal for the worklist.
    for (const date of ['2025-02-10', '2025-02-11', '2025-02-12']) {
      const lesson = await createLesson(t.db, group.id, { date, startTime: '09:00', minutes: 180 });
      await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', users.teacher.auth)
        .send({ entries: [{ learnerId, status: 'absent_unauthorised' }] }).expect(200);
    }
  });

  const headers = (page: Page) => page.locator('table thead th').allInnerTexts();

  async function open(role: keyof typeof users, landing: string): Promise<Page> {
    const page = await openPage(suite.browser, suite.errors);
    await loginAs(page, suite.base, users[role], landing);
    return page;
  }

  it("a teacher's learner list has no BSN column; the coordinator's has; learner, signal and enrolment lists show the name in Latin letters too", async () => {
    const teacher = await open('teacher', 'Vandaag');
    await teacher.goto(`${suite.base}/#/learners`);
    await teacher.getByText('(Olena Kovalenko)').waitFor();
    const teacherColumns = await headers(teacher);
    expect(teacherColumns.map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual(expect.arrayContaining(['Achternaam', 'Voornaam', 'Geboortedatum']));
    expect(teacherColumns.some((h) => /BSN/.test(h))).toBe(false);
    expect(await teacher.getByText(/\*{5}\d{4}/).count()).toBe(0);
    await checkScreen(teacher, 'docent-deelnemers');
    await teacher.close();

    const coordinator = await open('coordinator', 'Deelnemers');
    await coordinator.getByText('(Olena Kovalenko)').waitFor();
    expect((await headers(coordinator)).some((h) => /BSN/.test(h))).toBe(true);
    // The other lists with learner names: signals and a group's enrolments.
    await coordinator.goto(`${suite.base}/#/signals`);
    await coordinator.getByRole('link', { name: 'Олена Коваленко (Olena Kovalenko)' }).waitFor();
    await coordinator.goto(`${suite.base}/#/groups/${groupId}`);
    await coordinator.getByRole('link', { name: 'Олена Коваленко (Olena Kovalenko)' }).first().waitFor();
    await coordinator.close();
  });

  it('the teacher sees contact details and the integration agreement, no BSN; the register shows the Latin name too', async () => {
    const page = await open('teacher', 'Vandaag');
    await page.goto(`${suite.base}/#/learners/${learnerId}`);
    await page.getByRole('heading', { name: 'Олена Коваленко (Olena Kovalenko)' }).waitFor();
    await page.locator('#contact').getByText('olena.k@example.nl').waitFor();
    expect(await page.getByText('BSN', { exact: true }).count()).toBe(0);
    await page.goto(`${suite.base}/#/trajectories/${trajectoryId}`);
    await page.locator('#integration-agreement').getByText('Wil voetballen bij een club').waitFor();
    await page.locator('#plan').getByText('Elke maand een gesprek').waitFor();
    await page.goto(`${suite.base}/#/lessons/${lessonId}/register`);
    await page.getByText('Олена Коваленко (Olena Kovalenko)').first().waitFor();
    await page.close();
  });

  it.each(['municipality', 'finance'] as const)('%s: no contact block, no BSN, no integration agreement', async (role) => {
    const page = await open(role, 'Deelnemers');
    expect((await headers(page)).some((h) => /BSN/.test(h))).toBe(false);
    await page.goto(`${suite.base}/#/learners/${learnerId}`);
    await page.getByRole('heading', { name: 'Олена Коваленко (Olena Kovalenko)' }).waitFor();
    expect(await page.locator('#contact').count()).toBe(0);
    for (const label of ['BSN', 'Adres', 'E-mail', 'Telefoon']) expect({ label, n: await page.locator('dt', { hasText: label }).count() }).toEqual({ label, n: 0 });
    expect(await page.getByText('olena.k@example.nl').count()).toBe(0);
    await page.goto(`${suite.base}/#/trajectories/${trajectoryId}`);
    await page.getByRole('heading', { name: /Traject van Олена Коваленко \(Olena Kovalenko\)/ }).waitFor();
    await page.getByRole('heading', { name: 'Aanwezigheid' }).waitFor();
    expect(await page.locator('#integration-agreement').count()).toBe(0);
    expect(await page.getByText('Wil voetballen bij een club').count()).toBe(0);
    expect(await page.getByText('Elke maand een gesprek').count()).toBe(0);
    // The municipality reads the plan's goals; finance bills without the plan.
    expect(await page.locator('#plan').count()).toBe(role === 'municipality' ? 1 : 0);
    if (role === 'municipality') await page.locator('#plan').getByText('Huurcontract lezen').waitFor();
    await checkScreen(page, `${role}-traject`);
    await page.close();
  });
});
