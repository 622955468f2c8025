import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException, StaleVersionException, ValidationFailedException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { CompleteTrajectoryDto, DropOutTrajectoryDto, TransitionDto } from './dto/transition.dto';
import { TrajectoryViewDto } from './dto/trajectory-view.dto';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryColumns, TrajectoryRepository, TrajectoryState } from './trajectory.repository';
import { nextStatus, TrajectoryTransition } from './trajectory-status';

interface Effect {
  columns: TrajectoryColumns;
  fields: string[];
}

@Injectable()
export class TrajectoryTransitionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: TrajectoryRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  activate(id: string, dto: TransitionDto, scope: Scope) {
    return this.run(id, 'activate', dto.version, scope, () => ({ columns: {}, fields: [] }));
  }

  suspend(id: string, dto: TransitionDto, scope: Scope) {
    return this.run(id, 'suspend', dto.version, scope, () => ({ columns: {}, fields: [] }));
  }

  resume(id: string, dto: TransitionDto, scope: Scope) {
    return this.run(id, 'resume', dto.version, scope, () => ({ columns: {}, fields: [] }));
  }

  complete(id: string, dto: CompleteTrajectoryDto, scope: Scope) {
    return this.run(id, 'complete', dto.version, scope, (state) => {
      this.checkEndDate('endDate', dto.endDate, state);
      return { columns: { end_date: dto.endDate }, fields: ['endDate'] };
    });
  }

  dropOut(id: string, dto: DropOutTrajectoryDto, scope: Scope) {
    if (dto.reason === 'other' && !dto.note?.trim()) throw ValidationFailedException.field('note', 'is required when reason is other');
    return this.run(id, 'drop_out', dto.version, scope, (state) => {
      this.checkEndDate('date', dto.date, state);
      return {
        columns: { end_date: dto.date, dropout_reason: dto.reason, dropout_note: dto.note?.trim() || null, never_active: state.status === 'planned' },
        fields: ['endDate', 'dropoutReason', 'dropoutNote'],
      };
    });
  }

  private checkEndDate(field: string, date: string, state: TrajectoryState): void {
    if (date < state.startDate) throw ValidationFailedException.field(field, `must be on or after the start date (${state.startDate})`);
    const today = todayIn(this.config.reportTimezone);
    if (date > today) throw ValidationFailedException.field(field, `cannot be in the future (today is ${today})`);
  }

  /** 404 → refused transition 422 (names the current status) → stale 409 → field checks 400 → versioned UPDATE + audit. */
  private async run(
    id: string,
    transition: TrajectoryTransition,
    version: number,
    scope: Scope,
    effect: (state: TrajectoryState) => Effect,
  ): Promise<TrajectoryViewDto> {
    return this.db.transaction(async (m) => {
      const state = await this.repo.findState(m, id);
      if (!state) throw new NotFoundException('Trajectory', id);
      const status = nextStatus(state.status, transition);
      if (state.version !== version) throw new StaleVersionException('Trajectory');
      const { columns, fields } = effect(state);
      if (!(await this.repo.updateVersioned(m, id, version, { status, ...columns }))) throw new StaleVersionException('Trajectory');
      await this.audit.record(m, scope, { action: `status.${transition}`, entityType: 'trajectory', entityId: id, fields: ['status', ...fields] });
      return this.trajectories.get(id, scope, m);
    });
  }
}
