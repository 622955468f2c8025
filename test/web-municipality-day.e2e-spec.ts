import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser } from './factories/user.factory';
import { addDays, browserSuite, checkScreen, collegeToday, loginAs, openPage } from './helpers/browser';


describe("a municipality's day in the browser (e2e)", () => {
  const suite = browserSuite();

  it("cannot reach another municipality's learner by editing the address and never sees an unreported signal", async () => {
    const { t, browser, base, ref, errors } = suite;
    const teacher = await createUser(t, 'teacher');
    const contract = await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE']]);
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id], name: 'B1 Enschede', code: `ENX-${Date.now() % 100000}` });
    const mine = await createLearner(t.db, ref.municipalities.Enschede, { firstName: 'Yusuf', lastName: 'Demir' });
    const tr = await createTrajectory(t.db, { learnerId: mine.id, municipalityId: ref.municipalities.Enschede, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    await enrol(t.db, tr.id, group.id, '2025-01-06');
    for (const back of [9, 7, 5]) {
      const lesson = await createLesson(t.db, group.id, { date: addDays(collegeToday(), -back), startTime: '09:00', minutes: 180 });
      await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth).send({ entries: [{ learnerId: mine.id, status: 'absent_unauthorised' }] }).expect(200);
    }
    const [signal] = await t.db.query(`SELECT id, status FROM absence_signal WHERE trajectory_id = $1`, [tr.id]);
    expect(signal.status).toBe('registered');
    const elsewhere = await createLearner(t.db, ref.municipalities.Hengelo, { firstName: 'Sara', lastName: 'Tesfaye' });

    const muni = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    const page = await openPage(browser, errors);
    await loginAs(page, base, muni, 'Deelnemers');
    await page.getByText('Demir').waitFor();
    await checkScreen(page, 'gemeente-deelnemers');
    await page.goto(`${base}/#/learners/${elsewhere.id}`);
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    expect(await page.getByText('Tesfaye').count()).toBe(0);

    await page.goto(`${base}/#/signals`);
    await page.getByText('Geen verzuimsignalen gevonden.').waitFor();
    await page.goto(`${base}/#/signals/${signal.id}`);
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    await page.close();
  });
});
