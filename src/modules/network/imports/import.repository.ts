import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../../common/auth/scope';

export interface ImportRecord {
  id: string;
  kind: 'learners' | 'exam_results';
  municipalityId: string;
  status: 'uploaded' | 'checked' | 'refused' | 'committed';
  fileName: string;
  sha256: string;
  storageKey: string | null;
  fileError: string | null;
  summary: Record<string, number>;
  dryRunDocumentId: string | null;
  requestedBy: string | null;
  checkedAt: Date | null;
  committedAt: Date | null;
  committedBy: string | null;
  createdAt: Date;
}

export interface ImportRowRecord {
  line: number;
  outcome: 'new' | 'known' | 'refused';
  problems: Array<{ field: string; reason: string }>;
  value: Record<string, unknown> | null;
  learnerId: string | null;
  label: string;
}

const COLUMNS = `i.id, i.kind, i.municipality_id AS "municipalityId", i.status, i.file_name AS "fileName", i.sha256,
  i.storage_key AS "storageKey", i.file_error AS "fileError", i.summary, i.dry_run_document_id AS "dryRunDocumentId",
  i.requested_by AS "requestedBy", i.checked_at AS "checkedAt", i.committed_at AS "committedAt", i.committed_by AS "committedBy",
  i.created_at AS "createdAt"`;

/** A municipality user sees its own municipality's imports; staff all. */
function scopeSql(scope: Scope, params: unknown[]): string {
  if (scope.role !== 'municipality') return 'TRUE';
  if (!scope.municipalityId) return 'FALSE';
  params.push(scope.municipalityId);
  return `i.municipality_id = $${params.length}::uuid`;
}

@Injectable()
export class ImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, v: { kind: string; municipalityId: string; fileName: string; sha256: string; storageKey: string; requestedBy: string }): Promise<string> {
    const rows = await m.query(
      `INSERT INTO data_import (kind, municipality_id, file_name, sha256, storage_key, requested_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [v.kind, v.municipalityId, v.fileName, v.sha256, v.storageKey, v.requestedBy],
    );
    return rows[0].id;
  }

  async setDocument(m: EntityManager, id: string, documentId: string): Promise<void> {
    await m.query(`UPDATE data_import SET dry_run_document_id = $2 WHERE id = $1`, [id, documentId]);
  }

  async find(id: string, scope: Scope | null, m: EntityManager = this.db.manager, lock = false): Promise<ImportRecord | null> {
    const params: unknown[] = [id];
    const cond = scope ? scopeSql(scope, params) : 'TRUE';
    const rows = await m.query(`SELECT ${COLUMNS} FROM data_import i WHERE i.id = $1 AND ${cond} ${lock ? 'FOR UPDATE' : ''}`, params);
    return rows[0] ?? null;
  }

  async rows(importId: string, m: EntityManager = this.db.manager, outcome?: string): Promise<ImportRowRecord[]> {
    return m.query(
      `SELECT line, outcome, problems, value, learner_id AS "learnerId", label FROM data_import_row
        WHERE import_id = $1 ${outcome ? 'AND outcome = $2' : ''} ORDER BY line`,
      outcome ? [importId, outcome] : [importId],
    );
  }

  /** Replaces the dry run's rows (a second run of the job writes the same rows again). */
  async replaceRows(m: EntityManager, importId: string, rows: ImportRowRecord[]): Promise<void> {
    await m.query(`DELETE FROM data_import_row WHERE import_id = $1`, [importId]);
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      await m.query(
        `INSERT INTO data_import_row (import_id, line, outcome, problems, value, learner_id, label)
         SELECT $1, r.line, r.outcome, r.problems, r.value, r.learner_id, r.label
           FROM jsonb_to_recordset($2::jsonb) AS r(line int, outcome varchar, problems jsonb, value jsonb, learner_id uuid, label varchar)`,
        [importId, JSON.stringify(chunk.map((r) => ({ line: r.line, outcome: r.outcome, problems: r.problems, value: r.value, learner_id: r.learnerId, label: r.label })))],
      );
    }
  }

  async markChecked(m: EntityManager, id: string, summary: Record<string, number>): Promise<void> {
    await m.query(`UPDATE data_import SET status = 'checked', summary = $2, checked_at = now(), storage_key = NULL WHERE id = $1`, [id, JSON.stringify(summary)]);
  }

  async markRefused(m: EntityManager, id: string, message: string): Promise<void> {
    await m.query(`UPDATE data_import SET status = 'refused', file_error = $2, checked_at = now(), storage_key = NULL WHERE id = $1`, [id, message]);
  }

  async markCommitted(m: EntityManager, id: string, userId: string, summary: Record<string, number>): Promise<void> {
    await m.query(`UPDATE data_import SET status = 'committed', committed_at = now(), committed_by = $2, summary = summary || $3::jsonb WHERE id = $1`, [
      id,
      userId,
      JSON.stringify(summary),
    ]);
  }

  async setRowLearners(m: EntityManager, importId: string, pairs: Array<{ line: number; learnerId: string }>): Promise<void> {
    if (!pairs.length) return;
    await m.query(
      `UPDATE data_import_row r SET learner_id = x.learner_id
         FROM unnest($2::int[], $3::uuid[]) AS x(line, learner_id) WHERE r.import_id = $1 AND r.line = x.line`,
      [importId, pairs.map((p) => p.line), pairs.map((p) => p.learnerId)],
    );
  }
}
