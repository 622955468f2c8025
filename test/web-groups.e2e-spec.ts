import { createContract, createLearner, createTrajectory } from './factories/records.factory';
import { createUser } from './factories/user.factory';
import { addDays, browserSuite, checkScreen, collegeToday, loginAs, openPage } from './helpers/browser';

describe('group pages in the browser (e2e)', () => {
  const suite = browserSuite();

  it('a coordinator creates a group, sets its schedule, generates lessons, cancels one with a reason, enrols trajectories up to capacity and ends an enrolment; a teacher reads its group', async () => {
    const { t, browser, base, ref, errors } = suite;
    const product = ref.products['B1-ROUTE'];
    const contract = await createContract(t.db, ref.municipalities.Enschede, [product]);
    const coord = await createUser(t, 'coordinator');
    const teacher = await createUser(t, 'teacher');
    await t.db.query(`UPDATE app_user SET display_name = 'Marieke de Vries' WHERE id = $1`, [teacher.id]);
    const substitute = await createUser(t, 'teacher');
    await t.db.query(`UPDATE app_user SET display_name = 'Jan Jansen' WHERE id = $1`, [substitute.id]);
    const people = [{ firstName: 'Ahmad', lastName: 'Karimi' }, { firstName: 'Ольга', lastName: 'Петрова' }, { firstName: 'Tomasz', lastName: 'Nowak' }];
    for (const p of people) {
      const l = await createLearner(t.db, ref.municipalities.Enschede, p);
      await createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Enschede, contractId: contract.id, productId: product, startDate: addDays(collegeToday(), -30), plannedEndDate: addDays(collegeToday(), 500) });
    }
    const today = collegeToday();
    const code = `ENS-B1-${Date.now() % 100000}`;

    const page = await openPage(browser, errors);
    await loginAs(page, base, coord, 'Deelnemers');
    await page.locator('#nav').getByRole('link', { name: 'Groepen' }).click();
    await page.getByRole('heading', { name: 'Groepen' }).waitFor();
    await page.getByText('Er zijn nog geen groepen.').waitFor();
    await page.getByRole('link', { name: 'Nieuwe groep' }).click();
    await page.getByRole('heading', { name: 'Nieuwe groep' }).waitFor();

    // The API's field messages arrive in Dutch, next to their field.
    await page.getByLabel('Groepscode').fill('ENS B1');
    await page.getByLabel('Naam', { exact: true }).fill('B1-route Enschede ochtend');
    await page.getByLabel('Product').selectOption({ label: 'B1-route' });
    await page.getByLabel('Locatie').fill('Enschede, Gronausestraat 1');
    await page.getByLabel('Gemeente').selectOption({ label: 'Enschede' });
    await page.getByLabel('Aantal plaatsen').fill('2');
    await page.getByLabel('Startdatum').fill(today);
    await page.getByLabel('Einddatum').fill(addDays(today, 90));
    await page.getByLabel('Marieke de Vries').check();
    await page.getByRole('button', { name: 'Dag toevoegen' }).click();
    await page.getByLabel('Dag, lesdag 1').selectOption({ label: 'maandag' });
    await page.getByLabel('Begintijd, lesdag 1').fill('09:00');
    await page.getByLabel('Duur in minuten, lesdag 1').fill('180');
    await page.getByRole('button', { name: 'Dag toevoegen' }).click();
    await page.getByLabel('Dag, lesdag 2').selectOption({ label: 'maandag' });
    await page.getByLabel('Begintijd, lesdag 2').fill('09:00');
    await page.getByRole('button', { name: 'Groep aanmaken' }).click();
    await page.getByText('mag alleen letters, cijfers, punt, streepje, laag streepje en schuine streep bevatten', { exact: false }).waitFor();
    await page.getByLabel('Groepscode').fill(code);
    await page.getByRole('button', { name: 'Groep aanmaken' }).click();
    await page.getByText('maandag om 09:00 staat al in het rooster').waitFor();
    await checkScreen(page, 'coordinator-nieuwe-groep');
    await page.getByRole('button', { name: 'Lesdag 2 verwijderen' }).click();
    await page.getByRole('button', { name: 'Groep aanmaken' }).click();
    await page.getByRole('heading', { name: /B1-route Enschede ochtend/ }).waitFor();
    await page.getByText('0 van 2 plaatsen bezet').waitFor();
    const [group] = await t.db.query(`SELECT id, capacity FROM course_group WHERE code = $1`, [code]);
    expect(group.capacity).toBe(2);

    // The weekly schedule, edited on the group page: Monday morning and Wednesday afternoon online.
    await page.locator('summary', { hasText: 'Weekrooster wijzigen' }).click();
    await page.getByRole('button', { name: 'Dag toevoegen' }).click();
    await page.getByLabel('Dag, lesdag 2').selectOption({ label: 'woensdag' });
    await page.getByLabel('Begintijd, lesdag 2').fill('13:30');
    await page.getByLabel('Duur in minuten, lesdag 2').fill('120');
    await page.getByLabel('Vorm, lesdag 2').selectOption({ label: 'online' });
    await page.getByRole('button', { name: 'Rooster opslaan' }).click();
    await page.locator('#schedule-card').getByText('13:30 uur').waitFor();
    const slots = await t.db.query(`SELECT weekday, to_char(start_time, 'HH24:MI') AS "startTime", minutes, mode FROM schedule_slot WHERE group_id = $1 ORDER BY weekday`, [group.id]);
    expect(slots).toEqual([{ weekday: 1, startTime: '09:00', minutes: 180, mode: 'physical' }, { weekday: 3, startTime: '13:30', minutes: 120, mode: 'online' }]);

    // Four weeks hold every weekday four times: 8 lessons; a second run makes none.
    const form = page.locator('#generate-form');
    await form.getByLabel('Van').fill(today);
    await form.getByLabel('Tot en met').fill(addDays(today, 27));
    await page.getByRole('button', { name: 'Lessen genereren' }).click();
    await page.getByText(/^8 lessen aangemaakt van /).waitFor();
    await page.getByRole('button', { name: 'Lessen genereren' }).click();
    await page.getByText(/^0 lessen aangemaakt \(8 lessen bestonden al\)/).waitFor();
    expect(await page.locator('tr[data-lesson]').count()).toBe(8);

    // Cancel the first lesson: a reason is required; reinstate it; cancel it again.
    const first = page.locator('tr[data-lesson]').first();
    const lessonId = await first.getAttribute('data-lesson');
    await first.locator('summary', { hasText: 'Laten vervallen' }).click();
    await first.getByRole('button', { name: 'Les laten vervallen' }).click();
    await first.getByText('vul de reden in waarom de les vervalt').waitFor();
    await first.getByLabel('Reden van vervallen').fill('Docent ziek');
    await first.getByRole('button', { name: 'Les laten vervallen' }).click();
    await page.locator(`tr[data-lesson="${lessonId}"]`).getByText('Docent ziek').waitFor();
    expect((await t.db.query(`SELECT cancelled, cancel_reason FROM lesson WHERE id = $1`, [lessonId]))[0]).toEqual({ cancelled: true, cancel_reason: 'Docent ziek' });
    await page.locator(`tr[data-lesson="${lessonId}"]`).getByRole('button', { name: 'Terugzetten' }).click();
    await page.locator(`tr[data-lesson="${lessonId}"]`).getByRole('link', { name: /Presentielijst/ }).waitFor();
    expect((await t.db.query(`SELECT cancelled FROM lesson WHERE id = $1`, [lessonId]))[0].cancelled).toBe(false);
    const again = page.locator(`tr[data-lesson="${lessonId}"]`);
    await again.locator('summary', { hasText: 'Laten vervallen' }).click();
    await again.getByLabel('Reden van vervallen').fill('Lokaal niet beschikbaar');
    await again.getByRole('button', { name: 'Les laten vervallen' }).click();
    await page.locator(`tr[data-lesson="${lessonId}"]`).getByText('Lokaal niet beschikbaar').waitFor();
    // Another lesson goes online with a substitute teacher.
    const second = page.locator('tr[data-lesson]').nth(1);
    const secondId = await second.getAttribute('data-lesson');
    await second.locator('summary', { hasText: 'Vorm of docent' }).click();
    await second.getByLabel('Vorm').selectOption({ label: 'online' });
    await second.getByLabel('Docent van deze les').selectOption({ label: 'Jan Jansen' });
    await second.getByRole('button', { name: 'Les opslaan' }).click();
    await page.locator(`tr[data-lesson="${secondId}"]`).getByText('Jan Jansen (vervanging)').waitFor();
    expect((await t.db.query(`SELECT mode, teacher_id AS "teacherId" FROM lesson WHERE id = $1`, [secondId]))[0]).toEqual({ mode: 'online', teacherId: substitute.id });
    // The register of another lesson is one link away.
    expect(await page.locator('tr[data-lesson]').nth(1).getByRole('link', { name: /Presentielijst/ }).getAttribute('href')).toMatch(/^#\/lessons\/[\w-]+\/register$/);

    // Enrol two trajectories: the group is full, the third is refused with the reason in Dutch.
    const enrolBy = async (name: string, fromDate = today, term = name) => {
      await page.getByLabel('Zoek traject op naam of deelnemernummer').fill(term);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.locator('#enrol-form select[name="trajectoryId"] option', { hasText: name }).waitFor({ state: 'attached' });
      await page.getByLabel('Ingeschreven vanaf').fill(fromDate);
      await page.getByRole('button', { name: 'Inschrijven' }).click();
    };
    await enrolBy('Karimi');
    await page.locator('tr[data-enrolment]', { hasText: 'Ahmad Karimi' }).waitFor();
    await page.getByText('1 van 2 plaatsen bezet').waitFor();
    await page.locator('summary', { hasText: 'Deelnemer inschrijven' }).click();
    await enrolBy('Петрова');
    await page.locator('tr[data-enrolment]', { hasText: 'Ольга Петрова' }).waitFor();
    await page.getByText('2 van 2 plaatsen bezet').waitFor();
    await page.locator('#occupancy').getByText('vol').waitFor();
    await page.locator('summary', { hasText: 'Deelnemer inschrijven' }).click();
    await enrolBy('Nowak');
    await page.getByText(/^De groep is vol: op ten minste één dag van deze periode zijn alle plaatsen bezet/).waitFor();
    await checkScreen(page, 'coordinator-groep');

    // Karimi's last day is today: from tomorrow there is room for Nowak.
    const karimi = page.locator('tr[data-enrolment]', { hasText: 'Ahmad Karimi' });
    await karimi.locator('summary', { hasText: 'Inschrijving beëindigen' }).click();
    await karimi.getByLabel('Laatste dag in de groep').fill(today);
    await karimi.getByRole('button', { name: 'Beëindigen' }).click();
    await page.getByText('Inschrijving beëindigd', { exact: true }).waitFor();
    const [ended] = await t.db.query(`SELECT e.to_date::text AS "toDate" FROM enrolment e JOIN trajectory tr ON tr.id = e.trajectory_id JOIN learner l ON l.id = tr.learner_id WHERE l.last_name = 'Karimi'`);
    expect(ended.toDate).toBe(today);
    await page.locator('summary', { hasText: 'Deelnemer inschrijven' }).click();
    // Found by the learner number this time.
    const [{ learner_number: nowakNumber }] = await t.db.query(`SELECT learner_number FROM learner WHERE last_name = 'Nowak'`);
    await enrolBy('Nowak', addDays(today, 1), nowakNumber);
    await page.locator('tr[data-enrolment]', { hasText: 'Tomasz Nowak' }).waitFor();
    expect(await t.db.query(`SELECT count(*)::int AS n FROM enrolment WHERE group_id = $1`, [group.id])).toEqual([{ n: 3 }]);

    // The list shows product, level, location, teacher, period and occupancy.
    await page.locator('#nav').getByRole('link', { name: 'Groepen' }).click();
    const row = page.locator('tbody tr', { hasText: code });
    await row.getByText('niveau B1').waitFor();
    await row.getByText('Marieke de Vries').waitFor();
    await row.getByText('2 van 2 plaatsen bezet').waitFor();
    await page.getByLabel('Zoek op naam of groepscode').fill('bestaat-niet');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Geen groepen gevonden met deze zoekopdracht.').waitFor();
    await page.getByRole('link', { name: 'Alle groepen' }).click();
    await page.locator('tbody tr', { hasText: code }).waitFor();
    await checkScreen(page, 'coordinator-groepen');

    // Changing the group: every field, with the current values; the certificates page is linked.
    await page.locator('tbody tr', { hasText: code }).getByRole('link', { name: 'B1-route Enschede ochtend' }).click();
    await page.getByRole('link', { name: 'Groep wijzigen' }).click();
    await page.getByRole('heading', { name: 'Groep B1-route Enschede ochtend wijzigen' }).waitFor();
    await page.getByLabel('Aantal plaatsen').fill('16');
    await page.getByLabel('Einddatum').fill(addDays(today, -1));
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('de einddatum moet op of na de startdatum liggen').waitFor();
    await page.getByLabel('Einddatum').fill('');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('2 van 16 plaatsen bezet').waitFor();
    expect((await t.db.query(`SELECT capacity, end_date FROM course_group WHERE id = $1`, [group.id]))[0]).toEqual({ capacity: 16, end_date: null });
    expect(await page.getByRole('link', { name: 'Certificaten van de groep' }).getAttribute('href')).toBe(`#/groups/${group.id}/certificates`);

    // A bad id in the address is "niet gevonden".
    await page.goto(`${base}/#/groups/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    await page.goto(`${base}/#/groups/geen-echt-id`);
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    await page.goto(`${base}/#/groups/geen-echt-id/edit`);
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    await page.close();

    // The teacher reads its group: no editing, generating or enrolling; it may cancel a lesson, as the API allows.
    await t.db.query(`INSERT INTO group_teacher (group_id, user_id) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM group_teacher WHERE group_id = $1 AND user_id = $2)`, [group.id, teacher.id]);
    const tp = await openPage(browser, errors);
    await loginAs(tp, base, teacher, 'Vandaag');
    await tp.locator('#nav').getByRole('link', { name: 'Groepen' }).click();
    await tp.locator('tbody tr', { hasText: code }).getByRole('link', { name: 'B1-route Enschede ochtend' }).click();
    await tp.getByRole('heading', { name: /B1-route Enschede ochtend/ }).waitFor();
    await tp.locator('tr[data-enrolment]', { hasText: 'Tomasz Nowak' }).waitFor();
    await tp.locator(`tr[data-lesson="${lessonId}"]`).getByText('Lokaal niet beschikbaar').waitFor();
    await tp.locator(`tr[data-lesson="${secondId}"]`).getByText('Jan Jansen (vervanging)').waitFor();
    expect(await tp.getByRole('link', { name: 'Groep wijzigen' }).count()).toBe(0);
    expect(await tp.getByRole('button', { name: 'Lessen genereren' }).count()).toBe(0);
    expect(await tp.getByText('Deelnemer inschrijven').count()).toBe(0);
    expect(await tp.getByText('Weekrooster wijzigen').count()).toBe(0);
    expect(await tp.getByRole('button', { name: 'Terugzetten' }).count()).toBe(0);
    await checkScreen(tp, 'teacher-groep');
    await tp.goto(`${base}/#/groups/new`);
    await tp.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    await tp.close();
  });
});
