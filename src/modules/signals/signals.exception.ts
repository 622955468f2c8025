import { CodesOfKind, FieldError, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the signals feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts). The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const SIGNALS_PROBLEMS = {
  invalid_transition: { kind: 'rule', meaning: 'The signal\'s status does not allow this step (registered → in_progress → closed | withdrawn)' },
} as const satisfies ProblemCatalogue;
export type SignalsProblemCode = keyof typeof SIGNALS_PROBLEMS;

export class SignalsRuleException extends RuleViolationException {
  constructor(code: CodesOfKind<typeof SIGNALS_PROBLEMS, 'rule'>, detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
