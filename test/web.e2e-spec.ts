import { Browser, chromium } from 'playwright-core';
import { seedReference } from './factories/reference.factory';
import { createLearner } from './factories/records.factory';
import { createUser, TEST_PASSWORD } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('web pages in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('a coordinator logs in, sees learners and finds one by an accent-free search', async () => {
    const ref = await seedReference(t.db);
    await createLearner(t.db, ref.municipalities.Enschede, { firstName: 'Ayşe', lastName: 'Çelik' });
    await createLearner(t.db, ref.municipalities.Hengelo, { firstName: 'Ольга', lastName: 'Шевченко' });
    const u = await createUser(t, 'coordinator');
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByLabel('E-mailadres').fill(u.email);
    await page.getByLabel('Wachtwoord').fill('wrong-password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('E-mailadres of wachtwoord is onjuist.').waitFor();
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Deelnemers' }).waitFor();
    await page.getByText('Çelik').waitFor();
    await page.getByLabel('Zoek op naam of deelnemernummer').fill('olga');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Шевченко').waitFor();
    expect(await page.getByText('Çelik').count()).toBe(0);
    await page.getByText('Шевченко').click();
    await page.getByRole('heading', { name: /Ольга Шевченко/ }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { name: 'Inloggen bij Koers' }).waitFor();
  });
});
