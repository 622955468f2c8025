import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface PortfolioCompleteness {
  trajectoryId: string;
  requiredDomains: string[];
  approvedDomains: string[];
  completeness: number;
}

/** Completeness queries; the rule is src/modules/portfolio/sql/koers_portfolio_completeness.sql. */
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
              koers_portfolio_completeness(t.id, NULL) AS completeness
         FROM trajectory t JOIN product p ON p.id = t.product_id
        WHERE t.id = $1`,
      [trajectoryId],
    );
    return rows[0] ?? null;
  }

  /** Mean completeness over the given trajectories (null for none). */
  async meanForTrajectories(trajectoryIds: string[], m: EntityManager = this.db.manager): Promise<number | null> {
    const [row] = await m.query(
      `SELECT avg(koers_portfolio_completeness(t.id, NULL))::float8 AS mean
         FROM trajectory t
        WHERE t.id = ANY($1::uuid[])`,
      [trajectoryIds],
    );
    return row?.mean ?? null;
  }
}
