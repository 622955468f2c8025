import { Client } from 'pg';

/**
 * Least privilege: the schema belongs to OWNER_ROLE (migrations run as it); the API and the worker connect as
 * APP_ROLE, which may only read and write rows (SELECT, INSERT, UPDATE, DELETE; on audit_event only INSERT and
 * SELECT): no DDL, no TRUNCATE, no switching triggers off. Roles are cluster-wide: created once, idempotently, and
 * never dropped. Migration GrantApplicationRole grants the rows and sets the default privileges, so tables made by
 * later migrations are granted too.
 */
export const OWNER_ROLE = 'koers_owner';
export const APP_ROLE = 'koers_app';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Creates the role if missing (LOGIN; with the password, when given); a concurrent creator is no error. */
async function ensureRole(admin: Client, role: string, password?: string): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (!exists.rowCount) {
    try {
      await admin.query(`CREATE ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);
    } catch (e) {
      // 42710 duplicate_object, 23505 unique_violation: another process created it at the same moment.
      if (!['42710', '23505'].includes((e as { code?: string }).code ?? '')) throw e;
    }
  }
  if (!password) return;
  // Only a role without a password gets one: a password set by an administrator is left alone, and concurrent
  // set-ups (test runs) do not update the same role row at once.
  const { rows } = await admin.query(`SELECT rolpassword IS NULL AS "noPassword" FROM pg_authid WHERE rolname = $1`, [role]);
  if (!rows[0]?.noPassword) return;
  try {
    await admin.query(`ALTER ROLE ${quoteIdent(role)} PASSWORD ${quoteLiteral(password)}`);
  } catch (e) {
    if (!/concurrently updated/.test((e as Error).message)) throw e;
  }
}

/** The password in a postgres:// URL, if any. */
export function passwordOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = new URL(url);
  return u.password ? decodeURIComponent(u.password) : undefined;
}

/** Both roles, as an administrator (superuser) connection. */
export async function ensureRoles(admin: Client, passwords: { owner?: string; app?: string } = {}): Promise<void> {
  await ensureRole(admin, OWNER_ROLE, passwords.owner);
  await ensureRole(admin, APP_ROLE, passwords.app);
}

/**
 * Hands what is in the database's public schema to OWNER_ROLE (a database first migrated as another user), so
 * migrations run as the owner can change it. Run on a connection to that database, as an administrator.
 */
export async function handSchemaToOwner(db: Client): Promise<void> {
  await db.query(`ALTER SCHEMA public OWNER TO ${quoteIdent(OWNER_ROLE)}`);
  const objects = await db.query(`
    SELECT format('ALTER %s %s OWNER TO ${OWNER_ROLE}',
                  CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' END,
                  c.oid::regclass) AS stmt
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> '${OWNER_ROLE}'
     UNION ALL
    SELECT format('ALTER %s %s OWNER TO ${OWNER_ROLE}', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, p.oid::regprocedure)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${OWNER_ROLE}'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`);
  for (const { stmt } of objects.rows as Array<{ stmt: string }>) await db.query(stmt);
}
