import { CodesOfKind, FieldError, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the progress feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts). The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const PROGRESS_PROBLEMS = {
  trajectory_ended: { kind: 'rule', meaning: 'A completed or dropped-out trajectory is read-only' },
} as const satisfies ProblemCatalogue;
export type ProgressProblemCode = keyof typeof PROGRESS_PROBLEMS;

export class ProgressRuleException extends RuleViolationException {
  constructor(code: CodesOfKind<typeof PROGRESS_PROBLEMS, 'rule'>, detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
