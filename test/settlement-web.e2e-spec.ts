import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { Browser, chromium, Page } from 'playwright-core';
import { ContractProduct } from '../src/modules/contracts/entities/contract-product.entity';
import { WorkerModule } from '../src/worker.module';
import { seedReference } from './factories/reference.factory';
import { SettlementWorld } from './factories/settlement.factory';
import { createUser, TEST_PASSWORD, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Finance in the browser: a draft for a municipality and period, its lines and totals, finalising, the sheet. */
describe('settlement in the browser (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let finance: TestUser;
  let municipalityUser: TestUser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const ref = await seedReference(t.db);
    const terms: Partial<ContractProduct> = {
      billingBasis: 'per_trajectory',
      priceCents: 500000,
      milestones: [
        { kind: 'start', percent: 40 },
        { kind: 'completion', percent: 60 },
      ],
      dropoutRule: 'pro_rata_hours',
    };
    const w = await SettlementWorld.create(t.db, ref.municipalities.Oldenzaal, ref.products['B1-ROUTE'], terms);
    await w.trajectory({ startDate: '2025-02-03' });
    await w.trajectory({ startDate: '2025-03-03', status: 'completed', endDate: '2025-03-28' });
    finance = await createUser(t, 'finance');
    municipalityUser = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Oldenzaal });
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

  it('finance makes a draft, filters its lines, finalises it after confirming and downloads the sheet; the municipality sees the invoice', async () => {
    const page = await loggedIn(finance, 'Deelnemers');
    await page.getByRole('link', { name: 'Afrekeningen' }).click();
    await page.getByRole('heading', { name: 'Afrekeningen' }).waitFor();
    await page.getByLabel('Gemeente').selectOption({ label: 'Oldenzaal' });
    await page.getByLabel('Van').fill('2025-01-01');
    await page.getByLabel('Tot en met').fill('2025-03-31');
    await page.getByRole('button', { name: 'Concept maken' }).click();
    await page.getByRole('heading', { name: /Concept-afrekening/ }).waitFor();
    await page.getByText('CONCEPT – nog geen factuur').waitFor();
    expect(await page.locator('tr[data-kind]').count()).toBe(3);
    const total = page.locator('#settlement-totals tr.total');
    expect(await total.innerText()).toContain('€ 7.000,00'); // 2 000 + 2 000 + 3 000

    await page.getByLabel('Mijlpaal').selectOption({ label: 'afronding' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('heading', { name: 'Regels (1)' }).waitFor();

    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Definitief maken' }).click();
    await page.getByRole('heading', { name: /^Factuur \d{4}-0001/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Spreadsheet (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^afrekening-oldenzaal-\d{4}-0001\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.getWorksheet('Afrekening')!.getCell('B6').value).toMatch(/^\d{4}-0001$/);

    const muni = await loggedIn(municipalityUser, 'Deelnemers');
    await muni.getByRole('link', { name: 'Afrekeningen' }).click();
    await muni.getByRole('heading', { name: 'Facturen' }).waitFor();
    await muni.getByRole('link', { name: /^\d{4}-0001$/ }).click();
    await muni.getByRole('button', { name: 'E-factuur (UBL)' }).waitFor();
    expect(await muni.getByRole('button', { name: 'Definitief maken' }).count()).toBe(0);
  });
});
