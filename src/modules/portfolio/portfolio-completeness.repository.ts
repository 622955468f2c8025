import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Portfolio completeness of trajectory alias `t` with its product alias `p`:
 * approved distinct required domains ÷ distinct required domains; 1 when the
 * product requires none. Embed in report queries (e.g. SPIL's mean).
 */
export function portfolioCompletenessSql(t = 't', p = 'p'): string {
  return `(CASE WHEN cardinality(${p}.required_domains) = 0 THEN 1.0::float8 ELSE
    (SELECT count(DISTINCT pci.domain) FROM portfolio_item pci
      WHERE pci.trajectory_id = ${t}.id AND pci.status = 'approved' AND pci.domain = ANY(${p}.required_domains))::float8
    / (SELECT count(DISTINCT d) FROM unnest(${p}.required_domains) d)::float8 END)`;
}

export interface PortfolioCompleteness {
  trajectoryId: string;
  requiredDomains: string[];
  approvedDomains: string[];
  completeness: number;
}

/** Completeness queries, computed in the database; reusable by other modules. */
@Injectable()
export class PortfolioCompletenessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findForTrajectory(trajectoryId: string, m: EntityManager = this.db.manager): Promise<PortfolioCompleteness | null> {
    const rows = await m.query(
      `SELECT t.id AS "trajectoryId",
              ARRAY(SELECT DISTINCT d FROM unnest(p.required_domains) d ORDER BY d) AS "requiredDomains",
              ARRAY(SELECT DISTINCT pi.domain::text FROM portfolio_item pi
                     WHERE pi.trajectory_id = t.id AND pi.status = 'approved' AND pi.domain = ANY(p.required_domains)
                     ORDER BY 1) AS "approvedDomains",
              ${portfolioCompletenessSql('t', 'p')} AS completeness
         FROM trajectory t JOIN product p ON p.id = t.product_id
        WHERE t.id = $1`,
      [trajectoryId],
    );
    return rows[0] ?? null;
  }

  /** Mean completeness over the given trajectories (null for none). */
  async meanForTrajectories(trajectoryIds: string[], m: EntityManager = this.db.manager): Promise<number | null> {
    const [row] = await m.query(
      `SELECT avg(${portfolioCompletenessSql('t', 'p')})::float8 AS mean
         FROM trajectory t JOIN product p ON p.id = t.product_id
        WHERE t.id = ANY($1::uuid[])`,
      [trajectoryIds],
    );
    return row?.mean ?? null;
  }
}
