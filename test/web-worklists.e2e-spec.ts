import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser } from './factories/user.factory';
import { browserSuite, checkScreen, collegeToday, addDays, loginAs, openPage } from './helpers/browser';

/** The coordinator's worklists in the browser: absence signals, lessons and the trajectory search. */
describe("a coordinator's worklists in the browser (e2e)", () => {
  const suite = browserSuite();

  /** A learner in Enschede in a group of `teacher`, on a contract whose R1 fires after `r1` unauthorised lessons. */
  async function learnerInGroup(teacherId: string, r1 = 2, location = 'Enschede, Gronausestraat 1', name = ['Ayşe', 'Yılmaz']) {
    const { t, ref } = suite;
    const product = ref.products['B1-ROUTE'];
    const contract = await createContract(t.db, ref.municipalities.Enschede, [product], { r1ConsecutiveLessons: r1 });
    const group = await createGroup(t.db, product, { teacherIds: [teacherId], location, name: `Groep ${location.split(',')[0]}` });
    const learner = await createLearner(t.db, ref.municipalities.Enschede, { firstName: name[0], lastName: name[1] });
    const tr = await createTrajectory(t.db, { learnerId: learner.id, municipalityId: ref.municipalities.Enschede, contractId: contract.id, productId: product });
    await enrol(t.db, tr.id, group.id);
    return { group, learner, trajectory: tr };
  }

  it('handles a signal through to closed: over tijd in the list, lesson dates, closing refused without a report date or reason', async () => {
    const { t, browser, base, errors } = suite;
    const coord = await createUser(t, 'coordinator');
    const teacher = await createUser(t, 'teacher');
    const { group, learner } = await learnerInGroup(teacher.id);
    for (const date of ['2025-03-03', '2025-03-05']) {
      const lesson = await createLesson(t.db, group.id, { date });
      await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', teacher.auth)
        .send({ entries: [{ learnerId: learner.id, status: 'absent_unauthorised' }] }).expect(200);
    }
    const [signal] = await t.db.query(`SELECT s.id FROM absence_signal s JOIN trajectory t ON t.id = s.trajectory_id WHERE t.learner_id = $1`, [learner.id]);
    // Raised ten days ago and never reported: over tijd (5 working days are at most 7 calendar days).
    await t.db.query(`UPDATE absence_signal SET raised_at = now() - interval '10 days' WHERE id = $1`, [signal.id]);

    const page = await openPage(browser, errors);
    await loginAs(page, base, coord, 'Deelnemers');
    await page.goto(`${base}/#/signals`);
    await page.getByRole('heading', { name: 'Verzuimsignalen' }).waitFor();
    const row = page.locator('tr', { hasText: 'Ayşe Yılmaz' });
    await row.getByText('over tijd').waitFor();
    await row.getByText('Enschede').waitFor();
    await row.getByText('10 dagen').waitFor();
    await page.getByLabel('Melding').selectOption('true');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/overdue=true/);
    await row.getByText('over tijd').waitFor();
    await checkScreen(page, 'coordinator-verzuimsignalen');
    await page.getByLabel('Melding').selectOption('false');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('Geen verzuimsignalen gevonden.').waitFor();
    await page.goBack();
    await row.getByRole('link', { name: 'Ayşe Yılmaz' }).click();

    await page.getByRole('heading', { name: /Verzuimsignaal Ayşe Yılmaz/ }).waitFor();
    // The lessons by their dates, not "les 1, les 2".
    await page.getByRole('link', { name: /3 mrt 2025 09:00/ }).waitFor();
    await page.getByRole('link', { name: /5 mrt 2025 09:00/ }).waitFor();
    expect(await page.getByText(/les 1/).count()).toBe(0);
    await page.getByRole('button', { name: 'In behandeling nemen' }).click();
    await page.getByRole('heading', { name: /in behandeling/ }).waitFor();

    const close = page.locator('form[data-action="close"]');
    await close.getByLabel('Toelichting bij afsluiten').fill('Gesprek gehad met de deelnemer');
    await close.getByRole('button', { name: 'Signaal afsluiten' }).click();
    await close.getByText('vul de datum in waarop het signaal aan de gemeente is gemeld, of de reden waarom het niet is gemeld').first().waitFor();
    expect(await close.locator('[aria-invalid="true"]').count()).toBe(2);
    const [refused] = await t.db.query(`SELECT status FROM absence_signal WHERE id = $1`, [signal.id]);
    expect(refused.status).toBe('in_progress');
    await checkScreen(page, 'coordinator-verzuimsignaal');

    await close.getByLabel('Reden waarom niet gemeld').fill('Ziekte achteraf verklaard met een briefje van de huisarts');
    await close.getByRole('button', { name: 'Signaal afsluiten' }).click();
    await page.getByRole('heading', { name: /gesloten/ }).waitFor();
    await page.getByText('Ziekte achteraf verklaard met een briefje van de huisarts').waitFor();
    const [closed] = await t.db.query(`SELECT status, not_reported_reason, reported_to_municipality_on FROM absence_signal WHERE id = $1`, [signal.id]);
    expect(closed).toEqual({ status: 'closed', not_reported_reason: 'Ziekte achteraf verklaard met een briefje van de huisarts', reported_to_municipality_on: null });
    expect(await page.getByText('over tijd').count()).toBe(0);
    await page.close();
  });

  it('filters lessons by group, teacher and location, kept in the address, each marked ingevuld; the trajectory search finds a learner number', async () => {
    const { t, browser, base, errors } = suite;
    const coord = await createUser(t, 'coordinator');
    const anna = await createUser(t, 'teacher');
    await t.db.query(`UPDATE app_user SET display_name = 'Anna de Docent' WHERE id = $1`, [anna.id]);
    const bram = await createUser(t, 'teacher');
    await t.db.query(`UPDATE app_user SET display_name = 'Bram Bakker' WHERE id = $1`, [bram.id]);
    const inEnschede = await learnerInGroup(anna.id, 9, 'Enschede, Gronausestraat 1', ['Mehmet', 'Kaya']);
    const inHengelo = await learnerInGroup(bram.id, 9, 'Hengelo, Marktstraat 5', ['Olga', 'Petrova']);
    const today = collegeToday();
    const done = await createLesson(t.db, inHengelo.group.id, { date: addDays(today, -2) });
    await createLesson(t.db, inHengelo.group.id, { date: addDays(today, -1) });
    await createLesson(t.db, inEnschede.group.id, { date: addDays(today, -1) });
    await t.http.put(`/api/v1/lessons/${done.id}/register`).set('Authorization', bram.auth)
      .send({ entries: [{ learnerId: inHengelo.learner.id, status: 'present' }] }).expect(200);

    const page = await openPage(browser, errors);
    await loginAs(page, base, coord, 'Deelnemers');
    await page.goto(`${base}/#/lessons`);
    await page.getByRole('heading', { name: 'Lessen', exact: true }).waitFor();
    await page.getByLabel('Locatie').selectOption('Hengelo, Marktstraat 5');
    await page.getByLabel('Docent').selectOption({ label: 'Bram Bakker' });
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL(/location=Hengelo/);
    expect(page.url()).toContain(`teacherId=${bram.id}`);
    // The list's own rows (the missing registers below are a table too).
    const rows = page.locator('.table-wrap tbody tr');
    await rows.filter({ hasText: 'ja' }).first().waitFor();
    expect(await rows.count()).toBe(2);
    await rows.filter({ hasText: 'nee' }).first().waitFor();
    expect(await rows.filter({ hasText: 'Gronausestraat' }).count()).toBe(0);
    // Reloaded, the filters are still chosen.
    await page.reload();
    await page.getByRole('heading', { name: 'Lessen', exact: true }).waitFor();
    expect(await page.getByLabel('Locatie').inputValue()).toBe('Hengelo, Marktstraat 5');
    expect(await page.getByLabel('Docent').inputValue()).toBe(bram.id);
    await page.getByLabel('Groep').selectOption(inEnschede.group.id);
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.getByText('Geen lessen met deze filters.').waitFor();
    await page.getByLabel('Groep').selectOption('');
    await page.getByLabel('Locatie').selectOption('');
    await page.getByLabel('Docent').selectOption('');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await rows.filter({ hasText: 'Gronausestraat' }).first().waitFor();
    await checkScreen(page, 'coordinator-lessen');

    const number = 'KRS-7001';
    await t.db.query(`UPDATE learner SET learner_number = $2 WHERE id = $1`, [inHengelo.learner.id, number]);
    await page.goto(`${base}/#/trajectories`);
    await page.getByRole('heading', { name: 'Trajecten' }).waitFor();
    await page.getByLabel('Zoek deelnemer').fill(number.toLowerCase());
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/search=krs-7001/);
    await rows.filter({ hasText: 'Olga Petrova' }).waitFor();
    expect(await rows.count()).toBe(1);
    await checkScreen(page, 'coordinator-trajecten-zoeken');
    await page.close();
  });
});
