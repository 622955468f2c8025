import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import {
  NotFoundException,
  StaleVersionException,
  ValidationFailedException,
} from '../../common/errors/domain.exception';
import { TrajectoriesConflictException, TrajectoriesRuleException } from './trajectories.exception';
import { addWeeks } from '../../common/domain/calendar';
import { Page } from '../../common/http/page-query.dto';
import { PG_UNIQUE_VIOLATION, pgCode, pgConstraint } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { CreateTrajectoryDto } from './dto/create-trajectory.dto';
import { TrajectoryQueryDto } from './dto/trajectory-query.dto';
import { TrajectoryViewDto } from './dto/trajectory-view.dto';
import { UpdateTrajectoryDto } from './dto/update-trajectory.dto';
import { IntegrationAgreement, Trajectory, TrajectoryPlan } from './entities/trajectory.entity';
import { ContractRef, TrajectoryReferencesRepository } from './trajectory-references.repository';
import { TrajectoryColumns, TrajectoryRepository, TrajectoryState } from './trajectory.repository';
import { isEnded } from './trajectory-status';

const UNFINISHED_INDEX = 'uq_trajectory_unfinished_per_learner';

/** Longest planned duration accepted: 10 years (routes take 1-3). */
const MAX_PLANNED_WEEKS = 522;

/** DTO instances → plain JSON (drops undefined keys) for jsonb columns. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** PATCH field → column; these may change while the trajectory is unfinished. */
const EDITABLE: Record<string, string> = {
  startDate: 'start_date',
  plannedEndDate: 'planned_end_date',
  contractedHours: 'contracted_hours',
  targetLevels: 'target_levels',
  legalRegime: 'legal_regime',
  pipDate: 'pip_date',
  plan: 'plan',
  integrationAgreement: 'integration_agreement',
};

