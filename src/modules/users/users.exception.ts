import { CodesOfKind, ConflictException, FieldError, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the users feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts); a unique value already taken answers `duplicate`. The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const USERS_PROBLEMS = {
  learner_has_login: { kind: 'conflict', meaning: 'The learner already has a login' },
  own_account: { kind: 'rule', meaning: 'An admin cannot change the role of, or deactivate, their own account' },
  last_admin: { kind: 'rule', meaning: 'The last active admin cannot be demoted or deactivated' },
} as const satisfies ProblemCatalogue;
export type UsersProblemCode = keyof typeof USERS_PROBLEMS;

export class UsersConflictException extends ConflictException {
  constructor(code: CodesOfKind<typeof USERS_PROBLEMS, 'conflict'> | 'duplicate', detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}

export class UsersRuleException extends RuleViolationException {
  constructor(code: CodesOfKind<typeof USERS_PROBLEMS, 'rule'>, detail: string, errors: FieldError[] = [], detailNl?: string) {
    super(code, detail, errors);
    this.detailNl = detailNl;
  }
}
