import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role } from '../domain/vocabulary';
import { Scope } from './scope';

interface TokenClaims {
  sub: string;
  role: Role;
  mun?: string | null;
  lrn?: string | null;
}

/** Signs and reads bearer tokens; the claims carry the scope so requests need no user lookup. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(scope: Omit<Scope, 'requestId'>): string {
    const claims: TokenClaims = { sub: scope.userId, role: scope.role, mun: scope.municipalityId, lrn: scope.learnerId };
    return this.jwt.sign(claims);
  }

  verify(token: string): Scope | null {
    try {
      const c = this.jwt.verify<TokenClaims>(token);
      return { userId: c.sub, role: c.role, municipalityId: c.mun ?? null, learnerId: c.lrn ?? null };
    } catch {
      return null;
    }
  }
}
