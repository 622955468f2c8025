import { EntityManager } from 'typeorm';
import { Role } from '../common/domain/vocabulary';
import { hashPassword } from '../modules/users/password';

export const DEMO_PASSWORD = 'koers-demo-2026';
export const ENSCHEDE = 'GM0153';

export interface DemoLogin {
  email: string;
  role: Role;
  displayName: string;
  cbsCode?: string;
}

/** The fixed demo logins; only the demo and scale loaders create them. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: 'admin@koers.test', role: 'admin', displayName: 'Anouk Beheerder' },
  { email: 'coordinator@koers.test', role: 'coordinator', displayName: 'Ingrid Coördinator' },
  { email: 'teacher@koers.test', role: 'teacher', displayName: 'Marieke de Vries' },
  { email: 'finance@koers.test', role: 'finance', displayName: 'Henk Financiën' },
  { email: 'enschede@koers.test', role: 'municipality', displayName: 'Gemeente Enschede (contractbeheer)', cbsCode: ENSCHEDE },
  { email: 'learner@koers.test', role: 'learner', displayName: 'Ольга Шевченко' },
];

export const EXTRA_TEACHERS: readonly string[] = [
  'Jeroen Bosch', 'Fenna Huisman', 'Sanne Oude Egberink', 'Bram Nijhuis', 'Linda Kamphuis', 'Gerrit Wolters', 'Esther ter Horst',
];

let cachedHash: string | undefined;
/** One argon2id hash of the demo password, reused for every demo login (hashing is deliberately slow). */
export async function demoPasswordHash(): Promise<string> {
  cachedHash ??= await hashPassword(DEMO_PASSWORD);
  return cachedHash;
}

/** Creates or resets a login by e-mail; returns its id. */
export async function upsertUser(
  m: EntityManager,
  u: { email: string; displayName: string; role: Role; municipalityId?: string | null },
  passwordHash: string,
): Promise<string> {
  const [row] = await m.query(
    `INSERT INTO app_user (email, display_name, password_hash, role, municipality_id, active)
     VALUES ($1, $2, $3, $4, $5, true)
     ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
       role = EXCLUDED.role, municipality_id = EXCLUDED.municipality_id, active = true, updated_at = now()
     RETURNING id`,
    [u.email.toLowerCase(), u.displayName, passwordHash, u.role, u.municipalityId ?? null],
  );
  return row.id;
}

/** Upserts the demo logins (+ extra teachers); returns email → id. */
export async function upsertDemoUsers(
  m: EntityManager,
  municipalities: Record<string, string>,
  extraTeachers: readonly string[] = EXTRA_TEACHERS,
): Promise<{ byEmail: Record<string, string>; teacherIds: string[] }> {
  const hash = await demoPasswordHash();
  const byEmail: Record<string, string> = {};
  for (const u of DEMO_LOGINS) {
    byEmail[u.email] = await upsertUser(m, { ...u, municipalityId: u.cbsCode ? municipalities[u.cbsCode] : null }, hash);
  }
  const teacherIds = [byEmail['teacher@koers.test']];
  for (const name of extraTeachers) {
    const email = `${name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z]+/g, '.')}@koers.test`;
    byEmail[email] = await upsertUser(m, { email, displayName: name, role: 'teacher' }, hash);
    teacherIds.push(byEmail[email]);
  }
  return { byEmail, teacherIds };
}
