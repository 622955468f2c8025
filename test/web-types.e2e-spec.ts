import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { createTestApp, TestApp } from './helpers/test-app';

const ROOT = path.join(__dirname, '..');
const WEB = path.join(ROOT, 'templates', 'web');
const TYPES = path.join(WEB, 'js', 'api-types.d.ts');
const HEADER = '/* Generated from the published OpenAPI document by `npm run web:types`; do not edit by hand. */\n';
const run = promisify(execFile);

/** tsc over the pages; resolves with its output, exit code included. */
async function tsc(project: string): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: ROOT });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

/**
 * The pages' JSDoc types come from the OpenAPI document the app publishes. `npm run web:types` (UPDATE_WEB_TYPES=1)
 * rewrites templates/web/js/api-types.d.ts; otherwise the committed file must equal a fresh generation, and
 * `tsc --checkJs` must pass over the pages, so a renamed API field fails the suite instead of a page.
 */
describe('web page types (e2e)', () => {
  let t: TestApp;
  let fresh: string;

  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    // openapi-typescript's CommonJS build needs ES-only modules jest cannot load: run its CLI instead.
    const dir = mkdtempSync(path.join(tmpdir(), 'koers-openapi-'));
    try {
      writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
      await run(process.execPath, [path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), path.join(dir, 'openapi.json'), '--alphabetize', '-o', path.join(dir, 'out.d.ts')], { cwd: ROOT });
      fresh = HEADER + readFileSync(path.join(dir, 'out.d.ts'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (process.env.UPDATE_WEB_TYPES === '1') writeFileSync(TYPES, fresh);
  });
  afterAll(() => t.close());

  it('the committed api-types.d.ts equals the types generated from the OpenAPI document (npm run web:types)', () => {
    expect(readFileSync(TYPES, 'utf8')).toBe(fresh);
  });

  it('tsc --checkJs passes over every page', async () => {
    const r = await tsc(path.join(WEB, 'jsconfig.json'));
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('tsc --checkJs fails when a page reads an API field that does not exist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'koers-web-types-'));
    try {
      writeFileSync(path.join(dir, 'bad.js'), `// @ts-check
import { api } from '${path.join(WEB, 'js', 'api.js')}';
/** @typedef {import('${path.join(WEB, 'js', 'types.js')}').Learner} Learner */
export async function f() {
  const l = /** @type {Learner} */ (await api('/learners/x'));
  return l.familyName;
}
`);
      writeFileSync(path.join(dir, 'jsconfig.json'), JSON.stringify({ extends: path.join(WEB, 'jsconfig.json'), include: [path.join(dir, 'bad.js')] }));
      const r = await tsc(path.join(dir, 'jsconfig.json'));
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(/Property 'familyName' does not exist/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
