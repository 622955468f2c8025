import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Browser, Page } from 'playwright-core';
import { Assessment } from '../src/modules/assessments/entities/assessment.entity';
import { WorkerModule } from '../src/worker.module';
import { createContract, createGroup, createLearner, createTrajectory, enrol } from './factories/records.factory';
import { seedReference } from './factories/reference.factory';
import { createUser, TestUser } from './factories/user.factory';
import { checkScreen, launchBrowser, loginAs, openPage } from './helpers/browser';
import { createTestApp, TestApp } from './helpers/test-app';

/** The certificate pages in Chromium, with a worker making the PDFs: request, progress, download, revoke. */
describe('certificate pages in a browser (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let coordinator: TestUser, teacher: TestUser, learnerUser: TestUser;
  let learnerId: string, groupId: string;
  const errors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    const ref = await seedReference(t.db);
    const product = ref.products['B1-ROUTE'];
    const enschede = ref.municipalities.Enschede;
    const contract = await createContract(t.db, enschede, [product]);
    [coordinator, teacher] = await Promise.all([createUser(t, 'coordinator'), createUser(t, 'teacher')]);
    groupId = (await createGroup(t.db, product, { teacherIds: [teacher.id], name: 'Groep Noord' })).id;
    const names = [['Şahin', 'Çelik'], ['Ольга', 'Петрова'], ['Işıl', 'Ağaoğlu']];
    for (const [i, [firstName, lastName]] of names.entries()) {
      const l = await createLearner(t.db, enschede, { firstName, lastName });
      const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: enschede, contractId: contract.id, productId: product });
      await enrol(t.db, tr.id, groupId);
      if (i < 2) await t.db.getRepository(Assessment).save({ learnerId: l.id, skill: 'reading', date: '2025-03-01', instrument: 'examen', level: 'A2', levelIndex: 2, passed: true });
      if (i === 0) {
        learnerId = l.id;
        learnerUser = await createUser(t, 'learner', { learnerId: l.id });
      }
    }
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    errors.length = 0;
  });

  const card = (page: Page) => page.locator('#certificates');

  it('a coordinator requests a certificate on the learner page, follows it to the download, and revokes it', async () => {
    const page = await openPage(browser, errors, dialogs);
    await loginAs(page, base, coordinator, 'Deelnemers');
    await page.goto(`${base}/#/learners/${learnerId}`);
    await card(page).getByRole('heading', { name: 'Certificaten' }).waitFor();
    await card(page).getByText('Nog geen certificaten.').waitFor();
    await card(page).getByLabel('Soort certificaat').selectOption('level');
    await card(page).getByRole('button', { name: 'Certificaat aanvragen' }).click();
    await card(page).getByText(/Downloaden: Certificaat CERT-\d{4}-\d{6} Şahin Çelik\.pdf/).waitFor({ timeout: 30_000 });
    const download = page.waitForEvent('download');
    await card(page).getByText(/Downloaden: Certificaat/).click();
    expect((await download).suggestedFilename()).toMatch(/^Certificaat CERT-\d{4}-\d{6} Şahin Çelik\.pdf$/);
    await card(page).getByRole('cell', { name: /lezen A2/ }).waitFor();

    // A participation certificate without attended hours is refused with the reason in Dutch.
    await card(page).getByLabel('Soort certificaat').selectOption('participation');
    await card(page).getByRole('button', { name: 'Certificaat aanvragen' }).click();
    await card(page).locator('.error').first().waitFor();

    await card(page).getByText('Intrekken', { exact: true }).click();
    await card(page).getByLabel('Reden').fill('Uitgegeven op de verkeerde naam');
    await card(page).getByRole('button', { name: 'Certificaat intrekken' }).click();
    await card(page).getByText('Ingetrokken', { exact: true }).waitFor();
    await card(page).getByText(/Uitgegeven op de verkeerde naam/).waitFor();
    await page.close();
  });

  it('a teacher requests one kind for the whole group: skipped learners with their reason, the zip to download', async () => {
    const page = await openPage(browser, errors, dialogs);
    await loginAs(page, base, teacher, 'Vandaag');
    await page.goto(`${base}/#/groups/${groupId}/certificates`);
    await page.getByRole('heading', { name: /Certificaten/ }).first().waitFor();
    await page.getByRole('button', { name: 'Voor de hele groep aanvragen' }).click();
    await page.getByText(/Overgeslagen \(1\)/).waitFor();
    await page.getByText('Işıl Ağaoğlu: Er is nog geen behaald niveau (alleen behaalde toetsen en examens tellen).').waitFor();
    await page.getByText(/Downloaden: Certificaten Groep Noord/).waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'Ольга Петрова' }).waitFor();
    await checkScreen(page, 'group-certificates');
    await page.close();
  });

  it('a learner sees its own certificates on Mijn traject and downloads one', async () => {
    const page = await openPage(browser, errors, dialogs);
    await loginAs(page, base, learnerUser, /.+/);
    const mine = page.locator('#my-certificates');
    await mine.getByRole('heading', { name: 'Mijn certificaten' }).waitFor();
    await mine.getByText('Geldig').first().waitFor();
    await mine.getByRole('button', { name: 'Downloaden' }).first().click();
    await mine.getByText(/Downloaden: Certificaat CERT-/).waitFor({ timeout: 30_000 });
    await page.close();
  });
});
