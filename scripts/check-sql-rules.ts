/**
 * CI check: the functions and triggers in a migrated database are exactly those of the src/**\/sql/koers_*.sql files,
 * defined as the files define them. Usage: DATABASE_URL=<migrated database> ts-node -T scripts/check-sql-rules.ts
 */
import { Client } from 'pg';
import { applyRulesAndRollBack, diffRules, readRuleFiles } from './sql-rules/sql-rules';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name a migrated database');
  const files = readRuleFiles();
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const diff = diffRules(await applyRulesAndRollBack(c, files));
    if (diff.lines.length) {
      process.stderr.write(`${diff.lines.join('\n')}\n`);
      process.stderr.write('The SQL files are the truth: write the migration with `npm run sql:migration -- <VerbNoun>` and commit it.\n');
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`sql rules: ${files.length} files match the migrated database\n`);
  } finally {
    await c.end();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
