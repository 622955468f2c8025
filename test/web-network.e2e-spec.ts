import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Browser, chromium, Page } from 'playwright-core';
import { WorkerModule } from '../src/worker.module';
import { createContract, createLearner, createTrajectory } from './factories/records.factory';
import { Reference, seedReference } from './factories/reference.factory';
import { createUser, TEST_PASSWORD, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('network and import pages in a real browser (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let ref: Reference;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    ref = await seedReference(t.db);
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await worker.close();
    await t.close();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  async function loggedIn(user: TestUser): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(base);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Deelnemers' }).first().waitFor();
    return page;
  }
  const cleanScreen = async (page: Page) => expect(await page.locator('main').innerText()).not.toMatch(/undefined|\bnull\b|\[object Object\]|NaN|Invalid Date/);

  it('a coordinator refers a learner to a partner on the trajectory page and records the first contact', async () => {
    const mu = ref.municipalities.Enschede;
    const c = await createContract(t.db, mu, [ref.products['Z-ROUTE']]);
    const l = await createLearner(t.db, mu, { firstName: 'Amina', lastName: 'Yusuf' });
    const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: mu, contractId: c.id, productId: ref.products['Z-ROUTE'], integrationAgreement: { wishes: { sport: 'Wil zwemmen' } } });
    await t.db.query(`INSERT INTO network_partner (municipality_id, name, kind, themes) VALUES ($1, 'Zwemclub De Vonder', 'sport_club', '{sport}')`, [mu]);
    const page = await loggedIn(await createUser(t, 'coordinator'));
    await page.goto(`${base}/#/trajectories/${tr.id}`);
    await page.getByRole('heading', { name: 'Koppelingen met het netwerk' }).waitFor();
    await page.getByText('Nog geen koppelingen.').waitFor();
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await page.getByRole('heading', { name: /Zwemclub De Vonder/ }).waitFor();
    await page.getByRole('button', { name: 'Eerste contact vastleggen' }).click();
    await page.getByText('eerste contact gehad').waitFor();
    await page.getByText(/niet begeleid/).waitFor();
    await cleanScreen(page);
    await page.goto(`${base}/#/network?municipalityId=${mu}`);
    await page.getByRole('heading', { name: 'Netwerk Enschede' }).waitFor();
    await page.getByText('0 van 1 eerste contacten begeleid').waitFor();
    await page.goto(`${base}/#/network/partners?search=vonder`);
    await page.getByRole('cell', { name: 'Zwemclub De Vonder' }).waitFor();
    await cleanScreen(page);
  });

  it('a coordinator corrects and deletes participation hours on the trajectory page; the Z-route norm follows', async () => {
    const mu = ref.municipalities.Enschede;
    const c = await createContract(t.db, mu, [ref.products['Z-ROUTE']]);
    const l = await createLearner(t.db, mu, { firstName: 'Samir', lastName: 'Haddad' });
    const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: mu, contractId: c.id, productId: ref.products['Z-ROUTE'], integrationAgreement: { needs: { neighbourhood: 'Buren leren kennen' } } });
    const [p] = await t.db.query(`INSERT INTO network_partner (municipality_id, name, kind, themes) VALUES ($1, 'Buurthuis De Esch', 'neighbourhood_team', '{neighbourhood}') RETURNING id`, [mu]);
    const [r] = await t.db.query(
      `INSERT INTO referral (trajectory_id, partner_id, reason_kind, reason_theme, planned_date, status, first_contact_date, participating_from)
       VALUES ($1, $2, 'need', 'neighbourhood', '2025-04-01', 'participating', '2025-04-02', '2025-04-02') RETURNING id`,
      [tr.id, p.id],
    );
    await t.db.query(`INSERT INTO participation_entry (referral_id, entry_date, minutes, note) VALUES ($1, '2025-04-20', 90, 'Koffieochtend'), ($1, '2025-04-27', 60, NULL)`, [r.id]);
    const page = await loggedIn(await createUser(t, 'coordinator'));
    await page.goto(`${base}/#/trajectories/${tr.id}`);
    const attendance = page.locator('#tr-attendance');
    await page.getByText('Deelname-uren (2,5 uur)').waitFor();
    await attendance.getByText(/Participatie:\s+2,5 van 800 uur/).waitFor();

    await page.getByRole('button', { name: 'Uren van 20 april 2025 wijzigen' }).click();
    const form = page.locator('form.entry-edit');
    await form.getByLabel('Minuten').fill('0');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('moet minstens 1 zijn').waitFor();
    await form.getByLabel('Minuten').fill('120');
    await form.getByLabel('Notitie').fill('Koffieochtend en taalcafé');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Deelname-uren (3 uur)').waitFor();
    await page.getByRole('cell', { name: 'Koffieochtend en taalcafé' }).waitFor();
    await attendance.getByText(/Participatie:\s+3 van 800 uur/).waitFor();

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Uren van 27 april 2025 verwijderen' }).click();
    await page.getByText('Deelname-uren (2 uur)').waitFor();
    await attendance.getByText(/Participatie:\s+2 van 800 uur/).waitFor();
    expect(await page.locator('table.entries tbody tr').count()).toBe(1);
    await cleanScreen(page);
    await page.close();

    // The municipality reads the entries, without the buttons.
    const own = await loggedIn(await createUser(t, 'municipality', { municipalityId: mu }));
    await own.goto(`${base}/#/trajectories/${tr.id}`);
    await own.getByText('Deelname-uren (2 uur)').waitFor();
    expect(await own.getByRole('button', { name: /wijzigen|verwijderen/ }).count()).toBe(0);
    await cleanScreen(own);
    await own.close();
  });

  it('a coordinator uploads a learner list, sees the dry run per row and commits it', async () => {
    const coordinator = await createUser(t, 'coordinator');
    const page = await loggedIn(coordinator);
    await page.goto(`${base}/#/imports`);
    await page.getByRole('heading', { name: 'Importeren' }).waitFor();
    const csv = 'bsn;voornamen;achternaam;geboortedatum;leerroute;regime\n123456782;Şahin;Çelik;17-05-1990;Z-route;Wi2021\n123456789;Fout;Bsn;01-01-1990;Z-route;Wi2021\n';
    const form = page.locator('form[data-route="learners"]');
    await form.getByLabel('Gemeente').selectOption({ label: 'Enschede' });
    await form.getByLabel('Bestand').setInputFiles({ name: 'lijst.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: 'Proefimport starten' }).click();
    await page.getByText('BSN voldoet niet aan de elfproef').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Verwerken (1 nieuw)' }).click();
    await page.getByText('Vastgelegd: 1').waitFor();
    await cleanScreen(page);
    // The list of imports, newest first, links to each one; the filters narrow it.
    await page.getByRole('link', { name: '← Importeren' }).click();
    await page.getByRole('heading', { name: 'Eerdere importen' }).waitFor();
    const row = page.getByRole('row', { name: /lijst\.csv/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/nieuwe deelnemers\s+Enschede\s+lijst\.csv\s+verwerkt \(verwerkt\)\s+nieuw 1 · al bekend 0 · geweigerd 1 · vastgelegd 1/);
    await cleanScreen(page);
    await page.locator('form.filters').getByLabel('Soort').selectOption({ label: 'examenuitslagen DUO' });
    await page.locator('form.filters').getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('Nog geen importen.').waitFor();
    await page.goBack();
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: /Import nieuwe deelnemers/ }).waitFor();
  });

  it('a municipality sees its own network overview and the hours export form', async () => {
    const page = await loggedIn(await createUser(t, 'municipality', { municipalityId: ref.municipalities.Hengelo }));
    await page.getByRole('link', { name: 'Netwerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Netwerk Hengelo' }).waitFor();
    await page.getByRole('link', { name: 'Uren voor DUO' }).click(); // on the network page
    await page.getByRole('heading', { name: 'Gevolgde uren voor DUO' }).waitFor();
    expect(await page.getByLabel('Gemeente').locator('option').allInnerTexts()).toEqual(['Hengelo']);
    await cleanScreen(page);
    // Imports: only Hengelo's (none here; Enschede's list from the test above stays out of sight).
    await page.goto(`${base}/#/network`);
    await page.getByRole('link', { name: 'Importen' }).click();
    await page.getByRole('heading', { name: 'Importen' }).waitFor();
    await page.getByText('Nog geen importen.').waitFor();
    expect(await page.locator('form.upload').count()).toBe(0);
    await cleanScreen(page);
  });
});
