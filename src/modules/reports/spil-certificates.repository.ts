import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportsDataSource } from '../../database/reports-data-source';
import type { SpilQueryParams } from './spil-report.repository';
import { cefrIndexSql } from './spil-sql-rules';

export interface CertificateCountRow {
  municipalityId: string | null;
  kind: string;
  /** For `level` certificates the highest CEFR level stated on it; null for the other kinds. */
  level: string | null;
  n: number;
}

/**
 * certificates_issued per kind and level: certificates of the municipality's trajectories with an issue date in the
 * period (a later revocation does not undo that it was issued then).
 */
@Injectable()
export class SpilCertificatesRepository {
  constructor(@InjectReportsDataSource() private readonly db: DataSource) {}

  issued(p: SpilQueryParams): Promise<CertificateCountRow[]> {
    return this.db.query(
      `/* spil:certificates_issued */
       WITH c AS (
         SELECT t.municipality_id, c.kind,
                CASE WHEN c.kind = 'level' THEN
                  (SELECT l.level FROM jsonb_to_recordset(coalesce(c.facts -> 'levels', '[]'::jsonb)) AS l(skill text, level text)
                    WHERE ${cefrIndexSql('l.level')} IS NOT NULL ORDER BY ${cefrIndexSql('l.level')} DESC LIMIT 1)
                END AS level
           FROM certificate c JOIN trajectory t ON t.id = c.trajectory_id
          WHERE t.municipality_id = ANY($1::uuid[]) AND c.issue_date BETWEEN $2::date AND $3::date
       )
       SELECT c.municipality_id AS "municipalityId", c.kind, c.level, count(*)::int AS n
         FROM c
        GROUP BY GROUPING SETS ((c.municipality_id, c.kind, c.level), (c.kind, c.level))
        ORDER BY c.kind, c.level`,
      [p.municipalityIds, p.from, p.to],
    );
  }
}
