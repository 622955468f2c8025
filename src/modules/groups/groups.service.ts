import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException, StaleVersionException, ValidationFailedException } from '../../common/errors/domain.exception';
import { GroupsConflictException, GroupsRuleException } from './groups.exception';
import { Page } from '../../common/http/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { PG_UNIQUE_VIOLATION, pgCode, pgConstraint } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { CreateGroupDto, GroupDetailView, GroupQueryDto, GroupTeacherView, GroupView, ScheduleSlotDto, UpdateGroupDto } from './dto/group.dto';
import { GroupRepository } from './group.repository';
import { EnrolmentRepository } from './enrolment.repository';

/** Column names of course_group for the fields a PATCH may change. */
const UPDATABLE: Record<string, string> = {
  code: 'code',
  name: 'name',
  location: 'location',
  municipalityId: 'municipality_id',
  productId: 'product_id',
  capacity: 'capacity',
  startDate: 'start_date',
  endDate: 'end_date',
};

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: GroupRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  today(): string {
    return todayIn(this.config.reportTimezone);
  }

  list(q: GroupQueryDto, scope: Scope): Promise<Page<GroupView>> {
    return this.repo.findPageInScope(q, scope, this.today());
  }

  teachers(): Promise<GroupTeacherView[]> {
    return this.repo.activeTeachers();
  }

  async get(id: string, scope: Scope): Promise<GroupDetailView> {
    const group = await this.repo.findDetailInScope(id, scope, this.today());
    if (!group) throw new NotFoundException('Group', id);
    return group;
  }

  async create(dto: CreateGroupDto, scope: Scope): Promise<GroupDetailView> {
    checkDayRange(dto);
    if (dto.endDate && dto.endDate < dto.startDate) throw ValidationFailedException.field('endDate', 'must be on or after startDate');
    const schedule = dto.schedule ?? [];
    checkSchedule(schedule);
    return this.uniqueCode(() =>
      this.db.transaction(async (m) => {
        await this.checkReferences(m, dto);
        const [row] = await m.query(
          `INSERT INTO course_group (code, name, location, municipality_id, product_id, capacity, start_date, end_date)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [dto.code, dto.name, dto.location, dto.municipalityId ?? null, dto.productId, dto.capacity, dto.startDate, dto.endDate ?? null],
        );
        await this.repo.replaceTeachers(m, row.id, dto.teacherIds ?? []);
        await this.repo.replaceSchedule(m, row.id, schedule);
        await this.audit.record(m, scope, { action: 'create', entityType: 'course_group', entityId: row.id, fields: Object.keys(dto) });
        return (await this.repo.findDetailInScope(row.id, scope, this.today(), m))!;
      }),
    );
  }

  async update(id: string, dto: UpdateGroupDto, scope: Scope): Promise<GroupDetailView> {
    if (dto.schedule) checkSchedule(dto.schedule);
    checkDayRange(dto);
    return this.uniqueCode(() =>
      this.db.transaction(async (m) => {
        const current = await this.repo.lockForUpdate(m, id);
        if (!current) throw new NotFoundException('Group', id);
        const startDate = dto.startDate ?? current.startDate;
        const endDate = dto.endDate !== undefined ? dto.endDate : current.endDate;
        if (endDate && endDate < startDate) {
          throw ValidationFailedException.field(dto.endDate !== undefined ? 'endDate' : 'startDate', 'endDate must be on or after startDate');
        }
        await this.checkReferences(m, dto);
        if (dto.capacity !== undefined && dto.capacity < current.capacity) {
          // Under the group lock, so no enrolment slips in between the count and the change.
          const peak = await this.enrolments.peakOccupancy(m, id, startDate, endDate);
          if (peak > dto.capacity) {
            throw new GroupsRuleException('capacity_below_enrolments', `The group has ${peak} learners enrolled on a day of its period`, [
              { field: 'capacity', message: `is below the ${peak} learners enrolled on one day of the group's period` },
            ]);
          }
        }
        const sets: string[] = [];
        const params: unknown[] = [id, dto.version];
        for (const [field, column] of Object.entries(UPDATABLE)) {
          const value = (dto as unknown as Record<string, unknown>)[field];
          if (value === undefined) continue;
          params.push(value);
          sets.push(`${column} = $${params.length}`);
        }
        const res: [unknown[], number] = await m.query(
          `UPDATE course_group SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
            WHERE id = $1 AND version = $2 RETURNING id`,
          params,
        );
        if (!res[1]) throw new StaleVersionException('Group');
        if (dto.teacherIds) await this.repo.replaceTeachers(m, id, dto.teacherIds);
        if (dto.schedule) await this.repo.replaceSchedule(m, id, dto.schedule);
        const fields = Object.keys(dto).filter((k) => k !== 'version' && (dto as unknown as Record<string, unknown>)[k] !== undefined);
        await this.audit.record(m, scope, { action: 'update', entityType: 'course_group', entityId: id, fields });
        return (await this.repo.findDetailInScope(id, scope, this.today(), m))!;
      }),
    );
  }

  private async checkReferences(m: EntityManager, dto: { productId?: string; municipalityId?: string | null; teacherIds?: string[] }): Promise<void> {
    if (dto.productId && !(await this.repo.exists(m, 'product', dto.productId))) throw ValidationFailedException.field('productId', 'does not exist');
    if (dto.municipalityId && !(await this.repo.exists(m, 'municipality', dto.municipalityId))) {
      throw ValidationFailedException.field('municipalityId', 'does not exist');
    }
    if (dto.teacherIds?.length) {
      const found = await this.repo.teacherIdsAmong(m, dto.teacherIds);
      const bad = dto.teacherIds.filter((t) => !found.has(t));
      if (bad.length) throw ValidationFailedException.field('teacherIds', `not an active user with role teacher: ${bad.join(', ')}`);
    }
  }

  private async uniqueCode<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (pgCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === 'uq_course_group_code') {
        throw new GroupsConflictException('duplicate', 'A group with this code exists', [{ field: 'code', message: 'is already in use' }]);
      }
      throw e;
    }
  }
}

/** Two slots at the same weekday and time would make the same lesson twice. */
function checkSchedule(slots: ScheduleSlotDto[]): void {
  const seen = new Set<string>();
  slots.forEach((s, i) => {
    const key = `${s.weekday} ${s.startTime}`;
    if (seen.has(key)) throw ValidationFailedException.field(`schedule[${i}]`, `repeats weekday ${s.weekday} at ${s.startTime}`);
    seen.add(key);
  });
}

/** Group periods within this century's working range: 9999-12-31 is a typo and would be planned for ever. */
const EARLIEST_DAY = '2000-01-01';
const LATEST_DAY = '2100-12-31';

function checkDayRange(dto: { startDate?: string; endDate?: string | null }): void {
  for (const field of ['startDate', 'endDate'] as const) {
    const day = dto[field];
    if (day && (day < EARLIEST_DAY || day > LATEST_DAY)) throw ValidationFailedException.field(field, `must be between ${EARLIEST_DAY} and ${LATEST_DAY}`);
  }
}
