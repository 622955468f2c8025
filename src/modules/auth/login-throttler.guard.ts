import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';
import { createHash } from 'crypto';

export const LOGIN_BY_ADDRESS = 'login-address';
export const LOGIN_BY_ACCOUNT = 'login-account';

/** A 429 that knows how long the refusal lasts (the problem filter sends it as Retry-After). */
export class LoginLimitedException extends ThrottlerException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many login attempts');
  }
}

/** The e-mail as the account is stored (lower-cased, trimmed), whether or not such an account exists. */
export function accountTracker(req: Record<string, unknown>): string {
  const body = req.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
}

/** The client address as Fastify resolved it (X-Forwarded-For only from the proxies TRUST_PROXY names). */
export function addressTracker(req: Record<string, unknown>): string {
  return String(req.ip);
}

/**
 * Two counters per login attempt, kept in Redis: one per client address (many e-mails from one address) and one per
 * account (one e-mail from many addresses). Either over its limit refuses with the same 429, existing e-mail or not.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    // Hashed: no e-mail address or client address sits in Redis in clear.
    return `${name}:${createHash('sha256').update(tracker).digest('hex')}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new LoginLimitedException(Math.max(1, detail.timeToBlockExpire));
  }
}
