import { CodesOfKind, ConflictException, FieldError, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the groups feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts); a unique value already taken answers `duplicate`. The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const GROUPS_PROBLEMS = {
  trajectory_not_enrollable: { kind: 'rule', meaning: 'Only a planned, active or suspended trajectory can be enrolled' },
  group_full: { kind: 'conflict', meaning: 'The group is at capacity on a day of the enrolment period' },
  enrolment_overlap: { kind: 'conflict', meaning: 'The trajectory is already enrolled in this group for an overlapping period' },
  capacity_below_enrolments: { kind: 'rule', meaning: 'A group cannot get fewer places than it has learners enrolled on a day of its period' },
  enrolment_has_attendance: { kind: 'rule', meaning: 'An enrolment cannot end before lessons at which the trajectory has attendance recorded' },
  lesson_already_cancelled: { kind: 'rule', meaning: 'The lesson is already cancelled' },
  lesson_has_register: { kind: 'rule', meaning: 'A lesson with an attendance register cannot be cancelled' },
  lesson_not_cancelled: { kind: 'rule', meaning: 'Only a cancelled lesson can be reinstated' },
} as const satisfies ProblemCatalogue;
export type GroupsProblemCode = keyof typeof GROUPS_PROBLEMS;

export class GroupsRuleException extends RuleViolationException {
  constructor(code: CodesOfKind<typeof GROUPS_PROBLEMS, 'rule'>, detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}

export class GroupsConflictException extends ConflictException {
  constructor(code: CodesOfKind<typeof GROUPS_PROBLEMS, 'conflict'> | 'duplicate', detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
