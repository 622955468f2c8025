import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { AdvanceAbsenceRepository } from './advance-absence.repository';
import { AttendanceRuleException } from './attendance.exception';
import { AdvanceAbsenceListDto } from './dto/advance-absence.dto';
import { RegisterLineDto } from './dto/register-view.dto';
import { AdvanceAbsenceDto } from './dto/register.dto';
import { RegisterRepository } from './register.repository';

/** Absence reported before a lesson starts, by the learner itself or a coordinator/admin; and withdrawn again. */
@Injectable()
export class AdvanceAbsenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registers: RegisterRepository,
    private readonly repo: AdvanceAbsenceRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async report(lessonId: string, dto: AdvanceAbsenceDto, scope: Scope): Promise<RegisterLineDto> {
    if (scope.role === 'learner' && dto.learnerId !== scope.learnerId) throw new NotFoundException('Learner', dto.learnerId);
    const tz = this.config.reportTimezone;
    return this.db.transaction(async (m) => {
      const lesson = await this.registers.findLesson(m, lessonId, scope, tz, true);
      if (!lesson) throw new NotFoundException('Lesson', lessonId);
      if (lesson.cancelled) throw new AttendanceRuleException('lesson_cancelled', 'The lesson is cancelled; no absence needs reporting');
      if (!lesson.inFuture) {
        throw new AttendanceRuleException('lesson_started', 'The lesson has started or is over; the teacher records absence in the register');
      }
      const learner = (await this.registers.enrolled(m, lessonId)).find((e) => e.learnerId === dto.learnerId);
      if (!learner) {
        const errors = [{ field: 'learnerId', message: `is not enrolled in group ${lesson.groupCode} on ${lesson.date}` }];
        throw new AttendanceRuleException('learner_not_enrolled', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
      }
      await this.registers.recordAdvanceAbsence(m, lessonId, learner, dto.reason.trim(), scope.userId);
      await this.audit.record(m, scope, {
        action: 'attendance.advance_absence',
        entityType: 'lesson',
        entityId: lessonId,
        fields: ['status', 'absenceReason', 'reportedInAdvance'],
      });
      const view = await this.registers.view(m, lessonId, tz);
      return view.learners.find((l) => l.learnerId === dto.learnerId) as RegisterLineDto;
    });
  }

  /** Withdraws it until the lesson starts (the learner only its own); after that the register is the teacher's. */
  async withdraw(lessonId: string, learnerId: string, scope: Scope): Promise<void> {
    if (scope.role === 'learner' && learnerId !== scope.learnerId) throw new NotFoundException('Learner', learnerId);
    const tz = this.config.reportTimezone;
    await this.db.transaction(async (m) => {
      const lesson = await this.registers.findLesson(m, lessonId, scope, tz, true);
      if (!lesson) throw new NotFoundException('Lesson', lessonId);
      const notFound = () => new NotFoundException('Advance absence of learner', learnerId);
      if (!lesson.inFuture) {
        // Nothing to withdraw is a 404 whether or not the lesson has started; only a report that exists is closed.
        if (!(await this.repo.isReported(m, lessonId, learnerId))) throw notFound();
        throw new AttendanceRuleException(
          'advance_absence_closed',
          'The lesson has started or is over; an absence reported in advance can no longer be withdrawn',
          [],
          'De les is al begonnen of voorbij; een vooraf gemelde afwezigheid kan niet meer worden ingetrokken.',
        );
      }
      if (!(await this.repo.withdraw(m, lessonId, learnerId))) throw notFound();
      await this.audit.record(m, scope, {
        action: 'attendance.advance_absence_withdrawn',
        entityType: 'lesson',
        entityId: lessonId,
        fields: ['status', 'absenceReason', 'reportedInAdvance'],
      });
    });
  }

  async upcoming(learnerId: string, scope: Scope): Promise<AdvanceAbsenceListDto> {
    const items = await this.repo.upcomingOf(learnerId, scope, this.config.reportTimezone);
    if (!items) throw new NotFoundException('Learner', learnerId);
    return { items };
  }
}
