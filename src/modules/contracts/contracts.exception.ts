import { CodesOfKind, ConflictException, FieldError, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the contracts feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts); a unique value already taken answers `duplicate`. The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const CONTRACTS_PROBLEMS = {
  product_in_use: { kind: 'rule', meaning: 'Trajectories under the contract use a product the change would remove' },
} as const satisfies ProblemCatalogue;
export type ContractsProblemCode = keyof typeof CONTRACTS_PROBLEMS;

export class ContractsRuleException extends RuleViolationException {
  constructor(code: CodesOfKind<typeof CONTRACTS_PROBLEMS, 'rule'>, detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}

export class ContractsConflictException extends ConflictException {
  constructor(code: 'duplicate', detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
