import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { offsetOf, Page, PageQueryDto, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { TrajectoryPlan } from '../trajectories/entities/trajectory.entity';
import { PlanRevisionDto, TrajectoryPlanViewDto } from './dto/trajectory-plan.dto';
import { PlanRevision } from './entities/plan-revision.entity';

const HISTORY_SORTS = { changedAt: 'r.created_at', trajectoryVersion: 'r.trajectory_version' };

/** The trajectory's plan column and its history rows. */
@Injectable()
export class PlanRevisionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPlan(trajectoryId: string, m: EntityManager = this.db.manager): Promise<TrajectoryPlanViewDto | null> {
    const rows: TrajectoryPlanViewDto[] = await m.query(
      `SELECT id AS "trajectoryId", version, plan FROM trajectory WHERE id = $1`,
      [trajectoryId],
    );
    return rows[0] ?? null;
  }

  /** Optimistic lock: the new version, or null when the version is stale or the trajectory has ended. */
  async updatePlan(m: EntityManager, trajectoryId: string, version: number, plan: TrajectoryPlan): Promise<number | null> {
    const rows: { version: number }[] = await m.query(
      `WITH u AS (
         UPDATE trajectory SET plan = $3::jsonb, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 AND status NOT IN ('completed', 'dropped_out')
         RETURNING version)
       SELECT version FROM u`,
      [trajectoryId, version, JSON.stringify(plan)],
    );
    return rows[0]?.version ?? null;
  }

  async currentStatus(m: EntityManager, trajectoryId: string): Promise<string | null> {
    const rows: { status: string }[] = await m.query(`SELECT status FROM trajectory WHERE id = $1`, [trajectoryId]);
    return rows[0]?.status ?? null;
  }

  async insertRevision(m: EntityManager, values: Partial<PlanRevision>): Promise<void> {
    await m.insert(PlanRevision, values);
  }

  async findHistoryPage(trajectoryId: string, q: PageQueryDto): Promise<Page<PlanRevisionDto>> {
    const order = orderBySql(parseSort(q.sort, HISTORY_SORTS, '-changedAt'), 'r.trajectory_version DESC, r.id');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM plan_revision WHERE trajectory_id = $1`, [trajectoryId]);
    const items: PlanRevisionDto[] = await this.db.query(
      `SELECT r.id, r.trajectory_id AS "trajectoryId", r.trajectory_version AS "trajectoryVersion", r.plan,
              r.changed_by AS "changedBy", u.display_name AS "changedByName", r.created_at AS "changedAt"
         FROM plan_revision r LEFT JOIN app_user u ON u.id = r.changed_by
        WHERE r.trajectory_id = $1
        ORDER BY ${order}
        LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      [trajectoryId],
    );
    return pageOf(items, total, q);
  }
}
