/**
 * Writes the migration for the SQL rule files that changed: migrates a scratch database, compares it with the files
 * (scripts/sql-rules/sql-rules.ts) and writes migrations/<epochMs>-<VerbNoun>.ts that applies each changed file as it
 * is, drops what no file defines any more, and restores the old definitions on the way down.
 * Usage: npm run sql:migration -- <VerbNoun>
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { applyRulesAndRollBack, CatalogObject, diffRules, dropStatement, readRuleFiles, restoreStatement, ROOT } from './sql-rules/sql-rules';

const adminUrl = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A template literal that holds `text` exactly. */
const literal = (text: string): string => '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

function migrationSource(className: string, files: ReturnType<typeof readRuleFiles>, removed: CatalogObject[], before: Map<string, CatalogObject>, added: CatalogObject[]): string {
  const up: string[] = [];
  const down: string[] = [];
  const q = (stmt: string) => `    await queryRunner.query(${literal(stmt)});`;
  // Triggers first: a function cannot be dropped while a trigger runs it.
  for (const o of [...removed].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'trigger' ? -1 : 1))) up.push(q(dropStatement(o)));
  for (const f of files) {
    up.push(`    // ${f.file}`);
    up.push(q(f.text.trim()));
  }
  for (const o of [...added].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'trigger' ? -1 : 1))) down.push(q(dropStatement(o)));
  const restore = [...before.values()];
  for (const o of restore.filter((x) => x.kind === 'function')) down.push(q(restoreStatement(o)));
  for (const o of restore.filter((x) => x.kind === 'trigger')) down.push(q(restoreStatement(o)));
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by \`npm run sql:migration\` from the SQL rule files below; never edit it: change the file and generate a
 * new migration. Down restores the definitions as the database held them before.
${files.map((f) => ` *   ${f.file}`).join('\n')}
 */
export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.join('\n')}
  }
}
`;
}

async function main(): Promise<void> {
  const verbNoun = process.argv[2];
  if (!verbNoun || !/^[A-Z][A-Za-z0-9]+$/.test(verbNoun)) throw new Error('Usage: npm run sql:migration -- <VerbNoun>, e.g. CountLessonRecords');
  const files = readRuleFiles();
  const db = `koers_sqlmig_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  const url = `${adminUrl.slice(0, adminUrl.lastIndexOf('/'))}/${db}`;
  try {
    const res = spawnSync(process.execPath, [require.resolve('typeorm/cli.js'), 'migration:run', '-d', 'src/database/data-source.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        BSN_ENCRYPTION_KEY: process.env.BSN_ENCRYPTION_KEY ?? '0'.repeat(64),
        BSN_HMAC_KEY: process.env.BSN_HMAC_KEY ?? 'sql-migration-hmac-key-0123456789',
        JWT_SECRET: process.env.JWT_SECRET ?? 'sql-migration-jwt-secret-0123456789',
        NODE_OPTIONS: '-r ts-node/register/transpile-only',
      },
      encoding: 'utf8',
    });
    if (res.status !== 0) throw new Error(`Migrating the scratch database failed:\n${res.stdout}\n${res.stderr}`);
    const c = new Client({ connectionString: url });
    await c.connect();
    let applied;
    try {
      applied = await applyRulesAndRollBack(c, files);
    } finally {
      await c.end();
    }
    const diff = diffRules(applied);
    if (!diff.changedFiles.length && !diff.removed.length) {
      process.stdout.write('The migrated database already matches every SQL rule file: nothing to write.\n');
      return;
    }
    // Objects the changed files define, as they were before (restored on the way down) or new (dropped on the way down).
    const touched = [...applied.owner.entries()].filter(([, f]) => diff.changedFiles.includes(f)).map(([key]) => applied.fromFiles.get(key)!);
    const before = new Map<string, CatalogObject>();
    for (const o of [...touched, ...diff.removed]) {
      const was = applied.migrated.get(o.key);
      if (was) before.set(o.key, was);
    }
    const added = touched.filter((o) => !applied.migrated.has(o.key));
    const order = applied.order.filter((f) => diff.changedFiles.includes(f));
    const stamp = Date.now();
    const className = `${verbNoun}${stamp}`;
    const out = path.join(ROOT, 'migrations', `${stamp}-${verbNoun}.ts`);
    fs.writeFileSync(out, migrationSource(className, order, diff.removed, before, added));
    process.stdout.write(`${diff.lines.join('\n')}\nWrote ${path.relative(ROOT, out)}\n`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
