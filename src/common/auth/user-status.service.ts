import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a process trusts what it last read of a user's `active` flag. */
export const USER_STATUS_TTL_MS = 15_000;
/** Bound on remembered users; past it the memory starts over (one query per user again). */
const MAX_REMEMBERED_USERS = 50_000;

/**
 * Tokens carry the scope, so a request needs no user lookup, but a deactivated user must lose access before its
 * token expires. Each process remembers a user's `active` flag for USER_STATUS_TTL_MS: deactivation takes effect at
 * once in the process that made it (forget) and within the TTL in every other one, at one query per user per TTL.
 */
@Injectable()
export class UserStatusService {
  private readonly known = new Map<string, { active: Promise<boolean>; at: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  isActive(userId: string): Promise<boolean> {
    const now = Date.now();
    const hit = this.known.get(userId);
    if (hit && now - hit.at < USER_STATUS_TTL_MS) return hit.active;
    if (this.known.size >= MAX_REMEMBERED_USERS) this.known.clear();
    // Concurrent requests of one user share the same look-up; a failed one is not remembered.
    const active = this.db
      .query(`SELECT active FROM app_user WHERE id = $1`, [userId])
      .then((rows: Array<{ active: boolean }>) => rows[0]?.active === true);
    active.catch(() => this.known.delete(userId));
    this.known.set(userId, { active, at: now });
    return active;
  }

  forget(userId: string): void {
    this.known.delete(userId);
  }
}
