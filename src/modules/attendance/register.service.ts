import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { FieldError, NotFoundException, RuleViolationException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { RaisedSignal, SignalEvaluationRepository } from '../signals/signal-evaluation.repository';
import { attendedMinutes } from './attended-minutes';
import { RegisterLessonDto, RegisterLineDto, RegisterViewDto } from './dto/register-view.dto';
import { AdvanceAbsenceDto, SaveRegisterDto } from './dto/register.dto';
import { checkRegisterEntries } from './register-entries.validator';
import { RecordRow, RegisterRepository } from './register.repository';

export interface SavedRegisterDto extends RegisterViewDto {
  signalsRaised: RaisedSignal[];
}

@Injectable()
export class RegisterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RegisterRepository,
    private readonly signals: SignalEvaluationRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async get(lessonId: string, scope: Scope): Promise<RegisterViewDto> {
    const lesson = await this.repo.findLesson(this.db.manager, lessonId, scope, this.config.reportTimezone);
    if (!lesson) throw new NotFoundException('Lesson', lessonId);
    return this.view(this.db.manager, lesson);
  }

  /** Replaces the whole register in one transaction, under the lesson's row lock; then evaluates R1/R2. */
  async save(lessonId: string, dto: SaveRegisterDto, scope: Scope): Promise<SavedRegisterDto> {
    return this.db.transaction(async (m) => {
      const lesson = await this.repo.findLesson(m, lessonId, scope, this.config.reportTimezone, true);
      if (!lesson) throw new NotFoundException('Lesson', lessonId);
      const entries = checkRegisterEntries(dto.entries, lesson.minutes);
      this.assertRegistrable(lesson);
      const enrolledRows = await this.repo.enrolled(m, lessonId);
      const enrolled = new Map(enrolledRows.map((e) => [e.learnerId, e.trajectoryId]));
      const notEnrolled: FieldError[] = entries.flatMap((e, i) =>
        enrolled.has(e.learnerId) ? [] : [{ field: `entries[${i}].learnerId`, message: `is not enrolled in group ${lesson.groupCode} on ${lesson.date}` }],
      );
      if (notEnrolled.length) {
        throw new RuleViolationException('learner_not_enrolled', notEnrolled.map((e) => `${e.field}: ${e.message}`).join('; '), notEnrolled);
      }
      const rows: RecordRow[] = entries.map((e) => ({
        learnerId: e.learnerId,
        trajectoryId: enrolled.get(e.learnerId) as string,
        status: e.status,
        minutesLate: e.minutesLate,
        attendedMinutes: attendedMinutes(e.status, lesson.minutes, e.minutesLate),
        absenceReason: e.status === 'present' || e.status === 'late' ? null : e.absenceReason,
        reportedInAdvance: false,
      }));
      const deleted = await this.repo.deleteOthers(m, lessonId, rows.map((r) => r.learnerId));
      const written = await this.repo.upsert(m, lesson, rows, scope.userId);
      const touched = [...new Set([...rows.map((r) => r.trajectoryId), ...deleted])];
      // Locked after writing and before evaluating: a concurrent save for the same trajectory (another lesson)
      // waits here, and its evaluation statement then takes a fresh snapshot that includes our committed records.
      await this.repo.lockTrajectories(m, touched);
      // Only an added unauthorised absence (R1, R2) or a removed record (R1: the run of last lessons shifts)
      // can make a rule newly fire; a register of present learners needs no evaluation.
      const mayFire = [...new Set([...rows.filter((r) => r.status === 'absent_unauthorised').map((r) => r.trajectoryId), ...deleted])];
      const raised = await this.signals.evaluate(m, mayFire, null, scope);
      if (deleted.length || written) {
        await this.audit.record(m, scope, {
          action: 'attendance.register.save',
          entityType: 'lesson',
          entityId: lessonId,
          fields: ['status', 'minutesLate', 'absenceReason', 'attendedMinutes'],
        });
      }
      return { ...(await this.view(m, lesson, enrolledRows)), signalsRaised: raised };
    });
  }

  /** Absence reported before the lesson starts, by the learner itself or a coordinator/admin. */
  async reportInAdvance(lessonId: string, dto: AdvanceAbsenceDto, scope: Scope): Promise<RegisterLineDto> {
    if (scope.role === 'learner' && dto.learnerId !== scope.learnerId) throw new NotFoundException('Learner', dto.learnerId);
    return this.db.transaction(async (m) => {
      const lesson = await this.repo.findLesson(m, lessonId, scope, this.config.reportTimezone, true);
      if (!lesson) throw new NotFoundException('Lesson', lessonId);
      if (lesson.cancelled) throw new RuleViolationException('lesson_cancelled', 'The lesson is cancelled; no absence needs reporting');
      if (!lesson.inFuture) {
        throw new RuleViolationException('lesson_started', 'The lesson has started or is over; the teacher records absence in the register');
      }
      const trajectoryId = (await this.repo.enrolled(m, lessonId)).find((e) => e.learnerId === dto.learnerId)?.trajectoryId;
      if (!trajectoryId) {
        throw new RuleViolationException('learner_not_enrolled', `learnerId: is not enrolled in group ${lesson.groupCode} on ${lesson.date}`, [
          { field: 'learnerId', message: `is not enrolled in group ${lesson.groupCode} on ${lesson.date}` },
        ]);
      }
      await this.repo.lockTrajectories(m, [trajectoryId]);
      await this.repo.upsert(m, lesson, [
        {
          learnerId: dto.learnerId,
          trajectoryId,
          status: 'absent_authorised',
          minutesLate: 0,
          attendedMinutes: 0,
          absenceReason: dto.reason.trim(),
          reportedInAdvance: true,
        },
      ], scope.userId);
      await this.audit.record(m, scope, {
        action: 'attendance.advance_absence',
        entityType: 'lesson',
        entityId: lessonId,
        fields: ['status', 'absenceReason', 'reportedInAdvance'],
      });
      const view = await this.view(m, lesson);
      return view.learners.find((l) => l.learnerId === dto.learnerId) as RegisterLineDto;
    });
  }

  private assertRegistrable(lesson: RegisterLessonDto): void {
    if (lesson.cancelled) {
      throw new RuleViolationException('lesson_cancelled', `Lesson ${lesson.id} is cancelled; it has no register`);
    }
    if (lesson.inFuture) {
      throw new RuleViolationException(
        'lesson_in_future',
        `Lesson ${lesson.id} has not started yet; only absence reported in advance can be recorded (POST .../advance-absence)`,
      );
    }
  }

  /** `learners`: the enrolled list when the caller already read it in this transaction. */
  private async view(m: EntityManager, lesson: RegisterLessonDto, learners?: Awaited<ReturnType<RegisterRepository['enrolled']>>): Promise<RegisterViewDto> {
    learners ??= await this.repo.enrolled(m, lesson.id);
    const records = await this.repo.records(m, lesson.id);
    const byLearner = new Map(records.map((r) => [r.learnerId, r]));
    return {
      lesson,
      learners: learners.map((l) => {
        const r = byLearner.get(l.learnerId);
        return {
          learnerId: l.learnerId,
          trajectoryId: l.trajectoryId,
          learnerNumber: l.learnerNumber,
          firstName: l.firstName,
          lastName: l.lastName,
          record: r
            ? {
                status: r.status,
                minutesLate: r.minutesLate,
                attendedMinutes: r.attendedMinutes,
                absenceReason: r.absenceReason,
                reportedInAdvance: r.reportedInAdvance,
                recordedBy: r.recordedBy,
                recordedAt: r.recordedAt,
              }
            : null,
        };
      }),
    };
  }
}
