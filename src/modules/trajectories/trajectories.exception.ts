import { CodesOfKind, ConflictException, FieldError, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the trajectories feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts). The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const TRAJECTORIES_PROBLEMS = {
  unfinished_trajectory_exists: { kind: 'conflict', meaning: 'The learner already has a trajectory that is not finished' },
  trajectory_ended: { kind: 'rule', meaning: 'A completed or dropped-out trajectory is read-only' },
  start_date_fixed: { kind: 'rule', meaning: 'The start date can only change while the trajectory is planned' },
  transition_not_allowed: { kind: 'rule', meaning: 'The trajectory\'s status does not allow this transition' },
} as const satisfies ProblemCatalogue;
export type TrajectoriesProblemCode = keyof typeof TRAJECTORIES_PROBLEMS;

export class TrajectoriesRuleException extends RuleViolationException {
  constructor(code: CodesOfKind<typeof TRAJECTORIES_PROBLEMS, 'rule'>, detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}

export class TrajectoriesConflictException extends ConflictException {
  constructor(code: CodesOfKind<typeof TRAJECTORIES_PROBLEMS, 'conflict'>, detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
