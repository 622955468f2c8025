import { Page } from 'playwright-core';
import { createLearner } from './factories/records.factory';
import { createUser } from './factories/user.factory';
import { browserSuite, checkScreen, loginAs, openPage } from './helpers/browser';

/** Follows a menu link, also when the narrow menu has put it under "Meer". */
async function menu(page: Page, name: string): Promise<void> {
  const link = page.locator('#nav').getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await page.locator('#nav').getByRole('button', { name: /^Meer/ }).click();
  await link.click();
}

/** Issue 12.5: the admin's day in the browser: users (role, deactivation), the audit log with filters, reference data. */
describe("the admin's pages in the browser (e2e)", () => {
  const suite = browserSuite();

  it('an admin changes a user role (its session ends), deactivates another (refused at once), creates a learner login; its own row offers neither', async () => {
    const { t, browser, base, ref, errors } = suite;
    const admin = await createUser(t, 'admin');
    const moved = await createUser(t, 'coordinator');
    const leaver = await createUser(t, 'teacher');
    const page = await openPage(browser, errors);
    await loginAs(page, base, admin, 'Deelnemers');
    // Both are logged in elsewhere.
    const movedPage = await openPage(browser, errors);
    await loginAs(movedPage, base, moved, 'Deelnemers');
    const leaverPage = await openPage(browser, errors);
    await loginAs(leaverPage, base, leaver, 'Vandaag');

    await menu(page, 'Gebruikers');
    await page.getByRole('heading', { name: 'Gebruikers' }).waitFor();
    // Its own row offers no role change or deactivation.
    await page.getByRole('row', { name: new RegExp(admin.email) }).getByText('dat bent u').waitFor();
    expect(await page.getByRole('button', { name: `Deactiveren admin ${admin.email}` }).count()).toBe(0);

    await page.getByRole('button', { name: `Wijzig rol van coordinator ${moved.email}` }).click();
    const form = page.locator('#role-form');
    await form.locator('select[name="role"]').selectOption('learner');
    await form.getByRole('button', { name: 'Rol opslaan' }).click();
    await form.getByText('vul het deelnemernummer in', { exact: false }).waitFor();
    await form.locator('select[name="role"]').selectOption('municipality');
    await form.getByRole('button', { name: 'Rol opslaan' }).click();
    await form.getByText('kies de gemeente van deze gebruiker').waitFor();
    await form.locator('select[name="municipalityId"]').selectOption({ label: 'Hengelo' });
    await form.getByRole('button', { name: 'Rol opslaan' }).click();
    await page.getByText('gewijzigd; de gebruiker moet opnieuw inloggen', { exact: false }).waitFor();
    await page.getByRole('row', { name: new RegExp(moved.email) }).getByRole('cell', { name: 'Hengelo' }).waitFor();
    const [row] = await t.db.query(`SELECT role, municipality_id AS "municipalityId" FROM app_user WHERE id = $1`, [moved.id]);
    expect(row).toEqual({ role: 'municipality', municipalityId: ref.municipalities.Hengelo });
    await checkScreen(page, 'admin-gebruikers-rol');
    // The changed user's next request is refused: its token carried the old role.
    await menu(movedPage, 'Trajecten');
    await movedPage.getByRole('heading', { name: 'Inloggen bij Koers' }).waitFor();

    await page.getByRole('button', { name: `Deactiveren teacher ${leaver.email}` }).click();
    await page.getByText('Gebruiker gedeactiveerd', { exact: false }).waitFor();
    await page.getByRole('button', { name: `Activeren teacher ${leaver.email}` }).waitFor();
    await menu(leaverPage, 'Lessen');
    await leaverPage.getByRole('heading', { name: 'Inloggen bij Koers' }).waitFor();

    // A learner login, found by the learner's number.
    const learner = await createLearner(t.db, ref.municipalities.Enschede, { firstName: 'Samira', lastName: 'Haddad' });
    await page.getByText('Nieuwe gebruiker').click();
    const create = page.locator('#user-form');
    await create.getByLabel('Naam', { exact: true }).fill('Samira Haddad');
    await create.getByLabel('E-mailadres').fill(`samira-${Date.now()}@test.koers`);
    await create.locator('select[name="role"]').selectOption('learner');
    await create.getByLabel('Deelnemernummer').fill('X-BESTAAT-NIET');
    await create.getByLabel('Wachtwoord (minstens 12 tekens)').fill('Zonnebloem-Tafel-8472!');
    await create.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await create.getByText('geen deelnemer met nummer X-BESTAAT-NIET').waitFor();
    await create.getByLabel('Deelnemernummer').fill(learner.learnerNumber);
    await create.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByRole('row', { name: /Samira Haddad/ }).getByRole('cell', { name: 'deelnemer', exact: true }).waitFor();
    const [link] = await t.db.query(`SELECT u.role FROM learner l JOIN app_user u ON u.id = l.user_id WHERE l.id = $1`, [learner.id]);
    expect(link).toEqual({ role: 'learner' });
    for (const p of [movedPage, leaverPage, page]) await p.close();
  });

  it('an admin filters the audit log by who, what, record and period; the filters stay in the address and on screen', async () => {
    const { t, browser, base, errors } = suite;
    const admin = await createUser(t, 'admin');
    const target = await createUser(t, 'finance');
    await t.http.patch(`/api/v1/users/${target.id}`).set('Authorization', admin.auth).send({ displayName: 'Fenna Financiën' }).expect(200);
    const page = await openPage(browser, errors);
    await loginAs(page, base, admin, 'Deelnemers');
    await menu(page, 'Audit');
    await page.getByRole('heading', { name: 'Auditlog' }).waitFor();

    await page.getByLabel('Wie (naam of e-mail)').fill(admin.email);
    await page.getByLabel('Soort gegeven').selectOption('user');
    await page.getByLabel('Handeling').fill('update');
    await page.getByLabel('Record (id)').fill(target.id);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    await page.getByLabel('Van', { exact: true }).fill(today);
    await page.getByLabel('Tot en met').fill(today);
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('1–1 van 1 resultaat').waitFor();
    const line = page.locator('tbody tr').first();
    expect(await line.innerText()).toMatch(new RegExp(`gewijzigd[\\s\\S]*gebruiker[\\s\\S]*displayName`));
    expect(page.url()).toContain(`entityId=${target.id}`);
    expect(page.url()).toContain('entityType=user');
    await checkScreen(page, 'admin-audit');

    // A reversed period is refused next to the field, with the filters as they were.
    await page.getByLabel('Van', { exact: true }).fill('2030-03-11');
    await page.getByLabel('Tot en met').fill('2030-03-10');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.locator('.field-error', { hasText: 'moet op of na de begindatum liggen' }).waitFor();
    expect(await page.getByLabel('Record (id)').inputValue()).toBe(target.id);

    // A list the API refuses (a day that does not exist, typed into the address): the filters stay on screen, filled in.
    await page.goto(`${base}/#/audit?actor=${encodeURIComponent(admin.email)}&entityType=user&from=2025-02-30`);
    await page.getByRole('heading', { name: 'Auditlog' }).waitFor();
    await page.locator('.field-error').first().waitFor();
    expect(await page.locator('.field-error').first().innerText()).not.toMatch(/ must /);
    expect(await page.getByLabel('Wie (naam of e-mail)').inputValue()).toBe(admin.email);
    expect(await page.getByLabel('Soort gegeven').inputValue()).toBe('user');
    await page.getByLabel('Van', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('cell', { name: 'gebruiker' }).first().waitFor();
    await page.getByRole('link', { name: 'Alle handelingen' }).click();
    await page.waitForURL(/#\/audit$/);

    // From the users page: one user's actions.
    await menu(page, 'Gebruikers');
    await page.getByRole('link', { name: `Auditlog van admin ${admin.email}` }).click();
    await page.getByText(`Alleen handelingen van admin ${admin.email}`).waitFor();
    await page.getByText('1–1 van 1 resultaat').waitFor();
    expect(page.url()).toContain(`actorId=${admin.id}`);
    await page.getByRole('link', { name: 'Van iedereen tonen' }).click();
    await page.waitForURL((u) => !u.href.includes('actorId'));
    await page.close();
  });

  it('an admin edits a product and a municipality; a coordinator reads the reference data without edit buttons', async () => {
    const { t, browser, base, ref, errors } = suite;
    const admin = await createUser(t, 'admin');
    const page = await openPage(browser, errors);
    await loginAs(page, base, admin, 'Deelnemers');
    await menu(page, 'Referentie');
    await page.getByRole('heading', { name: 'Referentiegegevens' }).waitFor();
    const [before] = await t.db.query(`SELECT name, contracted_hours AS hours FROM product WHERE id = $1`, [ref.products['B1-ROUTE']]);

    await page.getByRole('button', { name: `${before.name} wijzigen` }).click();
    const form = page.locator('#ref-edit-form');
    await form.getByLabel('Gecontracteerde uren').fill('0');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.field-error').first().waitFor();
    expect(await form.locator('.field-error').first().innerText()).toMatch(/minstens 1/);
    await form.getByLabel('Gecontracteerde uren').fill(String(before.hours + 40));
    await form.getByLabel('schrijven').selectOption('A2');
    await form.getByLabel('opvoeding').check();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Product opgeslagen').waitFor();
    const [after] = await t.db.query(`SELECT contracted_hours AS hours, default_targets AS targets, required_domains AS domains FROM product WHERE id = $1`, [ref.products['B1-ROUTE']]);
    expect(after.hours).toBe(before.hours + 40);
    expect(after.targets.writing).toBe('A2');
    expect(after.domains).toEqual(expect.arrayContaining(['parenting', 'housing']));
    const [event] = await t.db.query(`SELECT fields FROM audit_event WHERE entity_type = 'product' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [ref.products['B1-ROUTE']]);
    expect([...event.fields].sort()).toEqual(['contractedHours', 'defaultTargets', 'requiredDomains']);

    await page.getByRole('button', { name: 'Hengelo wijzigen' }).click();
    await page.locator('#ref-edit-form').getByLabel('Debiteurnummer').fill('DEB-0164-HGL');
    await page.locator('#ref-edit-form').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Gemeente opgeslagen').waitFor();
    await page.getByRole('cell', { name: 'DEB-0164-HGL' }).waitFor();
    await checkScreen(page, 'admin-referentie');
    await page.close();

    const coordinator = await createUser(t, 'coordinator');
    const cpage = await openPage(browser, errors);
    await loginAs(cpage, base, coordinator, 'Deelnemers');
    await menu(cpage, 'Referentie');
    await cpage.getByRole('heading', { name: 'Referentiegegevens' }).waitFor();
    await cpage.getByRole('cell', { name: 'DEB-0164-HGL' }).waitFor();
    expect(await cpage.getByRole('button', { name: /wijzigen/ }).count()).toBe(0);
    expect(await cpage.getByText('Nieuw product').count()).toBe(0);
    await checkScreen(cpage, 'coordinator-referentie');
    // The audit log is the admin's only.
    await cpage.goto(`${base}/#/audit`);
    await cpage.getByRole('heading', { name: 'Deelnemers' }).waitFor();
    expect(await cpage.getByRole('link', { name: 'Audit', exact: true }).count()).toBe(0);
    await cpage.close();
  });
});
