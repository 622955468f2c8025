import { randomBsn } from './factories/learner-api.factory';
import { createContract, createLearner, createTrajectory } from './factories/records.factory';
import { createUser } from './factories/user.factory';
import { browserSuite, checkScreen, collegeToday, loginAs, openPage } from './helpers/browser';


describe("a coordinator's day in the browser (e2e)", () => {
  const suite = browserSuite();

  it('creates a learner (BSN checked as typed) and a trajectory, activates it, edits the plan (conflict shown), drops out another with a reason', async () => {
    const { t, browser, base, ref, errors } = suite;
    await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE']], { name: 'Inburgering Enschede' });
    const coord = await createUser(t, 'coordinator');
    const page = await openPage(browser, errors);
    await loginAs(page, base, coord, 'Deelnemers');
    await page.getByRole('link', { name: 'Nieuwe deelnemer' }).click();
    await page.getByRole('heading', { name: 'Nieuwe deelnemer' }).waitFor();
    await page.getByLabel('Voornaam').fill('Ольга');
    await page.getByLabel('Achternaam').fill('Шевченко');
    await page.getByLabel('Geboortedatum').fill('1988-04-12');
    await page.getByLabel('Gemeente').selectOption({ label: 'Enschede' });
    const bsn = randomBsn();
    const wrong = `${bsn.slice(0, 8)}${(Number(bsn[8]) + 1) % 10}`;
    await page.getByLabel('BSN (9 cijfers)').fill(wrong.slice(0, 5));
    await page.getByText('Nog 4 cijfers.').waitFor();
    await page.getByLabel('BSN (9 cijfers)').fill(wrong);
    await page.getByText('Dit BSN klopt niet (elfproef): controleer de cijfers.').waitFor();
    await page.getByRole('button', { name: 'Deelnemer opslaan' }).click();
    await page.getByText('is geen geldig BSN (de elfproef klopt niet)').waitFor();
    await page.getByLabel('BSN (9 cijfers)').fill(bsn);
    await page.getByText('Dit BSN klopt (elfproef).').waitFor();
    await page.getByLabel('E-mailadres').fill('geen-adres');
    await checkScreen(page, 'coordinator-nieuwe-deelnemer');
    await page.getByRole('button', { name: 'Deelnemer opslaan' }).click();
    // The API's English field message arrives in Dutch.
    await page.getByText('vul een geldig e-mailadres in').waitFor();
    await page.getByLabel('E-mailadres').fill('olga@example.nl');
    await page.getByRole('button', { name: 'Deelnemer opslaan' }).click();
    await page.getByRole('heading', { name: /Ольга Шевченко/ }).waitFor();

    await page.getByRole('link', { name: 'Nieuw traject' }).click();
    await page.getByRole('heading', { name: 'Nieuw traject voor Ольга Шевченко' }).waitFor();
    await page.getByLabel(/^Product/).selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Traject aanmaken' }).click();
    await page.getByRole('heading', { name: /Traject van Ольга Шевченко/ }).waitFor();
    await page.getByRole('button', { name: 'Activeren' }).click();
    await page.getByRole('heading', { name: /actief/ }).waitFor();
    const [tr] = await t.db.query(`SELECT t.id, t.status FROM trajectory t JOIN learner l ON l.id = t.learner_id WHERE l.first_name = 'Ольга'`);
    expect(tr.status).toBe('active');

    // Someone else changes the plan meanwhile: the save is refused with a reload.
    await page.getByText('Trajectplan wijzigen').click();
    await page.getByLabel('werk', { exact: true }).first().fill('Een baan in de zorg');
    const plan = (await t.http.get(`/api/v1/trajectories/${tr.id}/plan`).set('Authorization', coord.auth).expect(200)).body;
    await t.http.put(`/api/v1/trajectories/${tr.id}/plan`).set('Authorization', coord.auth).send({ version: plan.version, plan: { agreements: 'Collega was eerder' } }).expect(200);
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page.getByText(/Iemand anders heeft dit intussen gewijzigd/).waitFor();
    await page.getByRole('button', { name: 'Opnieuw laden' }).click();
    await page.getByText('Collega was eerder').waitFor();
    await page.getByText('Trajectplan wijzigen').click();
    await page.locator('#plan-form').getByLabel('werk', { exact: true }).fill('Een baan in de zorg');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page.getByText('Een baan in de zorg').first().waitFor();
    await checkScreen(page, 'coordinator-traject');

    // Another learner never showed up: drop out with a reason, and a refused move is explained.
    const other = await createLearner(t.db, ref.municipalities.Enschede, { firstName: 'Ahmad', lastName: 'Karimi' });
    const contract = await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE']]);
    const tr2 = await createTrajectory(t.db, { learnerId: other.id, municipalityId: ref.municipalities.Enschede, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    await page.goto(`${base}/#/trajectories/${tr2.id}`);
    await page.getByRole('heading', { name: /Traject van Ahmad Karimi/ }).waitFor();
    await page.locator('summary', { hasText: 'Uitval vastleggen' }).click();
    await page.getByRole('button', { name: 'Uitval vastleggen' }).click();
    await page.getByText('kies een reden van uitval').waitFor();
    await page.getByLabel('Reden van uitval').selectOption('other');
    await page.getByRole('button', { name: 'Uitval vastleggen' }).click();
    await page.getByText('vul een toelichting in bij ‘anders’').waitFor();
    await page.getByLabel('Reden van uitval').selectOption('moved');
    await page.getByLabel('Datum van uitval').fill(collegeToday());
    await page.getByLabel('Toelichting').fill('Verhuisd naar Zwolle');
    await page.getByRole('button', { name: 'Uitval vastleggen' }).click();
    await page.getByRole('heading', { name: /uitgevallen/ }).waitFor();
    await page.getByText('verhuisd — Verhuisd naar Zwolle').waitFor();
    const [row] = await t.db.query(`SELECT status, dropout_reason, dropout_note FROM trajectory WHERE id = $1`, [tr2.id]);
    expect(row).toEqual({ status: 'dropped_out', dropout_reason: 'moved', dropout_note: 'Verhuisd naar Zwolle' });
    expect(await page.getByRole('button', { name: 'Activeren' }).count()).toBe(0);

    // A bad id in the address is "niet gevonden".
    await page.goto(`${base}/#/trajectories/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    await page.goto(`${base}/#/learners/geen-echt-id`);
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    expect(await page.getByText('Niet alle velden zijn goed ingevuld.').count()).toBe(0);
    await page.close();
  });
});
