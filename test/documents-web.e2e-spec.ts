import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { promises as fs } from 'fs';
import { Browser, chromium, Page } from 'playwright-core';
import { WorkerModule } from '../src/worker.module';
import { createUser, TEST_PASSWORD, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** "Mijn documenten" and Bull Board in a real browser. */
describe('documents in the browser (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  async function loggedIn(user: TestUser, landing: string): Promise<Page> {
    const page = await browser.newPage({ acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(base);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: landing }).first().waitFor();
    return page;
  }

  it('an admin requests a check file, watches it being made, downloads it under its name, and opens Bull Board', async () => {
    const admin = await createUser(t, 'admin');
    const page = await loggedIn(admin, 'Deelnemers');
    await page.getByRole('link', { name: 'Mijn documenten' }).click();
    await page.getByText('U heeft nog geen documenten.').waitFor();
    await page.getByRole('button', { name: 'Controlebestand aanvragen' }).click();
    await page.getByRole('cell', { name: 'Controle documentverwerking.txt' }).waitFor();
    await page.getByText('wordt gemaakt').waitFor({ timeout: 20_000 });
    const button = page.getByRole('button', { name: 'Downloaden' });
    await button.waitFor({ timeout: 20_000 });
    await page.getByText('klaar', { exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('Controle documentverwerking.txt');
    expect(await fs.readFile((await download.path())!, 'utf8')).toContain('Koers documentverwerking werkt.');

    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.getByRole('link', { name: 'Wachtrijen' }).first().click();
    await page.getByRole('button', { name: 'Bull Board openen' }).click();
    await page.waitForURL(/\/admin\/queues/);
    await page.getByText('documents').first().waitFor({ timeout: 20_000 });
    expect(await page.title()).toContain('Koers wachtrijen');
    expect(failed).toEqual([]);
  });

  it('a coordinator has no Wachtrijen item and the board refuses it', async () => {
    const coordinator = await createUser(t, 'coordinator');
    const page = await loggedIn(coordinator, 'Deelnemers');
    expect(await page.locator('#nav a').allInnerTexts()).not.toContain('Wachtrijen');
    const res = await page.goto(`${base}/admin/queues`);
    expect(res?.status()).toBe(401);
    await page.getByRole('heading', { name: 'Geen toegang' }).waitFor();
  });
});
