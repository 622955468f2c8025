import { Injectable } from '@nestjs/common';
import { Scope } from '../../common/auth/scope';
import { FieldError, NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { AttendanceRuleException } from './attendance.exception';
import { AppConfig } from '../../config/app-config';
import { RegisterViewDto, SavedRegisterDto } from './dto/register-view.dto';
import { SaveRegisterDto } from './dto/register.dto';
import { checkRegisterEntries } from './register-entries.validator';
import { RegisterRepository, SaveOutcome } from './register.repository';

const fieldErrors = (entries: number[], field: string, message: string): FieldError[] =>
  entries.map((i) => ({ field: `entries[${i}].${field}`, message }));

const joined = (errors: FieldError[]): string => errors.map((e) => `${e.field}: ${e.message}`).join('; ');

@Injectable()
export class RegisterService {
  constructor(
    private readonly repo: RegisterRepository,
    private readonly config: AppConfig,
  ) {}

  async get(lessonId: string, scope: Scope): Promise<RegisterViewDto> {
    const view = await this.repo.findView(lessonId, scope, this.config.reportTimezone);
    if (!view) throw new NotFoundException('Lesson', lessonId);
    return view;
  }

  /** Replaces the whole register and evaluates R1/R2 in one database call (see koers_save_register). */
  async save(lessonId: string, dto: SaveRegisterDto, scope: Scope): Promise<SavedRegisterDto> {
    const entries = checkRegisterEntries(dto.entries);
    const result = await this.repo.save(lessonId, entries, scope, this.config.reportTimezone);
    if (result.outcome === 'saved') {
      const { outcome: _outcome, ...saved } = result;
      return saved;
    }
    throw this.refusal(lessonId, result);
  }

  private refusal(lessonId: string, result: Exclude<SaveOutcome, { outcome: 'saved' }>): Error {
    switch (result.outcome) {
      case 'not_found':
        return new NotFoundException('Lesson', lessonId);
      case 'minutes_late_too_long': {
        const errors = fieldErrors(result.entries, 'minutesLate', `cannot exceed the lesson's ${result.lessonMinutes} minutes`);
        return new ValidationFailedException(errors, joined(errors));
      }
      case 'cancelled':
        return new AttendanceRuleException('lesson_cancelled', `Lesson ${lessonId} is cancelled; it has no register`);
      case 'in_future':
        return new AttendanceRuleException(
          'lesson_in_future',
          `Lesson ${lessonId} has not started yet; only absence reported in advance can be recorded (POST .../advance-absence)`,
        );
      case 'not_enrolled': {
        const errors = fieldErrors(result.entries, 'learnerId', `is not enrolled in group ${result.groupCode} on ${result.date}`);
        return new AttendanceRuleException('learner_not_enrolled', joined(errors), errors);
      }
    }
  }
}
