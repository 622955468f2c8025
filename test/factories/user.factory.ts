import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { Scope } from '../../src/common/auth/scope';
import { TokenService } from '../../src/common/auth/token.service';
import { Role } from '../../src/common/domain/vocabulary';
import { Learner } from '../../src/modules/learners/entities/learner.entity';
import { User } from '../../src/modules/users/entities/user.entity';
import { hashPassword } from '../../src/modules/users/password';

export const TEST_PASSWORD = 'correct-horse-battery';
let cachedHash: string | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
  /** `Bearer <token>` for supertest's .set('Authorization', ...) */
  auth: string;
  /** What the auth guard makes of the token: for calling services directly (test/helpers/service-context.ts). */
  scope: Scope;
}

/** A user straight in the database, with a signed token (no login round trip). */
export async function createUser(
  t: { db: DataSource; app: INestApplicationContext },
  role: Role,
  opts: { municipalityId?: string; learnerId?: string; email?: string } = {},
): Promise<TestUser> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `${role}-${randomBytes(4).toString('hex')}@test.koers`;
  const user = await t.db.getRepository(User).save({
    email,
    displayName: `${role} ${email}`,
    passwordHash: cachedHash,
    role,
    municipalityId: opts.municipalityId ?? null,
  });
  if (opts.learnerId) await t.db.getRepository(Learner).update({ id: opts.learnerId }, { userId: user.id });
  const scope: Scope = { userId: user.id, role, municipalityId: opts.municipalityId ?? null, learnerId: opts.learnerId ?? null };
  const token = t.app.get(TokenService, { strict: false }).sign(scope);
  return { id: user.id, email, role, token, auth: `Bearer ${token}`, scope };
}
