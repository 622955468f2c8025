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
  });

  it('a municipality sees its own network overview and the hours export form', async () => {
    const page = await loggedIn(await createUser(t, 'municipality', { municipalityId: ref.municipalities.Hengelo }));
    await page.getByRole('link', { name: 'Netwerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Netwerk Hengelo' }).waitFor();
    await page.getByRole('link', { name: 'Uren voor DUO' }).click(); // on the network page
    await page.getByRole('heading', { name: 'Gevolgde uren voor DUO' }).waitFor();
    expect(await page.getByLabel('Gemeente').locator('option').allInnerTexts()).toEqual(['Hengelo']);
    await cleanScreen(page);
  });
});
