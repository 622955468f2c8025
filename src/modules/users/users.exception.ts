import { CodesOfKind, ConflictException, FieldError, ProblemCatalogue } from '../../common/errors/domain.exception';

/**
 * Problem codes of the users feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts); a unique value already taken answers `duplicate`. The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const USERS_PROBLEMS = {
  learner_has_login: { kind: 'conflict', meaning: 'The learner already has a login' },
} as const satisfies ProblemCatalogue;
export type UsersProblemCode = keyof typeof USERS_PROBLEMS;

export class UsersConflictException extends ConflictException {
  constructor(code: CodesOfKind<typeof USERS_PROBLEMS, 'conflict'> | 'duplicate', detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
