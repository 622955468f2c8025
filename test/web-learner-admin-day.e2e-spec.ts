import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser } from './factories/user.factory';
import { addDays, browserSuite, checkScreen, collegeToday, loginAs, openPage } from './helpers/browser';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe("the learner's and the admin's day in the browser (e2e)", () => {
  const suite = browserSuite();

  it('a learner adds a portfolio item with a photo, submits it, and reports absence in advance', async () => {
    const { t, browser, base, ref, errors } = suite;
    const teacher = await createUser(t, 'teacher');
    const contract = await createContract(t.db, ref.municipalities.Hengelo, [ref.products['B1-ROUTE']]);
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id], name: 'B1 Hengelo avond', code: `HGA-${Date.now() % 100000}` });
    const l = await createLearner(t.db, ref.municipalities.Hengelo, { firstName: 'Mariam', lastName: 'Haidari' });
    const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Hengelo, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    await enrol(t.db, tr.id, group.id, '2025-01-06');
    await createLesson(t.db, group.id, { date: addDays(collegeToday(), 3), startTime: '18:00', minutes: 120 });
    const user = await createUser(t, 'learner', { learnerId: l.id });
    const page = await openPage(browser, errors);
    await loginAs(page, base, user, 'Mijn traject');
    await page.getByRole('heading', { name: 'Mijn portfolio' }).waitFor();
    await page.getByText('Nieuw onderdeel toevoegen').click();
    await page.getByLabel('Onderwerp').selectOption('housing');
    await page.getByLabel('Titel').fill('Gesprek met de woningcorporatie');
    await page.getByLabel('Wat heeft u gedaan?').fill('Ik heb gebeld over de huur.');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    const li = page.locator('li.item', { hasText: 'Gesprek met de woningcorporatie' });
    await li.getByText('concept').waitFor();
    await li.getByLabel('Bewijsstuk (foto of PDF)').setInputFiles({ name: 'huur.png', mimeType: 'image/png', buffer: PNG });
    await li.getByRole('button', { name: 'Uploaden' }).click();
    await page.locator('li.item', { hasText: 'Gesprek met de woningcorporatie' }).getByText('1 bewijsstuk', { exact: false }).waitFor();
    await checkScreen(page, 'learner-mijn-traject');
    await page.locator('li.item', { hasText: 'Gesprek met de woningcorporatie' }).getByRole('button', { name: 'Indienen bij de docent' }).click();
    await page.locator('li.item', { hasText: 'Gesprek met de woningcorporatie' }).getByText('ingediend').waitFor();
    const [item] = await t.db.query(`SELECT status, domain FROM portfolio_item WHERE trajectory_id = $1`, [tr.id]);
    expect(item).toEqual({ status: 'submitted', domain: 'housing' });

    await page.getByLabel(/Reden afwezigheid/).first().fill('Afspraak bij de huisarts');
    await page.getByRole('button', { name: 'Afwezig melden' }).first().click();
    await page.getByText('afwezigheid gemeld').waitFor();
    await page.close();
  });

  it('an admin creates a user and deactivates another, whose next request is refused', async () => {
    const { t, browser, base, ref, errors } = suite;
    const admin = await createUser(t, 'admin');
    const victim = await createUser(t, 'coordinator');
    const page = await openPage(browser, errors);
    await loginAs(page, base, admin, 'Deelnemers');
    // The victim is logged in elsewhere.
    const other = await openPage(browser, errors);
    await loginAs(other, base, victim, 'Deelnemers');

    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByRole('heading', { name: 'Gebruikers' }).waitFor();
    await page.getByText('Nieuwe gebruiker').click();
    await page.getByLabel('Naam', { exact: true }).fill('Gemeente Hengelo');
    await page.getByLabel('E-mailadres').fill(`hengelo-${Date.now()}@test.koers`);
    await page.getByLabel(/^Rol/).selectOption('municipality');
    await page.getByLabel('Wachtwoord (minstens 12 tekens)').fill('kort');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByText('kies de gemeente van deze gebruiker').waitFor();
    await page.getByLabel(/^Gemeente/).selectOption({ label: 'Hengelo' });
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.locator('.field-error').first().innerText()).not.toMatch(/[a-z]+ must /);
    await page.getByLabel('Wachtwoord (minstens 12 tekens)').fill('Zonnebloem-Tafel-8472!');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByRole('cell', { name: 'Gemeente Hengelo', exact: true }).waitFor();

    await page.getByRole('button', { name: `Deactiveren coordinator ${victim.email}` }).click();
    await page.getByText('Gebruiker gedeactiveerd', { exact: false }).waitFor();
    await checkScreen(page, 'admin-gebruikers');
    const [row] = await t.db.query(`SELECT active FROM app_user WHERE id = $1`, [victim.id]);
    expect(row.active).toBe(false);
    // The deactivated user's next request is refused: back to the login page.
    await other.getByRole('link', { name: 'Trajecten' }).click();
    await other.getByRole('heading', { name: 'Inloggen bij Koers' }).waitFor();
    await other.close();
    await page.close();
  });
});