@Injectable()
export class TrajectoriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: TrajectoryRepository,
    private readonly refs: TrajectoryReferencesRepository,
    private readonly audit: AuditService,
  ) {}

  list(q: TrajectoryQueryDto, scope: Scope): Promise<Page<TrajectoryViewDto>> {
    return this.repo.findPageInScope(q, scope);
  }

  async get(id: string, scope: Scope, m?: EntityManager): Promise<TrajectoryViewDto> {
    const view = await this.repo.findViewInScope(id, scope, m);
    if (!view) throw new NotFoundException('Trajectory', id);
    return view;
  }

  async create(dto: CreateTrajectoryDto, scope: Scope): Promise<TrajectoryViewDto> {
    if (dto.plannedEndDate !== undefined) checkPlannedEnd(dto.startDate, dto.plannedEndDate);
    try {
      return await this.db.transaction(async (m) => {
        const product = await this.checkReferences(m, dto);
        const values: Partial<Trajectory> = {
          learnerId: dto.learnerId,
          municipalityId: dto.municipalityId,
          contractId: dto.contractId,
          productId: dto.productId,
          status: 'planned',
          startDate: dto.startDate,
          plannedEndDate: dto.plannedEndDate ?? addWeeks(dto.startDate, product.plannedDurationWeeks),
          contractedHours: dto.contractedHours ?? product.contractedHours,
          targetLevels: dto.targetLevels ? (plain(dto.targetLevels) as Record<string, string>) : { ...product.defaultTargets },
          legalRegime: dto.legalRegime ?? product.legalRegime,
          pipDate: dto.pipDate ?? null,
          plan: dto.plan ? (plain(dto.plan) as TrajectoryPlan) : {},
          integrationAgreement: dto.integrationAgreement ? (plain(dto.integrationAgreement) as IntegrationAgreement) : {},
        };
        const id = await this.repo.insert(m, values);
        const fields = Object.keys(values).filter((k) => values[k as keyof Trajectory] !== null);
        await this.audit.record(m, scope, { action: 'create', entityType: 'trajectory', entityId: id, fields });
        return this.get(id, scope, m);
      });
    } catch (e) {
      if (pgCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === UNFINISHED_INDEX) {
        throw new TrajectoriesConflictException('unfinished_trajectory_exists', 'This learner already has a trajectory that is not finished (planned, active or suspended)', [
          { field: 'learnerId', message: 'already has an unfinished trajectory' },
        ]);
      }
      throw e;
    }
  }

  /** Each reference must exist; the contract must be the municipality's and include the product. */
  private async checkReferences(m: EntityManager, dto: CreateTrajectoryDto) {
    if (!(await this.refs.learnerExists(m, dto.learnerId))) throw ValidationFailedException.field('learnerId', 'does not exist');
    if (!(await this.refs.municipalityExists(m, dto.municipalityId))) throw ValidationFailedException.field('municipalityId', 'does not exist');
    const contract = await this.refs.findContract(m, dto.contractId);
    if (!contract) throw ValidationFailedException.field('contractId', 'does not exist');
    if (contract.municipalityId !== dto.municipalityId) {
      throw ValidationFailedException.field('contractId', 'belongs to another municipality than municipalityId');
    }
    const product = await this.refs.findProduct(m, dto.productId);
    if (!product) throw ValidationFailedException.field('productId', 'does not exist');
    if (!(await this.refs.contractIncludesProduct(m, dto.contractId, dto.productId))) {
      throw ValidationFailedException.field('productId', 'is not part of the contract');
    }
    if (!product.active) throw ValidationFailedException.field('productId', 'is no longer offered');
    checkWithinContract(dto.startDate, contract);
    return product;
  }

  async update(id: string, dto: UpdateTrajectoryDto, scope: Scope): Promise<TrajectoryViewDto> {
    return this.db.transaction(async (m) => {
      const state = await this.repo.findState(m, id);
      if (!state) throw new NotFoundException('Trajectory', id);
      if (isEnded(state.status)) {
        throw new TrajectoriesRuleException('trajectory_ended', `The trajectory is ${state.status} and can no longer be changed`, [
          { field: 'status', message: `is ${state.status}` },
        ]);
      }
      if (state.version !== dto.version) throw new StaleVersionException('Trajectory');
      const { columns, fields } = this.changes(dto, state);
      if (columns.start_date !== undefined) {
        // The same rule as on create: billing needs the start inside the contract's period.
        const contract = await this.refs.findContract(m, state.contractId);
        if (contract) checkWithinContract(dto.startDate!, contract);
      }
      if (!fields.length) return this.get(id, scope, m);
      if (!(await this.repo.updateVersioned(m, id, dto.version, columns))) throw new StaleVersionException('Trajectory');
      if (columns.plan !== undefined) {
        // Keep the plan history complete whichever route changed the plan.
        await m.query(
          `INSERT INTO plan_revision (trajectory_id, trajectory_version, plan, changed_by) VALUES ($1, $2, $3, $4)`,
          [id, dto.version + 1, JSON.stringify(columns.plan), scope.userId],
        );
      }
      await this.audit.record(m, scope, { action: 'update', entityType: 'trajectory', entityId: id, fields });
      return this.get(id, scope, m);
    });
  }

  private changes(dto: UpdateTrajectoryDto, state: TrajectoryState): { columns: TrajectoryColumns; fields: string[] } {
    const startChanged = dto.startDate !== undefined && dto.startDate !== state.startDate;
    if (startChanged && state.status !== 'planned') {
      // Billing and reports date the start milestone from it once the trajectory runs.
      throw new TrajectoriesRuleException('start_date_fixed', `The start date can only change while the trajectory is planned; it is ${state.status}`, [
        { field: 'startDate', message: `cannot change while ${state.status}` },
      ]);
    }
    const start = dto.startDate ?? state.startDate;
    const plannedEnd = dto.plannedEndDate ?? state.plannedEndDate;
    checkPlannedEnd(start, plannedEnd);
    const columns: TrajectoryColumns = {};
    const fields: string[] = [];
    for (const [field, column] of Object.entries(EDITABLE)) {
      const value = (dto as unknown as Record<string, unknown>)[field];
      if (value === undefined || (field === 'startDate' && !startChanged)) continue;
      columns[column] = value !== null && typeof value === 'object' ? plain(value) : (value as string | number | null);
      fields.push(field);
    }
    return { columns, fields };
  }
}

/** A planned end before the start, or decades away (a typo such as 9999-12-31), is refused. */
function checkPlannedEnd(start: string, plannedEnd: string): void {
  if (plannedEnd < start) throw ValidationFailedException.field('plannedEndDate', `must be on or after startDate (${start})`);
  const latest = addWeeks(start, MAX_PLANNED_WEEKS);
  if (plannedEnd > latest) throw ValidationFailedException.field('plannedEndDate', `must be on or before ${latest} (at most 10 years after startDate)`);
}

function checkWithinContract(startDate: string, contract: ContractRef): void {
  if (startDate < contract.validFrom || (contract.validTo !== null && startDate > contract.validTo)) {
    throw ValidationFailedException.field('startDate', `falls outside the contract period (${contract.validFrom} to ${contract.validTo ?? 'open'})`);
  }
}
