import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import {
  NotFoundException,
  ValidationFailedException,
} from '../../common/errors/domain.exception';
import { GroupsConflictException, GroupsRuleException } from './groups.exception';
import { UNFINISHED_TRAJECTORY_STATUSES } from '../../common/domain/vocabulary';
import { Page } from '../../common/http/page-query.dto';
import { PG_EXCLUSION_VIOLATION, pgCode } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { CreateEnrolmentDto, EndEnrolmentDto, EnrolmentQueryDto, EnrolmentView } from './dto/enrolment.dto';
import { EnrolmentRepository } from './enrolment.repository';
import { GroupRepository, LockedGroup } from './group.repository';

@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly groups: GroupRepository,
    private readonly audit: AuditService,
  ) {}

  async list(groupId: string, q: EnrolmentQueryDto, scope: Scope): Promise<Page<EnrolmentView>> {
    if (!(await this.groups.existsInScope(groupId, scope))) throw new NotFoundException('Group', groupId);
    return this.enrolments.findPageOfGroup(groupId, q, scope);
  }

  /** Enrols a trajectory; the group row lock makes the capacity check hold under concurrent requests. */
  async create(groupId: string, dto: CreateEnrolmentDto, scope: Scope): Promise<EnrolmentView> {
    const toDate = dto.toDate ?? null;
    if (toDate && toDate < dto.fromDate) throw ValidationFailedException.field('toDate', 'must be on or after fromDate');
    return this.noOverlap(() =>
      this.db.transaction(async (m) => {
        const group = await this.groups.lockForUpdate(m, groupId);
        if (!group) throw new NotFoundException('Group', groupId);
        checkWithinGroup(group, dto.fromDate, toDate);
        const trajectory = await this.enrolments.trajectory(m, dto.trajectoryId);
        if (!trajectory) throw ValidationFailedException.field('trajectoryId', 'does not exist');
        if (!UNFINISHED_TRAJECTORY_STATUSES.includes(trajectory.status as never)) {
          throw new GroupsRuleException('trajectory_not_enrollable', `A ${trajectory.status} trajectory cannot be enrolled in a group`, [
            { field: 'trajectoryId', message: `trajectory is ${trajectory.status}; only planned, active or suspended trajectories can be enrolled` },
          ]);
        }
        if (dto.fromDate < trajectory.startDate) throw ValidationFailedException.field('fromDate', `is before the trajectory's start date ${trajectory.startDate}`);
        await this.checkCapacity(m, group, dto.fromDate, toDate, null);
        const id = await this.enrolments.insert(m, groupId, dto.trajectoryId, dto.fromDate, toDate);
        await this.audit.record(m, scope, { action: 'create', entityType: 'enrolment', entityId: id, fields: ['groupId', 'trajectoryId', 'fromDate', 'toDate'] });
        return (await this.enrolments.findById(m, id))!;
      }),
    );
  }

  /** Sets the last day of an enrolment (ending it, or moving its end). */
  async end(id: string, dto: EndEnrolmentDto, scope: Scope): Promise<EnrolmentView> {
    return this.noOverlap(() =>
      this.db.transaction(async (m) => {
        const before = await this.enrolments.findRow(m, id);
        if (!before) throw new NotFoundException('Enrolment', id);
        const group = (await this.groups.lockForUpdate(m, before.groupId))!;
        // Re-read under the group lock: a concurrent change may have landed in between.
        const current = (await this.enrolments.findRow(m, id))!;
        if (dto.toDate < current.fromDate) throw ValidationFailedException.field('toDate', `must be on or after fromDate ${current.fromDate}`);
        checkWithinGroup(group, current.fromDate, dto.toDate);
        // Only a later end can add occupancy.
        if (current.toDate !== null && dto.toDate > current.toDate) await this.checkCapacity(m, group, current.fromDate, dto.toDate, id);
        // Ending before lessons that already have the learner's attendance would leave records of a learner no longer in the group.
        const after = await this.enrolments.attendanceAfter(m, current, dto.toDate);
        if (after.count) {
          throw new GroupsRuleException('enrolment_has_attendance', `The trajectory has attendance at ${after.count} lessons of this group after ${dto.toDate}`, [
            { field: 'toDate', message: `has attendance recorded at ${after.count} lessons after this date (the last on ${after.last})` },
          ]);
        }
        await this.enrolments.setToDate(m, id, dto.toDate);
        await this.audit.record(m, scope, { action: 'update', entityType: 'enrolment', entityId: id, fields: ['toDate'] });
        return (await this.enrolments.findById(m, id))!;
      }),
    );
  }

  private async checkCapacity(m: EntityManager, group: LockedGroup, from: string, to: string | null, excludeId: string | null): Promise<void> {
    const peak = await this.enrolments.peakOccupancy(m, group.id, from, to, excludeId);
    if (peak >= group.capacity) {
      throw new GroupsConflictException('group_full', `The group is full (capacity ${group.capacity}) on at least one day of this period`);
    }
  }

  private async noOverlap<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (pgCode(e) === PG_EXCLUSION_VIOLATION) {
        throw new GroupsConflictException('enrolment_overlap', 'This trajectory is already enrolled in this group for an overlapping period', [
          { field: 'fromDate', message: 'overlaps an existing enrolment of this trajectory in this group' },
        ]);
      }
      throw e;
    }
  }
}

function checkWithinGroup(group: LockedGroup, fromDate: string, toDate: string | null): void {
  if (fromDate < group.startDate) throw ValidationFailedException.field('fromDate', `is before the group's start date ${group.startDate}`);
  if (group.endDate && fromDate > group.endDate) throw ValidationFailedException.field('fromDate', `is after the group's end date ${group.endDate}`);
  if (group.endDate && toDate && toDate > group.endDate) throw ValidationFailedException.field('toDate', `is after the group's end date ${group.endDate}`);
}
