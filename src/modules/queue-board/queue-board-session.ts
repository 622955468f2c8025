import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac, createSecretKey, KeyObject } from 'crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';

export const BOARD_COOKIE = 'koers_queue_board';
export const BOARD_PATH = '/admin/queues';
export const BOARD_SESSION_SECONDS = 15 * 60;

/**
 * The Bull Board page is opened by a browser, which cannot send our bearer token: an admin-only endpoint sets a
 * short-lived HttpOnly cookie for the board's path alone. Its token is signed with a key derived from JWT_SECRET for
 * this purpose only, so it is no bearer token, and a bearer token is no board cookie.
 */
@Injectable()
export class QueueBoardSession {
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(createHmac('sha256', config.jwtSecret).update('koers queue board').digest());
  }

  /** The Set-Cookie header value for an admin. */
  cookieFor(userId: string): string {
    const token = this.jwt.sign({ sub: userId, pur: 'queue-board' }, { secret: this.key as unknown as string, expiresIn: BOARD_SESSION_SECONDS, algorithm: 'HS256' });
    const secure = this.config.publicBaseUrl.startsWith('https:') ? '; Secure' : '';
    return `${BOARD_COOKIE}=${token}; Path=${BOARD_PATH}; Max-Age=${BOARD_SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`;
  }

  clearCookie(): string {
    return `${BOARD_COOKIE}=; Path=${BOARD_PATH}; Max-Age=0; HttpOnly; SameSite=Strict`;
  }

  /** True when the request's cookie is a valid board session of a still-active admin. */
  async allows(cookieHeader: string | undefined): Promise<boolean> {
    const token = readCookie(cookieHeader, BOARD_COOKIE);
    if (!token) return false;
    let claims: { sub?: string; pur?: string };
    try {
      claims = this.jwt.verify(token, { secret: this.key as unknown as string, algorithms: ['HS256'] });
    } catch {
      return false;
    }
    if (claims.pur !== 'queue-board' || typeof claims.sub !== 'string') return false;
    // Checked on every request: an admin demoted or deactivated loses the board at once.
    const rows = (await this.db.query(`SELECT 1 FROM app_user WHERE id = $1 AND active AND role = 'admin'`, [claims.sub])) as unknown[];
    return rows.length === 1;
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim() || null;
  }
  return null;
}
