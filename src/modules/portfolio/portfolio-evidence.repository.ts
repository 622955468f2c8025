import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { EvidenceView } from './dto/evidence.dto';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';

const EVIDENCE_COLUMNS = `pe.id, pe.item_id AS "itemId", pe.original_name AS "originalName", pe.content_type AS "contentType",
  pe.size_bytes AS "sizeBytes", pe.sha256, pe.uploaded_by AS "uploadedBy", pe.created_at AS "createdAt"`;

/** An evidence row with what download and delete need. */
export interface EvidenceRecord extends Omit<EvidenceView, 'type' | 'downloadUrl'> {
  storageKey: string;
  itemStatus: string;
  trajectoryStatus: string;
}

@Injectable()
export class PortfolioEvidenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listForItem(itemId: string, m: EntityManager = this.db.manager): Promise<Omit<EvidenceView, 'type' | 'downloadUrl'>[]> {
    return m.query(`SELECT ${EVIDENCE_COLUMNS} FROM portfolio_evidence pe WHERE pe.item_id = $1 ORDER BY pe.created_at, pe.id`, [itemId]);
  }

  /** One evidence file if its item's trajectory is in the caller's scope; `lock` takes the item row for a delete. */
  async findInScope(id: string, scope: Scope, m: EntityManager = this.db.manager, lock = false): Promise<EvidenceRecord | null> {
    const params: unknown[] = [id];
    const rows = await m.query(
      `SELECT ${EVIDENCE_COLUMNS}, pe.storage_key AS "storageKey", pi.status AS "itemStatus", t.status AS "trajectoryStatus"
         FROM portfolio_evidence pe
         JOIN portfolio_item pi ON pi.id = pe.item_id
         JOIN trajectory t ON t.id = pi.trajectory_id
        WHERE pe.id = $1 AND ${trajectoryScopeSql(scope, params)}
        ${lock ? 'FOR UPDATE OF pi' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    v: { itemId: string; originalName: string; contentType: string; sizeBytes: number; sha256: string; storageKey: string; uploadedBy: string },
  ): Promise<string> {
    const rows = await m.query(
      `INSERT INTO portfolio_evidence (item_id, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [v.itemId, v.originalName, v.contentType, v.sizeBytes, v.sha256, v.storageKey, v.uploadedBy],
    );
    return rows[0].id;
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.query('DELETE FROM portfolio_evidence WHERE id = $1', [id]);
  }
}
