import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DOCUMENT_COLUMNS, toDocument } from '../document.repository';
import { DUTCH_MESSAGES } from '../documents.exception';
import { DocumentRecord } from '../entities/document.entity';

export interface FinishedFile {
  storageKey: string;
  contentType: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * The worker's bookkeeping of attempts. Every write after the claim names the attempt's token, so an attempt that
 * lost the row (taken back, finished elsewhere) changes nothing.
 */
@Injectable()
export class DocumentAttemptsRepository {
  /** Takes a pending row, or a running one whose lease ran out, for a new attempt; null when it is not to be run. */
  async claim(m: EntityManager, id: string, token: string, leaseMs: number, maxAttempts: number): Promise<DocumentRecord | null> {
    const rows = (await m.query(
      `UPDATE document SET status = 'running', attempts = attempts + 1, attempt_token = $2, lease_until = now() + $3 * interval '1 millisecond',
              progress = 0, started_at = coalesce(started_at, now()), updated_at = now()
        WHERE id = $1 AND attempts < $4 AND (status = 'pending' OR (status = 'running' AND lease_until < now()))
        RETURNING ${DOCUMENT_COLUMNS}`,
      [id, token, leaseMs, maxAttempts],
    )) as [Array<Record<string, unknown>>, number];
    const list = rows[0];
    return list.length ? toDocument(list[0]) : null;
  }

  async renew(m: EntityManager, id: string, token: string, leaseMs: number): Promise<boolean> {
    return this.touch(m, `lease_until = now() + $3 * interval '1 millisecond'`, [id, token, leaseMs]);
  }

  async progress(m: EntityManager, id: string, token: string, leaseMs: number, percent: number): Promise<boolean> {
    return this.touch(m, `lease_until = now() + $3 * interval '1 millisecond', progress = $4, updated_at = now()`, [id, token, leaseMs, percent]);
  }

  /** Done, in the one statement that also checks the row is still this attempt's. */
  async finish(m: EntityManager, id: string, token: string, f: FinishedFile): Promise<boolean> {
    return this.touch(
      m,
      `status = 'done', progress = 100, storage_key = $3, content_type = $4, file_name = $5, size_bytes = $6, sha256 = $7,
       error_code = NULL, error_message = NULL, attempt_token = NULL, lease_until = NULL, finished_at = now(), updated_at = now()`,
      [id, token, f.storageKey, f.contentType, f.fileName, f.sizeBytes, f.sha256],
    );
  }

  async fail(m: EntityManager, id: string, token: string, code: string, message: string): Promise<boolean> {
    return this.touch(
      m,
      `status = 'failed', error_code = $3, error_message = $4, attempt_token = NULL, lease_until = NULL, finished_at = now(), updated_at = now()`,
      [id, token, code, message],
    );
  }

  /** Back to pending for another attempt; a hand-back at shutdown does not count as an attempt. */
  async release(m: EntityManager, id: string, token: string, countAttempt: boolean, error?: { code: string; message: string }): Promise<boolean> {
    return this.touch(
      m,
      `status = 'pending', progress = 0, attempt_token = NULL, lease_until = NULL, updated_at = now(),
       attempts = attempts - $3, error_code = coalesce($4, error_code), error_message = coalesce($5, error_message)`,
      [id, token, countAttempt ? 0 : 1, error?.code ?? null, error?.message ?? null],
    );
  }

  /**
   * Rows running past their lease (their worker is gone): back to pending, or failed once out of attempts.
   * SKIP LOCKED: several workers may reconcile at once.
   */
  async takeBackExpired(m: EntityManager, maxAttempts: number): Promise<Array<{ id: string; status: string }>> {
    const rows = (await m.query(
      `WITH stale AS (SELECT id FROM document WHERE status = 'running' AND lease_until < now() ORDER BY lease_until LIMIT 500 FOR UPDATE SKIP LOCKED)
       UPDATE document d
          SET status = CASE WHEN d.attempts >= $1 THEN 'failed' ELSE 'pending' END,
              error_code = CASE WHEN d.attempts >= $1 THEN 'worker_lost' ELSE d.error_code END,
              error_message = CASE WHEN d.attempts >= $1 THEN $2 ELSE d.error_message END,
              finished_at = CASE WHEN d.attempts >= $1 THEN now() ELSE NULL END,
              progress = 0, attempt_token = NULL, lease_until = NULL, updated_at = now()
         FROM stale WHERE d.id = stale.id
       RETURNING d.id, d.status`,
      [maxAttempts, DUTCH_MESSAGES.worker_lost],
    )) as [Array<{ id: string; status: string }>, number];
    return rows[0];
  }

  /** Pending rows older than `minAgeMs` (the request's own enqueue had its chance), oldest first. */
  async pendingIds(m: EntityManager, minAgeMs: number, limit: number): Promise<string[]> {
    const rows = (await m.query(
      `SELECT id FROM document WHERE status = 'pending' AND updated_at < now() - $1 * interval '1 millisecond' ORDER BY updated_at LIMIT $2`,
      [minAgeMs, limit],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Marks done documents past retention as expired and answers their storage keys (the caller removes the files). */
  async expire(m: EntityManager, before: Date, keptKinds: string[], limit: number): Promise<Array<{ id: string; storageKey: string | null }>> {
    const rows = (await m.query(
      `WITH old AS (SELECT id FROM document WHERE status = 'done' AND finished_at < $1 AND NOT (kind = ANY($2::text[]))
                     ORDER BY finished_at LIMIT $3 FOR UPDATE SKIP LOCKED),
            prev AS (SELECT d.id, d.storage_key FROM document d JOIN old USING (id))
       UPDATE document d SET status = 'expired', storage_key = NULL, expired_at = now(), updated_at = now()
         FROM prev WHERE d.id = prev.id
       RETURNING d.id, prev.storage_key`,
      [before, keptKinds, limit],
    )) as [Array<{ id: string; storage_key: string | null }>, number];
    return rows[0].map((r) => ({ id: r.id, storageKey: r.storage_key }));
  }

  private async touch(m: EntityManager, set: string, params: unknown[]): Promise<boolean> {
    const res = (await m.query(`UPDATE document SET ${set} WHERE id = $1 AND attempt_token = $2 AND status = 'running'`, params)) as [unknown, number];
    return res[1] === 1;
  }
}
