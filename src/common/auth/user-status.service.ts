import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a process trusts what it last read of a user's `active` flag and token version. */
export const USER_STATUS_TTL_MS = 15_000;
/** Bound on remembered users; past it the memory starts over (one query per user again). */
const MAX_REMEMBERED_USERS = 50_000;

/** What a token is checked against; null: the user no longer exists. */
export type UserStatus = { active: boolean; tokenVersion: number } | null;

/**
 * Tokens carry the scope, so a request needs no user lookup, but a deactivated user, or one whose password changed,
 * must lose access before its tokens expire. Each process remembers a user's `active` flag and token version for
 * USER_STATUS_TTL_MS: a change takes effect at once in the process that made it (forget) and within the TTL in
 * every other one, at one query per user per TTL.
 */
@Injectable()
export class UserStatusService {
  private readonly known = new Map<string, { status: Promise<UserStatus>; at: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  status(userId: string): Promise<UserStatus> {
    const now = Date.now();
    const hit = this.known.get(userId);
    if (hit && now - hit.at < USER_STATUS_TTL_MS) return hit.status;
    if (this.known.size >= MAX_REMEMBERED_USERS) this.known.clear();
    // Concurrent requests of one user share the same look-up; a failed one is not remembered.
    const status = this.db
      .query(`SELECT active, token_version AS "tokenVersion" FROM app_user WHERE id = $1`, [userId])
      .then((rows: Array<{ active: boolean; tokenVersion: number }>) => (rows[0] ? { active: rows[0].active === true, tokenVersion: rows[0].tokenVersion } : null));
    status.catch(() => this.known.delete(userId));
    this.known.set(userId, { status, at: now });
    return status;
  }

  async isActive(userId: string): Promise<boolean> {
    return (await this.status(userId))?.active === true;
  }

  forget(userId: string): void {
    this.known.delete(userId);
  }
}
