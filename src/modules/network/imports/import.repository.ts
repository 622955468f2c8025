import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../../common/http/sort';
import { queryPage, filterOn } from '../../../database/paged-query';
import { ImportListItemView, ImportQueryDto } from './import.dto';

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

const LIST_SORTS = { createdAt: 'i.created_at', fileName: 'lower(i.file_name)' };

/** dry_run / committed / failed (refused, or the dry-run document failed for good). */
const STATE_SQL = `CASE WHEN i.status = 'committed' THEN 'committed'
  WHEN i.status = 'refused' OR (i.status = 'uploaded' AND EXISTS (SELECT 1 FROM document d WHERE d.id = i.dry_run_document_id AND d.status = 'failed')) THEN 'failed'
  ELSE 'dry_run' END`;

const LIST_VIEW = `SELECT i.id, i.kind, json_build_object('id', mu.id, 'name', mu.name, 'cbsCode', mu.cbs_code) AS municipality,
         i.file_name AS "fileName", i.status, ${STATE_SQL} AS state, i.summary, i.dry_run_document_id AS "dryRunDocumentId",
         CASE WHEN rq.id IS NOT NULL THEN json_build_object('id', rq.id, 'name', rq.display_name) END AS "requestedBy",
         i.created_at AS "createdAt", i.checked_at AS "checkedAt",
         CASE WHEN cb.id IS NOT NULL THEN json_build_object('id', cb.id, 'name', cb.display_name) END AS "committedBy", i.committed_at AS "committedAt"
    FROM data_import i JOIN municipality mu ON mu.id = i.municipality_id
    LEFT JOIN app_user rq ON rq.id = i.requested_by
    LEFT JOIN app_user cb ON cb.id = i.committed_by`;

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

  /** Newest first by default; filters on municipality, kind and state, within the caller's scope. */
  async findPage(q: ImportQueryDto, scope: Scope): Promise<Page<ImportListItemView>> {
    const params: unknown[] = [];
    const where = [scopeSql(scope, params)];
    const eq = filterOn(params, where);
    eq(q.municipalityId, (n) => `i.municipality_id = $${n}::uuid`);
    eq(q.kind, (n) => `i.kind = $${n}`);
    eq(q.state, (n) => `${STATE_SQL} = $${n}`);
    const whereSql = where.join(' AND ');
    const order = orderBySql(parseSort(q.sort, LIST_SORTS, '-createdAt'), 'i.id');
    const { total, rows } = await queryPage<ImportListItemView>(
      this.db,
      `SELECT count(*)::int AS total FROM data_import i WHERE ${whereSql}`,
      `${LIST_VIEW.replace('SELECT', `SELECT row_number() OVER (ORDER BY ${order}) AS __n,`)} WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(rows, total, q);
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
