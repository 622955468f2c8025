import { CodesOfKind, ConflictException, FieldError, ProblemCatalogue } from '../../common/errors/domain.exception';

/**
 * Problem codes of the learners feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts); a unique value already taken answers `duplicate`. The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const LEARNERS_PROBLEMS = {
  duplicate_bsn: { kind: 'conflict', meaning: 'Another learner has this BSN' },
} as const satisfies ProblemCatalogue;
export type LearnersProblemCode = keyof typeof LEARNERS_PROBLEMS;

export class LearnersConflictException extends ConflictException {
  constructor(code: CodesOfKind<typeof LEARNERS_PROBLEMS, 'conflict'> | 'duplicate', detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
