import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DocumentRecord, DocumentStatus } from './entities/document.entity';

const COLUMNS = `id, kind, params, params_hash, status, progress, error_code, error_message, requested_by, municipality_id, learner_id,
  idempotency_key, storage_key, content_type, file_name, size_bytes, sha256, attempts, attempt_token, lease_until, created_at,
  updated_at, started_at, finished_at, expired_at`;

export { COLUMNS as DOCUMENT_COLUMNS };

/** A document row as selected with DOCUMENT_COLUMNS, in the entity's shape. */
export function toDocument(r: Record<string, unknown>): DocumentRecord {
  return Object.assign(new DocumentRecord(), {
    id: r.id,
    kind: r.kind,
    params: r.params,
    paramsHash: r.params_hash,
    status: r.status,
    progress: r.progress,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    requestedBy: r.requested_by,
    municipalityId: r.municipality_id,
    learnerId: r.learner_id,
    idempotencyKey: r.idempotency_key,
    storageKey: r.storage_key,
    contentType: r.content_type,
    fileName: r.file_name,
    sizeBytes: r.size_bytes === null || r.size_bytes === undefined ? null : Number(r.size_bytes),
    sha256: r.sha256,
    attempts: r.attempts,
    attemptToken: r.attempt_token,
    leaseUntil: r.lease_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    expiredAt: r.expired_at,
  } as Partial<DocumentRecord>);
}

export interface NewDocument {
  kind: string;
  params: Record<string, unknown>;
  paramsHash: string;
  requestedBy: string | null;
  municipalityId: string | null;
  learnerId: string | null;
  fileName: string | null;
  idempotencyKey: string | null;
}

export interface DocumentListFilter {
  kind?: string;
  status?: DocumentStatus;
}

/** Request-side reads and writes of `document`; the worker's attempt bookkeeping is in jobs/document-attempts.repository.ts. */
@Injectable()
export class DocumentRepository {
  /**
   * Inserts the request unless an equal one is open or the idempotency key was used: then answers that row.
   * ON CONFLICT waits for a concurrent insert of the same request to commit, so two at once give one row.
   */
  async insertOrFindOpen(m: EntityManager, d: NewDocument): Promise<{ doc: DocumentRecord; created: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const inserted = (await m.query(
        `INSERT INTO document (kind, params, params_hash, requested_by, municipality_id, learner_id, file_name, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [d.kind, JSON.stringify(d.params), d.paramsHash, d.requestedBy, d.municipalityId, d.learnerId, d.fileName, d.idempotencyKey],
      )) as Array<Record<string, unknown>>;
      if (inserted.length) return { doc: toDocument(inserted[0]), created: true };
      const existing = (await m.query(
        `SELECT ${COLUMNS} FROM document
          WHERE ($1::text IS NOT NULL AND requested_by IS NOT DISTINCT FROM $2 AND idempotency_key = $1)
             OR (params_hash = $3 AND status IN ('pending', 'running'))
          ORDER BY (idempotency_key IS NOT DISTINCT FROM $1) DESC LIMIT 1`,
        [d.idempotencyKey, d.requestedBy, d.paramsHash],
      )) as Array<Record<string, unknown>>;
      if (existing.length) return { doc: toDocument(existing[0]), created: false };
      // The conflicting row finished or rolled back in between: try the insert again.
    }
    throw new Error('Could not insert or find the document request');
  }

  async findById(m: EntityManager, id: string): Promise<DocumentRecord | null> {
    const rows = (await m.query(`SELECT ${COLUMNS} FROM document WHERE id = $1`, [id])) as Array<Record<string, unknown>>;
    return rows.length ? toDocument(rows[0]) : null;
  }

  /** A page of documents matching `visibleSql` (a condition on alias d from DocumentAccess), newest first. */
  async listVisible(
    m: EntityManager,
    visibleSql: string,
    params: unknown[],
    filter: DocumentListFilter,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; items: DocumentRecord[] }> {
    const p = [...params];
    const where = [visibleSql];
    if (filter.kind) where.push(`d.kind = $${p.push(filter.kind)}`);
    if (filter.status) where.push(`d.status = $${p.push(filter.status)}`);
    const limit = p.push(page.limit);
    const offset = p.push(page.offset);
    const rows = (await m.query(
      `WITH matches AS (SELECT d.id, d.created_at FROM document d WHERE ${where.join(' AND ')}),
            total AS (SELECT count(*)::int AS total FROM matches),
            page AS (SELECT id, created_at FROM matches ORDER BY created_at DESC, id DESC LIMIT $${limit} OFFSET $${offset})
       SELECT total.total, x.* FROM total
         LEFT JOIN LATERAL (SELECT ${COLUMNS.split(',').map((c) => `d.${c.trim()}`).join(', ')} FROM page JOIN document d USING (id)) x ON TRUE
        ORDER BY x.created_at DESC, x.id DESC`,
      p,
    )) as Array<Record<string, unknown>>;
    const total = Number(rows[0]?.total ?? 0);
    return { total, items: rows.filter((r) => r.id).map(toDocument) };
  }
}
