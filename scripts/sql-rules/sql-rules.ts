/**
 * The SQL rules of Koers live in one file each: src/**\/sql/koers_<rule>.sql holds one function (and, for a trigger
 * function, the triggers that run it). This module reads those files and PostgreSQL's catalog so that
 * scripts/sql-migration.ts can write the migration for what changed and scripts/check-sql-rules.ts can prove that a
 * migrated database holds exactly what the files say. Definitions are compared as PostgreSQL prints them
 * (pg_get_functiondef, pg_get_triggerdef), so layout differences in a file never count, only meaning.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';

export const ROOT = path.join(__dirname, '..', '..');

export interface RuleFile {
  /** Path relative to the project root, e.g. src/modules/signals/sql/koers_evaluate_absence_signals.sql. */
  file: string;
  /** The function the file defines: its basename. */
  name: string;
  text: string;
}

export interface CatalogObject {
  kind: 'function' | 'trigger';
  /** function: name(identity args); trigger: table.name */
  key: string;
  name: string;
  def: string;
  /** function: its result type; trigger: its table */
  detail: string;
}

export type Catalog = Map<string, CatalogObject>;

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && path.basename(path.dirname(p)) === 'sql' && /^koers_[a-z0-9_]+\.sql$/.test(entry.name)) out.push(p);
  }
}

