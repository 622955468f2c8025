import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { Browser, chromium, Page } from 'playwright-core';
import { WorkerModule } from '../src/worker.module';
import { seedSpilDataset, SpilDataset } from './factories/spil-dataset.factory';
import { createUser, TEST_PASSWORD, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The SPIL dashboard in headless Chromium: period picker, cards beside targets, export with progress and download. */
describe('SPIL dashboard in a real browser (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let data: SpilDataset;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    data = await seedSpilDataset(t.db);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t.close();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  async function open(user: TestUser, landing: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(base);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: landing }).first().waitFor();
    return page;
  }
  const cardText = (page: Page, name: string) => page.locator(`[data-indicator="${name}"]`).innerText();

  it('a coordinator picks a municipality and a quarter, reads the cards and charts, and downloads the spreadsheet', async () => {
    const page = await open(await createUser(t, 'coordinator'), 'Deelnemers');
    await page.getByRole('link', { name: 'SPIL-rapportage' }).click();
    await page.getByRole('heading', { name: /SPIL-rapportage/ }).waitFor();
    await page.getByLabel('Gemeente').selectOption({ label: 'Enschede' });
    await page.getByLabel('Periode').selectOption({ label: '1e kwartaal 2025' });
    await page.getByRole('heading', { name: /Gemeente Enschede/ }).waitFor();
    expect(page.url()).toContain(`municipalityId=${data.enschede}`);
    // The page asks for the real "today" (after the period), so t1's absence reported in advance for 17-03 counts
    // too: 1330 ÷ (1860 + 180). The service spec fixes "today" inside the period.
    const attendance = await cardText(page, 'attendance_rate');
    expect(attendance).toContain('65,2%');
    expect(attendance).toContain('Norm ≥ 80,0%');
    expect(attendance).toContain('norm niet gehaald');
    expect(attendance).toContain('1.330 van 2.040');
    expect(await cardText(page, 'dropout_rate')).toMatch(/14,3%[\s\S]*Norm ≤ 20,0%[\s\S]*norm gehaald/);
    expect(await cardText(page, 'in_scope')).toContain('7');
    // Definitions one click away.
    await page.locator('[data-indicator="rendement"] summary').click();
    expect(await cardText(page, 'rendement')).toContain('Afgerond ÷ (afgerond + niet-neutraal uitgevallen)');
    expect(await page.locator('svg.spil-chart').count()).toBe(2);
    expect(await page.locator('svg.spil-chart path.line').count()).toBe(1);
    expect(await page.locator('svg.spil-chart rect.bar').count()).toBe(2); // moved (neutral) and motivation_absence
    expect(await page.locator('main').innerText()).not.toMatch(/undefined|\bnull\b|NaN|\[object Object\]/);

    await page.getByRole('button', { name: 'Spreadsheet maken (xlsx)' }).click();
    const link = page.getByRole('link', { name: /Downloaden: SPIL-rapportage Enschede 2025-01-01 t-m 2025-03-31\.xlsx/ });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('SPIL-rapportage Enschede 2025-01-01 t-m 2025-03-31.xlsx');
    const file = `/tmp/spil-web-${Date.now()}.xlsx`;
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Enschede')).toBeTruthy();

    // Another period: a custom range without records shows "–" and neither met nor not met.
    await page.getByLabel('Periode').selectOption({ label: 'Aangepast…' });
    await page.getByLabel('Van', { exact: true }).fill('2023-01-01');
    await page.getByLabel('Tot en met', { exact: true }).fill('2023-03-31');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByText('Periode 2023-01-01 t/m 2023-03-31').waitFor();
    const empty = await cardText(page, 'attendance_rate');
    expect(empty).toContain('–');
    expect(empty).not.toContain('gehaald');
    await page.close();
  });

  it('a municipality user sees only its own dashboard, without a municipality picker', async () => {
    const user = await createUser(t, 'municipality', { municipalityId: data.hengelo });
    const page = await open(user, 'Deelnemers');
    await page.goto(`${base}/#/spil?municipalityId=${data.enschede}&from=2025-01-01&to=2025-03-31`);
    await page.getByRole('heading', { name: /Gemeente Hengelo/ }).waitFor();
    expect(await page.getByLabel('Gemeente').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Per gemeente' }).count()).toBe(0);
    expect(await cardText(page, 'in_scope')).toContain('1');
    await page.close();
  });
});
