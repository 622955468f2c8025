import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { GroupsRuleException } from './groups.exception';
import { Page } from '../../common/http/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { GenerateLessonsDto, GenerateLessonsResultDto, LessonFilterOptionsDto, LessonQueryDto, LessonView, UpdateLessonDto } from './dto/lesson.dto';
import { GroupRepository } from './group.repository';
import { LessonRepository } from './lesson.repository';
import { daysInRange, lessonOccurrences } from './lesson-schedule';

/** Longest range one generate call may cover (two years, inclusive of a leap day). */
export const MAX_GENERATE_DAYS = 731;

@Injectable()
export class LessonsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lessons: LessonRepository,
    private readonly groups: GroupRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  list(q: LessonQueryDto, scope: Scope): Promise<Page<LessonView>> {
    if (q.from && q.to && q.to < q.from) throw ValidationFailedException.field('to', 'must be on or after from');
    return this.lessons.findPageInScope(q, scope, this.config.reportTimezone);
  }

  filterOptions(scope: Scope): Promise<LessonFilterOptionsDto> {
    return this.lessons.filterOptions(scope);
  }

  async get(id: string, scope: Scope): Promise<LessonView> {
    const lesson = await this.lessons.findOneInScope(id, scope, this.config.reportTimezone);
    if (!lesson) throw new NotFoundException('Lesson', id);
    return lesson;
  }

  /** Creates the schedule's lessons in [from, to] ∩ the group period; existing ones are left alone. */
  async generate(groupId: string, dto: GenerateLessonsDto, scope: Scope): Promise<GenerateLessonsResultDto> {
    if (dto.to < dto.from) throw ValidationFailedException.field('to', 'must be on or after from');
    if (daysInRange(dto.from, dto.to) > MAX_GENERATE_DAYS) throw ValidationFailedException.field('to', `the range may span at most ${MAX_GENERATE_DAYS} days`);
    return this.db.transaction(async (m) => {
      const group = await this.groups.lockForUpdate(m, groupId);
      if (!group) throw new NotFoundException('Group', groupId);
      const from = dto.from > group.startDate ? dto.from : group.startDate;
      const to = group.endDate && group.endDate < dto.to ? group.endDate : dto.to;
      const occurrences = lessonOccurrences(await this.groups.scheduleOf(groupId, m), from, to);
      const created = await this.lessons.insertMissing(m, groupId, occurrences);
      if (created) await this.audit.record(m, scope, { action: 'generate_lessons', entityType: 'course_group', entityId: groupId, fields: ['lessons'] });
      return { groupId, from, to, created, existing: occurrences.length - created };
    });
  }

  async cancel(id: string, reason: string, scope: Scope): Promise<LessonView> {
    return this.db.transaction(async (m) => {
      const lesson = await this.lessons.lockInScope(m, id, scope);
      if (!lesson) throw new NotFoundException('Lesson', id);
      if (lesson.cancelled) throw new GroupsRuleException('lesson_already_cancelled', 'The lesson is already cancelled');
      if (lesson.hasRegister) {
        throw new GroupsRuleException('lesson_has_register', 'The lesson has an attendance register; remove the register before cancelling');
      }
      await this.lessons.setCancelled(m, id, true, reason.trim());
      await this.audit.record(m, scope, { action: 'cancel', entityType: 'lesson', entityId: id, fields: ['cancelled', 'cancelReason'] });
      return (await this.lessons.findOneInScope(id, scope, this.config.reportTimezone, m))!;
    });
  }

  async reinstate(id: string, scope: Scope): Promise<LessonView> {
    return this.db.transaction(async (m) => {
      const lesson = await this.lessons.lockInScope(m, id, scope);
      if (!lesson) throw new NotFoundException('Lesson', id);
      if (!lesson.cancelled) throw new GroupsRuleException('lesson_not_cancelled', 'The lesson is not cancelled');
      await this.lessons.setCancelled(m, id, false, null);
      await this.audit.record(m, scope, { action: 'reinstate', entityType: 'lesson', entityId: id, fields: ['cancelled', 'cancelReason'] });
      return (await this.lessons.findOneInScope(id, scope, this.config.reportTimezone, m))!;
    });
  }

  async update(id: string, dto: UpdateLessonDto, scope: Scope): Promise<LessonView> {
    return this.db.transaction(async (m) => {
      const lesson = await this.lessons.lockInScope(m, id, scope);
      if (!lesson) throw new NotFoundException('Lesson', id);
      if (dto.teacherId && !(await this.groups.teacherIdsAmong(m, [dto.teacherId])).has(dto.teacherId)) {
        throw ValidationFailedException.field('teacherId', 'is not an active user with role teacher');
      }
      const fields = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
      if (fields.length) {
        await this.lessons.update(m, id, dto);
        await this.audit.record(m, scope, { action: 'update', entityType: 'lesson', entityId: id, fields });
      }
      return (await this.lessons.findOneInScope(id, scope, this.config.reportTimezone, m))!;
    });
  }
}
