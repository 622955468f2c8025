import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { ACCESS_ROLES } from '../src/common/auth/access-matrix';
import { createUser } from './factories/user.factory';
import { addDays, browserSuite, checkScreen, collegeToday, eventually, loginAs, menuLine, openPage } from './helpers/browser';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe("the learner's and the admin's day in the browser (e2e)", () => {
  const suite = browserSuite();

  it('a learner adds a portfolio item with a photo, submits it, sees its levels in plain words, reports absence in advance and withdraws it', async () => {
    const { t, browser, base, ref, errors } = suite;
    const teacher = await createUser(t, 'teacher');
    const contract = await createContract(t.db, ref.municipalities.Hengelo, [ref.products['B1-ROUTE']]);
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id], name: 'B1 Hengelo avond', code: `HGA-${Date.now() % 100000}` });
    const l = await createLearner(t.db, ref.municipalities.Hengelo, { firstName: 'Mariam', lastName: 'Haidari' });
    const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Hengelo, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    await enrol(t.db, tr.id, group.id, '2025-01-06');
    const lesson = await createLesson(t.db, group.id, { date: addDays(collegeToday(), 3), startTime: '18:00', minutes: 120 });
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

    // Levels in plain words (A2 level), beside the codes.
    const levels = page.locator('section', { has: page.getByRole('heading', { name: 'Mijn niveaus' }) });
    await levels.getByText('lezen: nu A1 (u kent de eerste woorden en zinnen). Uw doel is B1 (u kunt zich goed redden). U bent er nog niet.').waitFor();

    // Absence in advance: reported, shown per lesson with who and when, withdrawn again.
    const upcoming = page.locator('#upcoming');
    await upcoming.getByLabel(/Reden afwezigheid/).first().fill('Afspraak bij de huisarts');
    await upcoming.getByRole('button', { name: 'Afwezig melden' }).first().click();
    await upcoming.getByText('afwezigheid gemeld').waitFor();
    await upcoming.getByText('Afspraak bij de huisarts').waitFor();
    await upcoming.getByText(/gemeld door u op /).waitFor();
    await upcoming.getByText('U heeft zich voor 1 les afgemeld.').waitFor();
    expect(await t.db.query(`SELECT status, absence_reason, reported_in_advance FROM attendance_record WHERE lesson_id = $1`, [lesson.id]))
      .toEqual([{ status: 'absent_authorised', absence_reason: 'Afspraak bij de huisarts', reported_in_advance: true }]);
    // Reloaded, the page still shows what was reported.
    await page.reload();
    await upcoming.getByText('Afspraak bij de huisarts').waitFor();
    await checkScreen(page, 'learner-afgemeld');
    await upcoming.getByRole('button', { name: /^Intrekken/ }).click();
    await page.getByText('Uw afmelding is ingetrokken.').waitFor();
    await upcoming.getByRole('button', { name: 'Afwezig melden' }).first().waitFor();
    expect(await upcoming.getByText('afwezigheid gemeld').count()).toBe(0);
    expect(await t.db.query(`SELECT 1 FROM attendance_record WHERE lesson_id = $1`, [lesson.id])).toEqual([]);

    // Once the lesson has started, withdrawing is refused in Dutch (the page was still showing the button).
    await upcoming.getByLabel(/Reden afwezigheid/).first().fill('Ziek');
    await upcoming.getByRole('button', { name: 'Afwezig melden' }).first().click();
    await upcoming.getByRole('button', { name: /^Intrekken/ }).waitFor();
    await t.db.query(`UPDATE lesson SET date = $2, start_time = '00:00' WHERE id = $1`, [lesson.id, collegeToday()]);
    await upcoming.getByRole('button', { name: /^Intrekken/ }).click();
    await upcoming.getByText('De les is al begonnen of voorbij; een vooraf gemelde afwezigheid kan niet meer worden ingetrokken.').waitFor();
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

  it('the menu is one line on a 1024 px tablet for every role, also with three more entries; "Meer" works by keyboard', async () => {
    const { t, browser, base, ref, errors } = suite;
    const l = await createLearner(t.db, ref.municipalities.Hengelo);
    for (const role of ACCESS_ROLES) {
      const user = await createUser(t, role, {
        municipalityId: role === 'municipality' ? ref.municipalities.Hengelo : undefined,
        learnerId: role === 'learner' ? l.id : undefined,
      });
      const page = await openPage(browser, errors);
      await page.setViewportSize({ width: 1024, height: 768 });
      await loginAs(page, base, user, role === 'learner' ? 'Mijn traject' : role === 'teacher' ? 'Vandaag' : 'Deelnemers');
      const links = (await menuLine(page)).links;
      await eventually(async () => (await menuLine(page)).overflow, 0);
      expect({ role, ...(await menuLine(page)) }).toMatchObject({ role, lines: 1, tall: false, overflow: 0 });
      if (role === 'admin' || role === 'coordinator') {
        // Other pages add entries ("Groepen", "Audit", "Referentie"): three more still make one line.
        await page.evaluate(`(() => {
          const nav = document.getElementById('nav');
          for (const label of ['Groepen', 'Auditlogboek', 'Referentiegegevens']) {
            const a = document.createElement('a'); a.href = '#/learners'; a.textContent = label; nav.append(a);
          }
          window.dispatchEvent(new Event('resize'));
        })()`);
        // The menu is fitted again on the next animation frame after the resize event: wait for that, not just the links.
        await eventually(async () => {
          const m = await menuLine(page);
          return m.links === links + 3 && m.more && m.overflow === 0;
        }, true);
        expect({ role, ...(await menuLine(page)) }).toMatchObject({ role, lines: 1, tall: false, overflow: 0, more: true });
        await checkScreen(page, `menu-${role}`);
        await page.setViewportSize({ width: 1024, height: 768 });
        await eventually(async () => (await menuLine(page)).more, true);
        // "Meer" by keyboard: Enter opens, Tab reaches its links, Escape closes and returns to the button.
        const more = page.getByRole('button', { name: 'Meer' });
        await more.focus();
        await page.keyboard.press('Enter');
        expect(await more.getAttribute('aria-expanded')).toBe('true');
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(`document.activeElement.closest('#nav-more-list') !== null && document.activeElement.tagName`);
        expect(focused).toBe('A');
        await page.keyboard.press('Escape');
        expect(await more.getAttribute('aria-expanded')).toBe('false');
        expect(await page.evaluate(`document.activeElement.classList.contains('nav-more-btn')`)).toBe(true);
        await page.getByRole('link', { name: 'Referentiegegevens' }).waitFor({ state: 'hidden' });
      }
      await page.close();
    }
  });
});