/** Every rule file under src/, sorted by path; throws when a file does not define the function it is named after. */
export function readRuleFiles(): RuleFile[] {
  const found: string[] = [];
  walk(path.join(ROOT, 'src'), found);
  const seen = new Map<string, string>();
  return found.sort().map((abs) => {
    const file = path.relative(ROOT, abs);
    const name = path.basename(abs, '.sql');
    const text = fs.readFileSync(abs, 'utf8');
    const fns = [...text.matchAll(/CREATE\s+OR\s+REPLACE\s+FUNCTION\s+(?:public\.)?([a-z0-9_]+)\s*\(/gi)].map((m) => m[1]);
    if (fns.length !== 1 || fns[0] !== name) {
      throw new Error(`${file}: must hold exactly one CREATE OR REPLACE FUNCTION ${name}(...) (found: ${fns.join(', ') || 'none'})`);
    }
    for (const m of text.matchAll(/CREATE\s+(OR\s+REPLACE\s+)?TRIGGER\s+"?([a-z0-9_]+)"?/gi)) {
      if (!m[1]) throw new Error(`${file}: write CREATE OR REPLACE TRIGGER ${m[2]}, so the file can be applied again`);
      if (!m[2].startsWith('koers_')) throw new Error(`${file}: trigger ${m[2]} must be named koers_*`);
    }
    if (seen.has(name)) throw new Error(`${file}: ${name} is also defined in ${seen.get(name)}`);
    seen.set(name, file);
    return { file, name, text };
  });
}

/** Functions and triggers of the public schema that the project made (not those of extensions). */
export async function readCatalog(c: Client): Promise<Catalog> {
  const catalog: Catalog = new Map();
  const fns = await c.query<{ name: string; args: string; result: string; def: string }>(
    `SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args, pg_get_function_result(p.oid) AS result,
            pg_get_functiondef(p.oid) AS def
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
  );
  for (const f of fns.rows) {
    const key = `${f.name}(${f.args})`;
    catalog.set(key, { kind: 'function', key, name: f.name, def: f.def.trim(), detail: f.result });
  }
  const trs = await c.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.relname AS tbl, t.tgname AS name, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND n.nspname = 'public'`,
  );
  for (const t of trs.rows) {
    const key = `${t.tbl}.${t.name}`;
    catalog.set(key, { kind: 'trigger', key, name: t.name, def: t.def.trim(), detail: t.tbl });
  }
  return catalog;
}

export function dropStatement(o: CatalogObject): string {
  if (o.kind === 'trigger') return `DROP TRIGGER IF EXISTS "${o.name}" ON "${o.detail}"`;
  return `DROP FUNCTION IF EXISTS ${o.key}`;
}

/** The statement that brings an object back as PostgreSQL printed it (used for down migrations). */
export function restoreStatement(o: CatalogObject): string {
  return o.kind === 'trigger' ? o.def.replace(/^CREATE TRIGGER/, 'CREATE OR REPLACE TRIGGER') : o.def;
}

export interface AppliedRules {
  /** The catalog as the migrations left it. */
  migrated: Catalog;
  /** The catalog with every project function and trigger replaced by the files. */
  fromFiles: Catalog;
  /** Which file defined each object of fromFiles. */
  owner: Map<string, RuleFile>;
  /** An order in which the files apply one after another with function bodies checked. */
  order: RuleFile[];
}

/**
 * Reads the catalog, then, in a transaction that is rolled back, drops every project function and trigger and applies
 * the files (in an order that satisfies SQL functions calling each other), and reads the catalog again.
 */
export async function applyRulesAndRollBack(c: Client, files: RuleFile[]): Promise<AppliedRules> {
  const migrated = await readCatalog(c);
  const owner = new Map<string, RuleFile>();
  const order: RuleFile[] = [];
  await c.query('BEGIN');
  try {
    const objects = [...migrated.values()];
    for (const o of objects.filter((x) => x.kind === 'trigger')) await c.query(dropStatement(o));
    for (const o of objects.filter((x) => x.kind === 'function')) await c.query(`${dropStatement(o)} CASCADE`);
    let pending = [...files];
    while (pending.length) {
      const failed: Array<{ f: RuleFile; e: Error }> = [];
      for (const f of pending) {
        const before = await readCatalog(c);
        await c.query('SAVEPOINT rule_file');
        try {
          await c.query(f.text);
          await c.query('RELEASE SAVEPOINT rule_file');
        } catch (e) {
          await c.query('ROLLBACK TO SAVEPOINT rule_file');
          failed.push({ f, e: e as Error });
          continue;
        }
        order.push(f);
        for (const [key, o] of await readCatalog(c)) if (!before.has(key) || before.get(key)!.def !== o.def) owner.set(key, f);
      }
      if (failed.length === pending.length) {
        throw new Error(failed.map(({ f, e }) => `${f.file}: ${e.message}`).join('\n'));
      }
      pending = failed.map(({ f }) => f);
    }
    const fromFiles = await readCatalog(c);
    return { migrated, fromFiles, owner, order };
  } finally {
    await c.query('ROLLBACK');
  }
}

export interface RuleDiff {
  /** Files holding an object that is new or differs from the migrated database. */
  changedFiles: RuleFile[];
  /** Objects in the migrated database that no file defines. */
  removed: CatalogObject[];
  /** Human-readable lines, one per difference. */
  lines: string[];
}

export function diffRules(a: AppliedRules): RuleDiff {
  const changed = new Set<RuleFile>();
  const lines: string[] = [];
  for (const [key, o] of a.fromFiles) {
    const f = a.owner.get(key);
    const was = a.migrated.get(key);
    if (!was) {
      lines.push(`${f?.file ?? '?'}: ${o.kind} ${key} is not in the migrated database`);
      if (f) changed.add(f);
    } else if (was.def !== o.def) {
      lines.push(`${f?.file ?? '?'}: ${o.kind} ${key} differs from the migrated database`);
      if (f) changed.add(f);
    }
  }
  const removed = [...a.migrated.values()].filter((o) => !a.fromFiles.has(o.key));
  for (const o of removed) lines.push(`${o.kind} ${o.key} is in the migrated database but in no src/**/sql/koers_*.sql file`);
  for (const o of a.fromFiles.values()) {
    if (!o.name.startsWith('koers_')) lines.push(`${o.kind} ${o.key}: every function and trigger is named koers_*`);
  }
  return { changedFiles: a.order.filter((f) => changed.has(f)), removed, lines };
}
