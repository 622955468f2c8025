/**
 * npm run user:create -- --email a@b.nl --role admin --name "Jan Jansen"
 *   [--municipality GM0153]   required for role municipality (CBS code or name)
 *   [--learner D000123]       required for role learner (learner number)
 *   [--password …]            otherwise prompted (hidden) on a terminal, or generated and printed once
 * Creates a login, e.g. the first admin. Exits non-zero with a one-line reason on any failure.
 */
import 'reflect-metadata';
import { randomBytes } from 'crypto';
import { createInterface } from 'readline';
import { isEmail } from 'class-validator';
import { parseArgs } from 'util';
import { ROLES, Role } from '../src/common/domain/vocabulary';
import { loadEnvironment } from '../src/config/app-config';
import { AuditService } from '../src/modules/audit/audit.service';
import { openDataSource } from '../src/seed/seed-data-source';
import { hashPassword } from '../src/modules/users/password';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../src/modules/users/password-policy';

class UsageError extends Error {}
const MIN_PASSWORD = MIN_PASSWORD_LENGTH;
const USAGE = 'usage: npm run user:create -- --email <e-mail> --role <' + ROLES.join('|') + '> --name "<display name>" [--municipality <CBS code>] [--learner <learner number>] [--password <at least 12 characters>]';

function readHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) out.output.write(s);
      else if (s.includes('\n') || s.includes('\r')) out.output.write('\n');
    };
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

async function choosePassword(given: string | undefined): Promise<{ password: string; generated: boolean }> {
  if (given !== undefined) return { password: given, generated: false };
  if (process.stdin.isTTY) {
    const first = await readHidden(`Password (at least ${MIN_PASSWORD} characters, empty = generate one): `);
    if (first !== '') {
      if ((await readHidden('Repeat the password: ')) !== first) throw new UsageError('the passwords do not match');
      return { password: first, generated: false };
    }
  }
  return { password: randomBytes(15).toString('base64url'), generated: true };
}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, municipality: { type: 'string' }, learner: { type: 'string' }, password: { type: 'string' } },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const email = values.email?.trim().toLowerCase();
  const role = values.role?.trim() as Role | undefined;
  const name = values.name?.trim();
  if (!email || !isEmail(email) || email.length > 254) throw new UsageError(`--email must be a valid e-mail address (got ${values.email ?? 'nothing'})`);
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got ${values.role ?? 'nothing'})`);
  if (!name || name.length > 200) throw new UsageError('--name is required (at most 200 characters)');
  if (role === 'municipality' && !values.municipality) throw new UsageError('--municipality (CBS code, e.g. GM0153) is required for role municipality');
  if (role !== 'municipality' && values.municipality) throw new UsageError('--municipality is only allowed for role municipality');
  if (role === 'learner' && !values.learner) throw new UsageError('--learner (learner number) is required for role learner');
  if (role !== 'learner' && values.learner) throw new UsageError('--learner is only allowed for role learner');
  const { password, generated } = await choosePassword(values.password);
  const weak = generated ? null : passwordProblem(password, { email, displayName: name });
  if (weak) throw new UsageError(`the password ${weak}`);

  const db = await openDataSource(loadEnvironment().DATABASE_URL);
  try {
    const passwordHash = await hashPassword(password);
    const userId = await db.transaction(async (m) => {
      if ((await m.query(`SELECT 1 FROM app_user WHERE email = $1`, [email])).length) throw new Error(`a user with e-mail ${email} already exists`);
      let municipalityId: string | null = null;
      if (values.municipality) {
        const rows = await m.query(`SELECT id FROM municipality WHERE upper(cbs_code) = upper($1) OR lower(name) = lower($1)`, [values.municipality.trim()]);
        if (rows.length !== 1) throw new Error(`municipality ${values.municipality} does not exist (use its CBS code, e.g. GM0153)`);
        municipalityId = rows[0].id;
      }
      const [user] = await m.query(
        `INSERT INTO app_user (email, display_name, password_hash, role, municipality_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [email, name, passwordHash, role, municipalityId],
      );
      if (values.learner) {
        const rows = await m.query(`SELECT id, user_id FROM learner WHERE learner_number = $1 FOR UPDATE`, [values.learner.trim()]);
        if (!rows.length) throw new Error(`learner ${values.learner} does not exist`);
        if (rows[0].user_id) throw new Error(`learner ${values.learner} already has a login`);
        await m.query(`UPDATE learner SET user_id = $1, updated_at = now() WHERE id = $2`, [user.id, rows[0].id]);
      }
      await new AuditService().record(m, null, { action: 'create', entityType: 'user', entityId: user.id, fields: ['email', 'displayName', 'role', 'password'] });
      return user.id as string;
    });
    process.stdout.write(`Created ${role} ${email} (${userId}).\n`);
    if (generated) process.stdout.write(`Generated password (shown once, store it safely): ${password}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(`user:create failed: ${(e as Error).message}\n`);
  if (e instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
