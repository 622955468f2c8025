import { Browser, chromium, Page } from 'playwright-core';
import { seedReference, Reference } from './factories/reference.factory';
import { learnerBody, randomBsn } from './factories/learner-api.factory';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser, TEST_PASSWORD, TestUser } from './factories/user.factory';
import { searchKey } from '../src/modules/learners/name-folding';
import { latinName } from '../src/common/domain/latin-name';
import { createTestApp, TestApp } from './helpers/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TZ = 'Europe/Amsterdam';
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: TZ });
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('web pages in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ref: Reference;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
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

  /** A page that records script errors; every test ends by asserting there were none. */
  async function newPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  }
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  async function login(page: Page, user: TestUser, landing: string) {
    await page.goto(base);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: landing }).first().waitFor();
  }

  /** No raw JavaScript values on screen, and every form control has a label. */
  async function expectCleanScreen(page: Page) {
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/undefined|\bnull\b|\[object Object\]|NaN|Invalid Date/);
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('main input, main select, main textarea')]
      .filter((el) => !el.labels?.length && !el.getAttribute('aria-label')).map((el) => el.outerHTML)`);
    expect(unlabelled).toEqual([]);
  }

  const navLinks = (page: Page) => page.locator('#nav a').allInnerTexts();

  it('a coordinator logs in, sees learners and finds one by an accent-free search', async () => {
    await createLearner(t.db, ref.municipalities.Enschede, { firstName: 'Ayşe', lastName: 'Çelik' });
    await createLearner(t.db, ref.municipalities.Hengelo, { firstName: 'Ольга', lastName: 'Шевченко' });
    const u = await createUser(t, 'coordinator');
    const page = await newPage();
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

  it('deelnemers: accent-free search, sorting, paging and an empty result, with Dutch dates', async () => {
    for (let i = 0; i < 23; i++) {
      await createLearner(t.db, ref.municipalities.Almelo, { firstName: `Émile${String.fromCharCode(65 + i)}`, lastName: 'Pagé', dateOfBirth: `19${70 + i}-03-0${(i % 9) + 1}` });
    }
    await createLearner(t.db, ref.municipalities.Enschede, { firstName: 'Mehmet', lastName: 'Çelikkaya', dateOfBirth: '1985-06-01' });
    const u = await createUser(t, 'coordinator');
    const page = await newPage();
    await login(page, u, 'Deelnemers');

    await page.getByLabel('Zoek op naam of deelnemernummer').fill('celikkaya');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: 'Çelikkaya' }).waitFor();
    await page.getByText('1 juni 1985').waitFor();
    await page.getByText('1 resultaat').waitFor();

    await page.getByLabel('Zoek op naam of deelnemernummer').fill('page');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Pagina 1 van 2').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(20);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Pagina 2 van 2').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Volgende' }).isDisabled()).toBe(true);

    // Sort by first name, then descending: ÉmileW first.
    await page.getByRole('button', { name: /^Voornaam/ }).click();
    await page.getByText('Pagina 1 van 2').waitFor();
    await page.locator('th[aria-sort="ascending"]').waitFor();
    expect(await page.locator('tbody tr').first().innerText()).toContain('ÉmileA');
    await page.getByRole('button', { name: /^Voornaam/ }).click();
    await page.locator('th[aria-sort="descending"]').waitFor();
    expect(await page.locator('tbody tr').first().innerText()).toContain('ÉmileW');
    await expectCleanScreen(page);

    await page.getByLabel('Zoek op naam of deelnemernummer').fill('qqxxzz');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Geen deelnemers gevonden voor ‘qqxxzz’.').waitFor();
    await page.getByText('0 resultaten').waitFor();
    await page.close();
  });

  it('a learner’s BSN is masked; only a coordinator gets “Toon BSN”; a municipality and finance see no BSN at all', async () => {
    const coord = await createUser(t, 'coordinator');
    const bsn = randomBsn();
    const res = await t.http.post('/api/v1/learners').set('Authorization', coord.auth)
      .send(learnerBody(ref.municipalities.Enschede, { bsn, firstName: 'Dilnoza', lastName: 'Yusupova' })).expect(201);
    const learnerId = res.body.id as string;
    const contract = await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE']]);
    await createTrajectory(t.db, { learnerId, municipalityId: ref.municipalities.Enschede, contractId: contract.id, productId: ref.products['B1-ROUTE'] });

    const page = await newPage();
    await login(page, coord, 'Deelnemers');
    await page.goto(`${base}/#/learners/${learnerId}`);
    await page.getByRole('heading', { name: /Dilnoza Yusupova/ }).waitFor();
    await page.getByText(`*****${bsn.slice(-4)}`).waitFor();
    expect(await page.getByText(bsn, { exact: true }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Trajecten' }).waitFor();
    await page.getByRole('cell', { name: 'actief' }).waitFor();
    await expectCleanScreen(page);
    await page.getByRole('button', { name: 'Toon BSN' }).click();
    await page.getByText(bsn, { exact: true }).waitFor();
    await page.close();

    const muni = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    const page2 = await newPage();
    await login(page2, muni, 'Deelnemers');
    expect(await navLinks(page2)).toEqual(['Deelnemers', 'Trajecten', 'Verzuimsignalen', 'SPIL-rapportage', 'Afrekeningen', 'Netwerk', 'Mijn documenten']);
    await page2.goto(`${base}/#/learners/${learnerId}`);
    // DOMAIN.md "Who sees what": never a BSN, not even masked (src/common/auth/field-visibility.ts).
    await page2.getByRole('heading', { name: /Dilnoza Yusupova/ }).waitFor();
    expect(await page2.getByText(`*****${bsn.slice(-4)}`).count()).toBe(0);
    expect(await page2.locator('dt', { hasText: 'BSN' }).count()).toBe(0);
    expect(await page2.getByRole('button', { name: 'Toon BSN' }).count()).toBe(0);
    await page2.close();

    const finance = await createUser(t, 'finance');
    const page3 = await newPage();
    await login(page3, finance, 'Deelnemers');
    expect(await navLinks(page3)).toEqual(['Deelnemers', 'Trajecten', 'Afrekeningen', 'Mijn documenten']);
    await page3.goto(`${base}/#/learners/${learnerId}`);
    await page3.getByRole('heading', { name: /Dilnoza Yusupova/ }).waitFor();
    expect(await page3.getByText(`*****${bsn.slice(-4)}`).count()).toBe(0);
    expect(await page3.locator('dt', { hasText: 'BSN' }).count()).toBe(0);
    expect(await page3.getByRole('button', { name: 'Toon BSN' }).count()).toBe(0);
    // A page the role may not use sends it home instead of showing an error.
    await page3.goto(`${base}/#/lessons`);
    await page3.getByRole('heading', { name: 'Deelnemers' }).waitFor();
    await page3.close();
  });

  /** A group of `teacher` with three enrolled learners and a past, a cancelled and a future lesson. */
  async function registerSetup() {
    const teacher = await createUser(t, 'teacher');
    const contract = await createContract(t.db, ref.municipalities.Enschede, [ref.products['B1-ROUTE']]);
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id], name: 'B1 Enschede ochtend', code: `ENS-${Date.now() % 100000}` });
    const people = [
      { firstName: 'Ayşe', lastName: 'Yılmaz' },
      { firstName: 'Ольга', lastName: 'Ковальчук' },
      { firstName: 'Nguyễn', lastName: 'Thị Lan' },
    ];
    const learners = [];
    for (const p of people) {
      const l = await createLearner(t.db, ref.municipalities.Enschede, p);
      const tr = await createTrajectory(t.db, { learnerId: l.id, municipalityId: ref.municipalities.Enschede, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
      await enrol(t.db, tr.id, group.id, '2025-01-06');
      learners.push({ ...p, id: l.id, trajectoryId: tr.id, name: `${p.firstName} ${p.lastName}` });
    }
    const past = await createLesson(t.db, group.id, { date: addDays(today(), -1), startTime: '09:00', minutes: 180 });
    const cancelled = await createLesson(t.db, group.id, { date: addDays(today(), -2), startTime: '09:00', minutes: 180, cancelled: true, cancelReason: 'Docent ziek' });
    const future = await createLesson(t.db, group.id, { date: addDays(today(), 2), startTime: '09:00', minutes: 180 });
    return { teacher, group, learners, past, cancelled, future };
  }

  it('a teacher fills in a presentielijst: errors per line in Dutch, saving, saving again replaces; cancelled and future lessons are explained', async () => {
    const s = await registerSetup();
    const [a, b, c] = s.learners;
    const page = await newPage();
    await login(page, s.teacher, 'Vandaag');
    expect(await navLinks(page)).toEqual(['Vandaag', 'Deelnemers', 'Trajecten', 'Lessen', 'Verzuimsignalen', 'Groepen', 'Netwerkpartners', 'Mijn documenten']);
    await page.getByRole('link', { name: 'Lessen', exact: true }).click();
    await page.getByRole('heading', { name: 'Lessen' }).waitFor();
    await page.getByText('vervallen').waitFor();
    await page.getByText('Docent ziek').waitFor();
    await expectCleanScreen(page);
    await page.getByRole('link', { name: 'Invullen', exact: true }).click();
    await page.getByRole('heading', { name: /Presentielijst B1 Enschede ochtend/ }).waitFor();
    await page.getByText('Deze presentielijst is nog niet ingevuld').waitFor();
    await expectCleanScreen(page);

    // te laat without minutes and geoorloofd afwezig without a reason: the server's errors appear on those lines.
    const tap = (name: string, label: string) => page.getByRole('radiogroup', { name: `Status ${name}` }).getByText(label, { exact: true }).click();
    await tap(a.name, 'te laat');
    await tap(b.name, 'geoorloofd');
    await tap(c.name, 'ongeoorloofd');
    await page.getByRole('button', { name: 'Presentielijst opslaan' }).click();
    await page.getByText('Niet alle velden zijn goed ingevuld.').waitFor();
    const rowA = page.locator('tr', { has: page.getByRole('radiogroup', { name: `Status ${a.name}` }) });
    const rowB = page.locator('tr', { has: page.getByRole('radiogroup', { name: `Status ${b.name}` }) });
    await rowA.getByText('vul bij ‘te laat’ het aantal minuten in (meer dan 0)').waitFor();
    await rowB.getByText('vul bij ‘geoorloofd afwezig’ een reden in').waitFor();
    expect(await page.getByLabel(`Minuten te laat ${a.name}`).getAttribute('aria-invalid')).toBe('true');

    // More minutes late than the lesson lasts.
    await page.getByLabel(`Minuten te laat ${a.name}`).fill('200');
    await page.getByLabel(`Reden ${b.name}`).selectOption('arts of ziekenhuis');
    await page.getByRole('button', { name: 'Presentielijst opslaan' }).click();
    await rowA.getByText('mag niet meer zijn dan de 180 minuten van de les').waitFor();
    expect(await rowB.locator('.field-error').count()).toBe(0);

    await page.getByLabel(`Minuten te laat ${a.name}`).fill('15');
    await page.getByRole('button', { name: 'Presentielijst opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await page.getByText('1 te laat · 1 geoorloofd afwezig · 1 ongeoorloofd afwezig').waitFor();
    const records = () => t.db.query(
      `SELECT learner_id, status, minutes_late, absence_reason, attended_minutes FROM attendance_record WHERE lesson_id = $1 ORDER BY status`, [s.past.id]);
    expect(await records()).toEqual([
      { learner_id: b.id, status: 'absent_authorised', minutes_late: 0, absence_reason: 'arts of ziekenhuis', attended_minutes: 0 },
      { learner_id: c.id, status: 'absent_unauthorised', minutes_late: 0, absence_reason: null, attended_minutes: 0 },
      { learner_id: a.id, status: 'late', minutes_late: 15, absence_reason: null, attended_minutes: 165 },
    ]);

    // Reopen the lesson: the saved register shows; change it and save again: it replaces the old one.
    await page.reload();
    await page.getByRole('heading', { name: /Presentielijst/ }).waitFor();
    expect(await page.getByRole('radiogroup', { name: `Status ${a.name}` }).getByRole('radio', { name: 'te laat' }).isChecked()).toBe(true);
    expect(await page.getByLabel(`Minuten te laat ${a.name}`).inputValue()).toBe('15');
    expect(await page.getByText('Deze presentielijst is nog niet ingevuld').count()).toBe(0);
    await page.getByRole('button', { name: 'Iedereen aanwezig' }).click();
    await page.getByRole('button', { name: 'Presentielijst opslaan' }).click();
    await page.getByText('3 aanwezig', { exact: true }).waitFor();
    await page.getByText('Opgeslagen.').waitFor();
    const again = await records();
    expect(again).toHaveLength(3);
    expect(again.every((r: { status: string; attended_minutes: number }) => r.status === 'present' && r.attended_minutes === 180)).toBe(true);

    await page.goto(`${base}/#/lessons/${s.cancelled.id}/register`);
    await page.getByText('Deze les is vervallen.').waitFor();
    await page.getByText('Reden: Docent ziek.').waitFor();
    expect(await page.getByRole('button', { name: 'Presentielijst opslaan' }).count()).toBe(0);

    await page.goto(`${base}/#/lessons/${s.future.id}/register`);
    await page.getByText('Deze les is nog niet begonnen.').waitFor();
    expect(await page.getByRole('button', { name: 'Presentielijst opslaan' }).count()).toBe(0);
    await page.getByText(c.name).waitFor();
    await expectCleanScreen(page);
    await page.close();
  });

  it('verzuimsignalen: a coordinator handles a signal step by step; the municipality and a teacher only read it', async () => {
    const s = await registerSetup();
    const victim = s.learners[1];
    for (const back of [9, 7, 5]) {
      const lesson = await createLesson(t.db, s.group.id, { date: addDays(today(), -back), startTime: '13:00', minutes: 180 });
      const entries = s.learners.map((l) => ({ learnerId: l.id, status: l === victim ? 'absent_unauthorised' : 'present' }));
      await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', s.teacher.auth).send({ entries }).expect(200);
    }
    const coord = await createUser(t, 'coordinator');
    const page = await newPage();
    await login(page, coord, 'Deelnemers');
    await page.getByRole('link', { name: 'Verzuimsignalen' }).click();
    await page.getByRole('heading', { name: 'Verzuimsignalen' }).waitFor();
    await page.getByRole('cell', { name: 'R1: 3 lessen achter elkaar ongeoorloofd afwezig' }).waitFor();
    await expectCleanScreen(page);
    await page.getByRole('link', { name: victim.name }).click();
    // A Cyrillic name also shows its Latin spelling.
    const shown = `${victim.name} (${latinName(victim.name)})`;
    await page.getByRole('heading', { name: `Verzuimsignaal ${shown} geregistreerd` }).waitFor();
    await expectCleanScreen(page);
    expect(await page.getByRole('button', { name: 'Signaal afsluiten' }).count()).toBe(0);

    // A date before the signal is refused by the server: shown next to the date field, in Dutch.
    await page.getByLabel('Gemeld aan de gemeente op').fill('2020-01-01');
    await page.getByRole('button', { name: 'Melding vastleggen' }).click();
    await page.locator('form[data-action="report"] .field-error').waitFor();
    expect(await page.locator('form[data-action="report"] .field-error').innerText()).toMatch(/^mag niet vóór de datum van het signaal \(\d+ \S+ \d{4}\) liggen$/);

    await page.getByRole('button', { name: 'In behandeling nemen' }).click();
    await page.getByRole('heading', { name: /in behandeling/ }).waitFor();
    await page.getByLabel('Gemeld aan de gemeente op').fill(today());
    await page.getByRole('button', { name: 'Melding vastleggen' }).click();
    const dutchToday = new Date(`${today()}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    await page.locator('dt:text-is("Gemeld aan de gemeente op") + dd', { hasText: dutchToday }).waitFor();
    await page.getByLabel('Toelichting bij afsluiten').fill('Gesprek gevoerd; deelnemer komt weer.');
    await page.getByRole('button', { name: 'Signaal afsluiten' }).click();
    await page.getByRole('heading', { name: /gesloten/ }).waitFor();
    await page.getByText('Gesprek gevoerd; deelnemer komt weer.').waitFor();
    expect(await page.locator('form.action').count()).toBe(0);
    await page.close();

    const muni = await createUser(t, 'municipality', { municipalityId: ref.municipalities.Enschede });
    const page2 = await newPage();
    await login(page2, muni, 'Deelnemers');
    await page2.getByRole('link', { name: 'Verzuimsignalen' }).click();
    await page2.getByRole('link', { name: victim.name }).click();
    await page2.getByRole('heading', { name: /Verzuimsignaal/ }).waitFor();
    expect(await page2.locator('form.action').count()).toBe(0);
    await page2.close();

    const page3 = await newPage();
    await login(page3, s.teacher, 'Vandaag');
    await page3.getByRole('link', { name: 'Verzuimsignalen' }).click();
    await page3.getByRole('link', { name: victim.name }).click();
    await page3.getByRole('heading', { name: /Verzuimsignaal/ }).waitFor();
    expect(await page3.locator('form.action').count()).toBe(0);
    await page3.close();
  });

  it('a learner sees “Mijn traject” with attendance figures and cannot reach other pages', async () => {
    const s = await registerSetup();
    const me = s.learners[0];
    await t.http.put(`/api/v1/lessons/${s.past.id}/register`).set('Authorization', s.teacher.auth).send({
      entries: [
        { learnerId: me.id, status: 'late', minutesLate: 60 },
        { learnerId: s.learners[1].id, status: 'present' },
        { learnerId: s.learners[2].id, status: 'present' },
      ],
    }).expect(200);
    const user = await createUser(t, 'learner', { learnerId: me.id });
    const page = await newPage();
    await login(page, user, 'Mijn traject');
    expect(await navLinks(page)).toEqual(['Mijn traject', 'Mijn documenten']);
    await page.getByRole('heading', { name: 'Aanwezigheid' }).waitFor();
    await page.getByText('66,7%').first().waitFor(); // 120 of 180 minutes
    await page.getByText('2 uur', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Mijn niveaus' }).waitFor();
    await page.getByRole('heading', { name: 'Mijn komende lessen' }).waitFor();
    await expectCleanScreen(page);
    expect(await page.getByRole('button', { name: 'Toon BSN' }).count()).toBe(0);

    await page.getByLabel(/Reden afwezigheid/).first().fill('Afspraak bij de IND');
    await page.getByRole('button', { name: 'Afwezig melden' }).first().click();
    await page.getByText('afwezigheid gemeld').waitFor();
    const [rec] = await t.db.query(`SELECT status, absence_reason, reported_in_advance FROM attendance_record WHERE lesson_id = $1 AND learner_id = $2`, [s.future.id, me.id]);
    expect(rec).toEqual({ status: 'absent_authorised', absence_reason: 'Afspraak bij de IND', reported_in_advance: true });

    await page.goto(`${base}/#/learners`);
    await page.getByRole('heading', { name: 'Mijn traject' }).waitFor();
    await page.close();
  });

  it('the html helper escapes every value, keeps nested html and prints nothing for null and booleans', async () => {
    const page = await newPage();
    await page.goto(base);
    const out = await page.evaluate(`(async () => {
      const { html, join, fragment } = await import('/js/html.js');
      const name = '<img src=x onerror=alert(1)> & "q" \\'t\\'';
      return {
        attr: String(html\`<td title="\${name}">\${name}</td>\`),
        nested: String(html\`<ul>\${['<a>', html\`<li>\${'<b>'}</li>\`]}</ul>\`),
        empty: String(html\`\${null}\${undefined}\${false}\${true}\${0}\`),
        joined: String(join(['<x>', html\`<br>\`], html\`, \`)),
        text: fragment(html\`<p>\${name}</p>\`).firstChild.textContent,
        imgs: fragment(html\`<p>\${name}</p>\`).querySelectorAll('img').length,
      };
    })()`);
    expect(out).toEqual({
      attr: '<td title="&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;t&#39;">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;t&#39;</td>',
      nested: '<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>',
      empty: '0',
      joined: '&lt;x&gt;, <br>',
      text: `<img src=x onerror=alert(1)> & "q" 't'`,
      imgs: 0,
    });
    await page.close();
  });

  it('a learner named <img src=x onerror=alert(1)> shows as that text on every page with learner names, and no script runs', async () => {
    const s = await registerSetup();
    const evil = '<img src=x onerror=alert(1)>';
    const evilLast = '<b onmouseover=alert(2)>Vet</b>';
    const victim = s.learners[0];
    await t.db.query(`UPDATE learner SET first_name = $1, last_name = $2, search_text = $3 WHERE id = $4`, [evil, evilLast, searchKey(evil, evilLast), victim.id]);
    for (const back of [9, 7, 5]) {
      const lesson = await createLesson(t.db, s.group.id, { date: addDays(today(), -back), startTime: '13:00', minutes: 180 });
      const entries = s.learners.map((l) => ({ learnerId: l.id, status: l === victim ? 'absent_unauthorised' : 'present' }));
      await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', s.teacher.auth).send({ entries }).expect(200);
    }
    const [signal] = await t.db.query(`SELECT id FROM absence_signal WHERE trajectory_id = $1`, [victim.trajectoryId]);
    expect(signal).toBeDefined();
    const coord = await createUser(t, 'coordinator');
    const learnerUser = await createUser(t, 'learner', { learnerId: victim.id });
    const dialogs: string[] = [];
    const full = `${evil} ${evilLast}`;

    /** The name is on screen as text; no element came out of it; nothing fired. */
    const expectText = async (page: Page, text = full) => {
      await page.getByText(text, { exact: false }).first().waitFor();
      expect(await page.locator('main img, main b').count()).toBe(0);
      expect(await page.evaluate('window.__xss === undefined')).toBe(true);
    };
    const watch = (page: Page) => page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });

    const page = await newPage();
    watch(page);
    await login(page, coord, 'Deelnemers');
    const visits: Array<[string, string]> = [
      [`#/learners?search=${encodeURIComponent('Vet')}`, evilLast],
      [`#/learners/${victim.id}`, full],
      [`#/trajectories?search=${encodeURIComponent('Vet')}`, full],
      [`#/trajectories/${victim.trajectoryId}`, full],
      [`#/lessons/${s.past.id}/register`, full],
      ['#/signals', full],
      [`#/signals/${signal.id}`, full],
    ];
    for (const [hash, text] of visits) {
      await page.goto(`${base}/${hash}`);
      await expectText(page, text);
      await page.locator('main h1').first().waitFor();
    }
    // The title shows the name as text too.
    expect(await page.title()).toContain(full);
    await page.close();

    const page2 = await newPage();
    watch(page2);
    await login(page2, s.teacher, 'Vandaag');
    await page2.goto(`${base}/#/lessons/${s.past.id}/register`);
    await expectText(page2);
    await page2.getByRole('button', { name: 'Presentielijst opslaan' }).click();
    await page2.getByText('Opgeslagen.').waitFor();
    await expectText(page2);
    await page2.close();

    const page3 = await newPage();
    watch(page3);
    await login(page3, learnerUser, 'Mijn traject');
    await expectText(page3);
    await expect(page3.locator('#who').innerText()).resolves.not.toContain('<img');
    await page3.close();

    await new Promise((r) => setTimeout(r, 200));
    expect(dialogs).toEqual([]);
  });

  it('an expired session goes back to the login page with a message, and returns to the page after logging in', async () => {
    const coord = await createUser(t, 'coordinator');
    const page = await newPage();
    await login(page, coord, 'Deelnemers');
    await page.evaluate(`sessionStorage.setItem('koers.token', 'expired.token.value')`);
    await page.reload();
    await page.getByRole('heading', { name: 'Inloggen bij Koers' }).waitFor();
    await page.getByText('Uw sessie is verlopen; log opnieuw in.').waitFor();
    await page.goto(`${base}/#/trajectories`);
    await page.getByLabel('E-mailadres').fill(coord.email);
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Trajecten' }).waitFor();
    await expectCleanScreen(page);
    await page.close();
  });
});
