import { CodesOfKind, FieldError, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the attendance feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts). The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const ATTENDANCE_PROBLEMS = {
  lesson_cancelled: { kind: 'rule', meaning: 'The lesson is cancelled: it has no register and needs no absence report' },
  lesson_in_future: { kind: 'rule', meaning: 'The lesson has not started: only absence reported in advance can be recorded' },
  lesson_started: { kind: 'rule', meaning: 'The lesson has started or is over: absence is recorded in the register, not in advance' },
  advance_absence_closed: {
    kind: 'rule',
    meaning: 'The lesson has started or is over: an absence reported in advance can no longer be withdrawn',
  },
  learner_not_enrolled: { kind: 'rule', meaning: 'A learner in the register is not enrolled in the group on the lesson date' },
} as const satisfies ProblemCatalogue;
export type AttendanceProblemCode = keyof typeof ATTENDANCE_PROBLEMS;

export class AttendanceRuleException extends RuleViolationException {
  constructor(code: CodesOfKind<typeof ATTENDANCE_PROBLEMS, 'rule'>, detail: string, errors: FieldError[] = [], detailNl?: string) {
    super(code, detail, errors);
    this.detailNl = detailNl;
  }
}
