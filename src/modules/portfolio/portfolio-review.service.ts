import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException, StaleVersionException, ValidationFailedException } from '../../common/errors/domain.exception';
import { AuditService } from '../audit/audit.service';
import { ReviewPortfolioItemDto, SubmitPortfolioItemDto } from './dto/portfolio-transition.dto';
import { PortfolioItemView } from './dto/portfolio-item.dto';
import { InvalidPortfolioTransitionException, TrajectoryEndedException } from './portfolio.exception';
import { LockedItem, NOW, PortfolioItemRepository } from './portfolio-item.repository';
import { EDITABLE_ITEM_STATUSES, ENDED_TRAJECTORY_STATUSES } from './portfolio-scope';
import { PortfolioItemsService } from './portfolio-items.service';

/** The workflow draft → submitted → approved | needs_revision (→ submitted again). */
@Injectable()
export class PortfolioReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: PortfolioItemRepository,
    private readonly itemsService: PortfolioItemsService,
    private readonly audit: AuditService,
  ) {}

  async submit(id: string, dto: SubmitPortfolioItemDto, scope: Scope): Promise<PortfolioItemView> {
    return this.db.transaction(async (m) => {
      const item = await this.lockForTransition(m, id, dto.version, scope);
      if (!EDITABLE_ITEM_STATUSES.includes(item.status)) throw new InvalidPortfolioTransitionException('submit', item.status, EDITABLE_ITEM_STATUSES);
      if (!(await this.items.updateVersioned(m, id, dto.version, { status: 'submitted', submitted_at: NOW }))) {
        throw new StaleVersionException('Portfolio item');
      }
      await this.audit.record(m, scope, { action: 'submit', entityType: 'portfolio_item', entityId: id, fields: ['status', 'submittedAt'] });
      return this.itemsService.get(id, scope, m);
    });
  }

  async review(id: string, dto: ReviewPortfolioItemDto, scope: Scope): Promise<PortfolioItemView> {
    const feedback = dto.feedback?.trim() || null;
    if (dto.decision === 'needs_revision' && !feedback) {
      throw ValidationFailedException.field('feedback', 'is required when the decision is needs_revision');
    }
    return this.db.transaction(async (m) => {
      const item = await this.lockForTransition(m, id, dto.version, scope);
      if (item.status !== 'submitted') throw new InvalidPortfolioTransitionException('review', item.status, ['submitted']);
      const set = { status: dto.decision, feedback, reviewed_by: scope.userId, reviewed_at: NOW };
      if (!(await this.items.updateVersioned(m, id, dto.version, set))) throw new StaleVersionException('Portfolio item');
      await this.audit.record(m, scope, {
        action: 'review',
        entityType: 'portfolio_item',
        entityId: id,
        fields: ['status', 'feedback', 'reviewedBy', 'reviewedAt'],
      });
      return this.itemsService.get(id, scope, m);
    });
  }

  /** Scope (404), then version (409), then a read-only trajectory (422); the status rule is the caller's. */
  private async lockForTransition(m: EntityManager, id: string, version: number, scope: Scope): Promise<LockedItem> {
    const item = await this.items.lockInScope(m, id, scope);
    if (!item) throw new NotFoundException('Portfolio item', id);
    if (item.version !== version) throw new StaleVersionException('Portfolio item');
    if (ENDED_TRAJECTORY_STATUSES.includes(item.trajectoryStatus)) throw new TrajectoryEndedException(item.trajectoryStatus);
    return item;
  }
}
