import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { Role, ROLES } from '../domain/vocabulary';
import { Scope } from './scope';

interface TokenClaims {
  sub: string;
  role: Role;
  mun?: string | null;
  lrn?: string | null;
  /** The user's token version when signed: a password change raises it, which ends every older token. */
  ver?: number;
  exp?: number;
  iat?: number;
}

/** A verified token: the scope it carries and the token version it was signed with. */
export type VerifiedToken = Scope & { tokenVersion: number };

/** Signs and reads bearer tokens; the claims carry the scope so requests need no user lookup. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(scope: Omit<Scope, 'requestId'>, tokenVersion = 1): string {
    const claims: TokenClaims = { sub: scope.userId, role: scope.role, mun: scope.municipalityId, lrn: scope.learnerId, ver: tokenVersion };
    return this.jwt.sign(claims);
  }

  /**
   * Null for anything but a well-formed token of ours: bad signature, expired, no `exp` (a token for ever), a
   * subject that is not a user id, an unknown role.
   */
  verify(token: string): VerifiedToken | null {
    let c: TokenClaims;
    try {
      c = this.jwt.verify<TokenClaims>(token);
    } catch {
      return null;
    }
    if (typeof c.exp !== 'number' || typeof c.sub !== 'string' || !isUUID(c.sub) || !ROLES.includes(c.role)) return null;
    if (c.mun != null && (typeof c.mun !== 'string' || !isUUID(c.mun))) return null;
    if (c.lrn != null && (typeof c.lrn !== 'string' || !isUUID(c.lrn))) return null;
    // Tokens signed before versions existed count as version 1 (a user's first).
    const tokenVersion = c.ver ?? 1;
    if (!Number.isInteger(tokenVersion)) return null;
    return { userId: c.sub, role: c.role, municipalityId: c.mun ?? null, learnerId: c.lrn ?? null, tokenVersion };
  }
}
