import { mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { Reference, seedReference } from '../factories/reference.factory';
import { TEST_PASSWORD, TestUser } from '../factories/user.factory';
import { createTestApp, TestApp } from './test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
/** Screenshots of the main pages (gitignored; CI keeps them as artifacts). */
export const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'screens');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** One browser page that records script errors and dialogs; the spec asserts both lists. */
export async function openPage(browser: Browser, errors: string[], dialogs: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  return page;
}

export async function loginAs(page: Page, base: string, user: TestUser, landing: string | RegExp): Promise<void> {
  await page.goto(base);
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: landing }).first().waitFor();
}

/**
 * The page at 768×1024 (tablet portrait) and 1280×800: a screenshot of each, no sideways scrolling at 768, and
 * axe-core finds no serious or critical violation. Returns to 1280×800.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const [w, h] of [[768, 1024], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(50);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${w}x${h}.png`), fullPage: true });
    if (w === 768) {
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      // On failure, name the outermost elements that stick out.
      const culprits = overflow ? await page.evaluate(`(() => {
        const w = document.documentElement.clientWidth + 1;
        const clipped = (el) => { for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
        return [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > w && !clipped(el)).slice(0, 5)
          .map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right));
      })()`) : [];
      expect({ name, overflow, culprits }).toEqual({ name, overflow: 0, culprits: [] });
    }
  }
  // Evaluated, not added as a <script>: the pages' CSP refuses inline scripts, as it should.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as unknown[];
  expect({ name, violations }).toEqual({ name, violations: [] });
}

/** Polls `fn` until it returns `want` (or the time is up, then the last value fails the expectation). */
export async function eventually<T>(fn: () => T | Promise<T>, want: T, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  let last = await fn();
  while (last !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    last = await fn();
  }
  expect(last).toEqual(want);
}

/** What a browser spec file shares: the app on a free port, the reference data, one browser, the page errors. */
export interface BrowserSuite {
  t: TestApp;
  browser: Browser;
  base: string;
  ref: Reference;
  errors: string[];
}

/** Sets up a browser spec file's app and browser once; every test must end without page errors. */
export function browserSuite(): BrowserSuite {
  const s = { errors: [] as string[] } as BrowserSuite;
  beforeAll(async () => {
    s.t = await createTestApp();
    s.ref = await seedReference(s.t.db);
    await s.t.app.listen(0, '127.0.0.1');
    s.base = await s.t.app.getUrl();
    s.browser = await launchBrowser();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.t?.close();
  });
  afterEach(() => {
    expect(s.errors).toEqual([]);
    s.errors.length = 0;
  });
  return s;
}

/** Today in the college's time zone, and a day n days from an ISO day (YYYY-MM-DD). */
export const collegeToday = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
export const addDays = (iso: string, n: number): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The menu's items on screen (links on the line, and "Meer" when shown): all on one line, and every link reachable. */
export async function menuLine(page: Page) {
  return page.evaluate(`(() => {
    const nav = document.getElementById('nav');
    const items = [...nav.children].filter((el) => !el.hidden && getComputedStyle(el).display !== 'none');
    const boxes = items.map((el) => el.getBoundingClientRect());
    const h = Math.max(...boxes.map((b) => b.height));
    // One line: a horizontal line crosses every item.
    const oneLine = Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
    return { lines: oneLine ? 1 : 2, tall: nav.getBoundingClientRect().height > h * 1.5,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      links: nav.querySelectorAll('a').length, more: !nav.querySelector('.nav-more').hidden };
  })()`) as Promise<{ lines: number; tall: boolean; overflow: number; links: number; more: boolean }>;
}
