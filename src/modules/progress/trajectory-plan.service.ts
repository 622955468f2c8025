import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { visibleFields } from '../../common/auth/field-visibility';
import { Scope } from '../../common/auth/scope';
import { NotFoundException, StaleVersionException } from '../../common/errors/domain.exception';
import { Page, PageQueryDto } from '../../common/http/page-query.dto';
import { LearnerScopeRepository } from '../assessments/learner-scope.repository';
import { AuditService } from '../audit/audit.service';
import { TrajectoryPlan } from '../trajectories/entities/trajectory.entity';
import { PlanRevisionDto, TrajectoryPlanViewDto, UpdatePlanDto } from './dto/trajectory-plan.dto';
import { PlanRevisionRepository } from './plan-revision.repository';
import { assertNotEnded } from './trajectory-state';

@Injectable()
export class TrajectoryPlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PlanRevisionRepository,
    private readonly scopes: LearnerScopeRepository,
    private readonly audit: AuditService,
  ) {}

  async get(trajectoryId: string, scope: Scope): Promise<TrajectoryPlanViewDto> {
    if (!(await this.scopes.findTrajectory(trajectoryId, scope))) throw new NotFoundException('Trajectory', trajectoryId);
    const view = (await this.repo.findPlan(trajectoryId)) as TrajectoryPlanViewDto;
    return { ...view, plan: visibleFields('plan', scope.role, view.plan) };
  }

  async history(trajectoryId: string, q: PageQueryDto, scope: Scope): Promise<Page<PlanRevisionDto>> {
    if (!(await this.scopes.findTrajectory(trajectoryId, scope))) throw new NotFoundException('Trajectory', trajectoryId);
    const page = await this.repo.findHistoryPage(trajectoryId, q);
    return { ...page, items: page.items.map((r) => ({ ...r, plan: visibleFields('plan', scope.role, r.plan) })) };
  }

  /** Saves the plan with a version check and keeps the saved version as a revision, in one transaction. */
  async update(trajectoryId: string, dto: UpdatePlanDto, scope: Scope): Promise<TrajectoryPlanViewDto> {
    const plan = toPlain(dto.plan);
    return this.db.transaction(async (m) => {
      const trajectory = await this.scopes.findTrajectory(trajectoryId, scope, m);
      if (!trajectory) throw new NotFoundException('Trajectory', trajectoryId);
      assertNotEnded(trajectory.status);
      const version = await this.repo.updatePlan(m, trajectoryId, dto.version, plan);
      if (version === null) {
        // Lost a race: either someone saved first (stale) or the trajectory ended meanwhile.
        assertNotEnded((await this.repo.currentStatus(m, trajectoryId)) ?? '');
        throw new StaleVersionException('Trajectory');
      }
      await this.repo.insertRevision(m, { trajectoryId, trajectoryVersion: version, plan, changedBy: scope.userId });
      await this.audit.record(m, scope, { action: 'update', entityType: 'trajectory', entityId: trajectoryId, fields: ['plan'] });
      return { trajectoryId, version, plan };
    });
  }
}

/** Only the fields that were sent (nulls dropped), as plain JSON. */
function toPlain(plan: UpdatePlanDto['plan']): TrajectoryPlan {
  const out: TrajectoryPlan = {};
  if (plan.goals) {
    out.goals = Object.fromEntries(Object.entries(plan.goals).filter(([, text]) => typeof text === 'string')) as Record<string, string>;
  }
  if (typeof plan.agreements === 'string') out.agreements = plan.agreements;
  return out;
}
