import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException, StaleVersionException } from '../../common/errors/domain.exception';
import { Page } from '../../common/http/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { CreatePortfolioItemDto } from './dto/create-portfolio-item.dto';
import { PortfolioItemQueryDto } from './dto/portfolio-item-query.dto';
import { PortfolioItemView } from './dto/portfolio-item.dto';
import { UpdatePortfolioItemDto } from './dto/update-portfolio-item.dto';
import { PortfolioCompleteness, PortfolioCompletenessRepository } from './portfolio-completeness.repository';
import { ItemNotEditableException, TrajectoryEndedException } from './portfolio.exception';
import { PortfolioItemRepository } from './portfolio-item.repository';
import { EDITABLE_ITEM_STATUSES, ENDED_TRAJECTORY_STATUSES } from './portfolio-scope';

/** Creating, reading and editing portfolio items (the review workflow is in PortfolioReviewService). */
@Injectable()
export class PortfolioItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: PortfolioItemRepository,
    private readonly completenessRepo: PortfolioCompletenessRepository,
    private readonly audit: AuditService,
  ) {}

  async list(trajectoryId: string, q: PortfolioItemQueryDto, scope: Scope): Promise<Page<PortfolioItemView>> {
    if (!(await this.items.findTrajectoryInScope(trajectoryId, scope))) throw new NotFoundException('Trajectory', trajectoryId);
    return this.items.findPage(trajectoryId, q);
  }

  async get(id: string, scope: Scope, m?: EntityManager): Promise<PortfolioItemView> {
    const item = await this.items.findViewInScope(id, scope, m);
    if (!item) throw new NotFoundException('Portfolio item', id);
    return item;
  }

  async completeness(trajectoryId: string, scope: Scope): Promise<PortfolioCompleteness> {
    if (!(await this.items.findTrajectoryInScope(trajectoryId, scope))) throw new NotFoundException('Trajectory', trajectoryId);
    const result = await this.completenessRepo.findForTrajectory(trajectoryId);
    if (!result) throw new NotFoundException('Trajectory', trajectoryId);
    return result;
  }

  async create(trajectoryId: string, dto: CreatePortfolioItemDto, scope: Scope): Promise<PortfolioItemView> {
    return this.db.transaction(async (m) => {
      // Lock the trajectory so it cannot end while the item is added.
      await m.query('SELECT 1 FROM trajectory WHERE id = $1 FOR SHARE', [trajectoryId]);
      const trajectory = await this.items.findTrajectoryInScope(trajectoryId, scope, m);
      if (!trajectory) throw new NotFoundException('Trajectory', trajectoryId);
      if (ENDED_TRAJECTORY_STATUSES.includes(trajectory.status)) throw new TrajectoryEndedException(trajectory.status);
      const id = await this.items.insert(m, { trajectoryId, domain: dto.domain, title: dto.title, description: dto.description ?? '' });
      await this.audit.record(m, scope, { action: 'create', entityType: 'portfolio_item', entityId: id, fields: Object.keys(dto) });
      return this.get(id, scope, m);
    });
  }

  async update(id: string, dto: UpdatePortfolioItemDto, scope: Scope): Promise<PortfolioItemView> {
    return this.db.transaction(async (m) => {
      const item = await this.items.lockInScope(m, id, scope);
      if (!item) throw new NotFoundException('Portfolio item', id);
      if (item.version !== dto.version) throw new StaleVersionException('Portfolio item');
      if (ENDED_TRAJECTORY_STATUSES.includes(item.trajectoryStatus)) throw new TrajectoryEndedException(item.trajectoryStatus);
      if (!EDITABLE_ITEM_STATUSES.includes(item.status)) throw new ItemNotEditableException(item.status);
      const set: Record<string, unknown> = {};
      if (dto.domain !== undefined) set.domain = dto.domain;
      if (dto.title !== undefined) set.title = dto.title;
      if (dto.description !== undefined) set.description = dto.description;
      const fields = Object.keys(set);
      if (fields.length) {
        if (!(await this.items.updateVersioned(m, id, dto.version, set))) throw new StaleVersionException('Portfolio item');
        await this.audit.record(m, scope, { action: 'update', entityType: 'portfolio_item', entityId: id, fields });
      }
      return this.get(id, scope, m);
    });
  }
}
