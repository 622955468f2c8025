import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser } from './factories/user.factory';
import { addDays, browserSuite, checkScreen, collegeToday, eventually, loginAs, menuLine, openPage } from './helpers/browser';

// A 1×1 PNG, as a phone camera would upload a photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe("a teacher's day in the browser (e2e)", () => {
  const suite = browserSuite();

  it('opens "Vandaag", fills a register with taps, is warned when leaving unsaved, saves, reloads; records an assessment and a conversation; approves a portfolio item after previewing it', async () => {
    const { t, browser, base, ref, errors } = suite;
    const teacher = await createUser(t, 'teacher');
    const contract = await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE']]);
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id], name: 'B1 Enschede middag', code: `ENM-${Date.now() % 100000}` });
    const people = [{ firstName: 'Ayşe', lastName: 'Yılmaz' }, { firstName: 'Ольга', lastName: 'Ковальчук' }, { firstName: 'Nguyễn', lastName: 'Thị Lan' }];
    const learners = [];
    for (const p of people) {
      const l = await createLearner(t.db, ref.municipalities.Enschede, p);
      const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Enschede, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
      await enrol(t.db, tr.id, group.id, '2025-01-06');
      learners.push({ ...p, id: l.id, trajectoryId: tr.id, name: `${p.firstName} ${p.lastName}` });
    }
    const [a, b, c] = learners;
    // Today's lesson started at midnight, so it is always open; one of last week is still missing.
    const lesson = await createLesson(t.db, group.id, { date: collegeToday(), startTime: '00:00', minutes: 180 });
    await createLesson(t.db, group.id, { date: addDays(collegeToday(), -7), startTime: '00:00', minutes: 180 });
    // Earlier unauthorised absences of b: the register hints at them.
    for (const back of [14, 10]) {
      const old = await createLesson(t.db, group.id, { date: addDays(collegeToday(), -back), startTime: '00:00', minutes: 180 });
      await t.http.put(`/api/v1/lessons/${old.id}/register`).set('Authorization', teacher.auth)
        .send({ entries: learners.map((l) => ({ learnerId: l.id, status: l === b ? 'absent_unauthorised' : 'present' })) }).expect(200);
    }
    // The learner put a photo in the portfolio and submitted it.
    const learnerUser = await createUser(t, 'learner', { learnerId: a.id });
    const item = (await t.http.post(`/api/v1/trajectories/${a.trajectoryId}/portfolio`).set('Authorization', learnerUser.auth)
      .send({ domain: 'work', title: 'Sollicitatiebrief', description: 'Mijn brief voor de bakkerij' }).expect(201)).body;
    await t.http.post(`/api/v1/portfolio-items/${item.id}/evidence`).set('Authorization', learnerUser.auth).attach('file', PNG, 'brief.png').expect(201);
    await t.http.post(`/api/v1/portfolio-items/${item.id}/submit`).set('Authorization', learnerUser.auth).send({ version: item.version }).expect(200);

    const dialogs: string[] = [];
    const page = await openPage(browser, errors, dialogs);
    await loginAs(page, base, teacher, 'Vandaag');
    const nav = await page.locator('#nav a').allInnerTexts();
    expect(nav.slice(0, 5)).toEqual(['Vandaag', 'Deelnemers', 'Trajecten', 'Lessen', 'Verzuimsignalen']);
    await page.getByRole('heading', { name: 'Lessen vandaag' }).waitFor();
    await page.getByRole('heading', { name: 'Vorige week nog niet ingevuld' }).waitFor();
    expect(await page.getByText('nog niet ingevuld').count()).toBeGreaterThanOrEqual(2);
    await checkScreen(page, 'teacher-vandaag');
    // The menu is one line on a 1024 px tablet.
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await menuLine(page)).toMatchObject({ lines: 1, tall: false, overflow: 0 });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.locator('section', { hasText: 'Lessen vandaag' }).getByRole('link', { name: 'Invullen' }).click();
    await page.getByRole('heading', { name: /Presentielijst B1 Enschede middag/ }).waitFor();
    await page.getByText('2× ongeoorloofd in de laatste 4 weken').waitFor();
    const status = (name: string) => page.getByRole('radiogroup', { name: `Status ${name}` });
    await status(a.name).getByText('te laat').click();
    await page.getByLabel(`Minuten te laat ${a.name}`).fill('200');
    await status(b.name).getByText('ongeoorloofd', { exact: true }).click();
    await status(c.name).getByText('geoorloofd', { exact: true }).click();
    await page.locator('tr', { has: status(a.name) }).getByText('hoogstens 180 minuten (de lesduur)').waitFor();
    await page.getByRole('button', { name: 'Presentielijst opslaan' }).click();
    await page.getByText('mag niet meer zijn dan de 180 minuten van de les').waitFor();
    await page.getByLabel(`Minuten te laat ${a.name}`).fill('15');
    await page.getByLabel(`Reden ${c.name}`).selectOption('overig');
    await page.getByLabel(`Toelichting ${c.name}`).fill('begrafenis');
    await checkScreen(page, 'teacher-presentielijst');

    // Leaving with unsaved changes asks first; staying keeps the taps.
    await page.getByRole('link', { name: 'Vandaag' }).click();
    await eventually(() => dialogs.length, 1);
    expect(dialogs[0]).toMatch(/^confirm: Er zijn wijzigingen die nog niet zijn opgeslagen/);
    await page.getByRole('heading', { name: /Presentielijst/ }).waitFor();
    expect(await status(a.name).getByRole('radio', { name: 'te laat' }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Presentielijst opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    const rows = await t.db.query(`SELECT learner_id, status, minutes_late, absence_reason FROM attendance_record WHERE lesson_id = $1 ORDER BY status`, [lesson.id]);
    expect(rows).toEqual([
      { learner_id: c.id, status: 'absent_authorised', minutes_late: 0, absence_reason: 'overig: begrafenis' },
      { learner_id: b.id, status: 'absent_unauthorised', minutes_late: 0, absence_reason: null },
      { learner_id: a.id, status: 'late', minutes_late: 15, absence_reason: null },
    ]);
    await page.reload();
    await page.getByText(`Laatst opgeslagen door teacher ${teacher.email} (u) op `, { exact: false }).waitFor();
    expect(await page.getByLabel(`Minuten te laat ${a.name}`).inputValue()).toBe('15');
    expect(await page.getByLabel(`Reden ${c.name}`).inputValue()).toBe('overig');
    expect(await page.getByLabel(`Toelichting ${c.name}`).inputValue()).toBe('begrafenis');
    // Saved: leaving asks nothing.
    await page.getByRole('link', { name: 'Vandaag' }).click();
    await page.getByRole('heading', { name: 'Lessen vandaag' }).waitFor();
    expect(dialogs).toHaveLength(1);
    await page.locator('section', { hasText: 'Lessen vandaag' }).getByText('presentielijst ingevuld').waitFor();

    // A coordinator corrects the register: the teacher sees who saved it last, by name, and when.
    const coordinator = await createUser(t, 'coordinator');
    await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', coordinator.auth).send({ entries: [
      { learnerId: a.id, status: 'late', minutesLate: 20 }, { learnerId: b.id, status: 'absent_unauthorised' },
      { learnerId: c.id, status: 'absent_authorised', absenceReason: 'overig: begrafenis' },
    ] }).expect(200);
    await page.goto(`${base}/#/lessons/${lesson.id}/register`);
    const lastSaved = page.locator('#reg-last');
    await lastSaved.getByText(`Laatst opgeslagen door coordinator ${coordinator.email} op `, { exact: false }).waitFor();
    expect(await lastSaved.innerText()).toMatch(/ op \d{1,2} \w+ \d{4} (om )?\d{2}:\d{2}\.$/);

    // The learner page: an assessment, a progress conversation, and the portfolio review.
    await page.goto(`${base}/#/learners/${a.id}`);
    await page.getByRole('heading', { name: a.name }).waitFor();
    await page.getByText('Toets vastleggen').click();
    await page.getByLabel('Vaardigheid').selectOption('reading');
    await page.getByLabel('Instrument (toets of examen)').fill('Oefentoets lezen');
    await page.getByLabel(/^Niveau/).selectOption('A2');
    await page.getByRole('button', { name: 'Toets opslaan' }).click();
    await page.getByRole('cell', { name: 'Oefentoets lezen' }).waitFor();
    await page.getByText('Gesprek vastleggen').click();
    await page.getByLabel('Samenvatting').fill('Gaat goed met lezen, spreken blijft lastig.');
    await page.getByLabel('Afspraken').fill('Elke week een gesprek met de buren.');
    await page.getByLabel('Vervolggesprek op').fill(addDays(collegeToday(), 28));
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByText('Gaat goed met lezen, spreken blijft lastig.').waitFor();
    await page.getByText('Elke week een gesprek met de buren.').waitFor();

    const li = page.locator('li.item', { hasText: 'Sollicitatiebrief' });
    await li.getByText('ingediend').waitFor();
    await li.getByRole('button', { name: 'Bekijken' }).click();
    const img = li.getByRole('img', { name: 'Bewijsstuk brief.png' });
    await img.waitFor();
    await eventually(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth), 1);
    await checkScreen(page, 'teacher-deelnemer');
    await li.getByLabel('Feedback voor de deelnemer').fill('Mooie brief!');
    await li.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.locator('li.item', { hasText: 'Sollicitatiebrief' }).getByText('goedgekeurd').waitFor();
    const [row] = await t.db.query(`SELECT status, feedback FROM portfolio_item WHERE id = $1`, [item.id]);
    expect(row).toEqual({ status: 'approved', feedback: 'Mooie brief!' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM progress_note WHERE trajectory_id = $1`, [a.trajectoryId]);
    expect(n).toBe(1);

    // A bad or unknown id in the address is "niet gevonden", never a form error, on every record page.
    for (const path of ['learners', 'trajectories', 'signals', 'lessons']) {
      for (const id of ['geen-echt-id', '00000000-0000-4000-8000-000000000000']) {
        await page.goto(`${base}/#/${path}/${id}${path === 'lessons' ? '/register' : ''}`);
        await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
        expect({ path, id, formError: await page.getByText('Niet alle velden zijn goed ingevuld.').count() }).toEqual({ path, id, formError: 0 });
      }
    }
    await page.close();
  });
});
