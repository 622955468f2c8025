import { ConflictException, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Codes of the settlement feature:
 * - `run_not_draft` (422): a final run never changes (recompute, discard, finalise again).
 * - `run_not_final` (422): a ledger CSV or e-invoice exists only for a final run.
 * - `event_already_billed` (409): another run billed one of this draft's events (or corrections) first; recompute it.
 */
export const SETTLEMENT_PROBLEMS = {
  run_not_draft: { kind: 'rule', meaning: 'A final run never changes' },
  run_not_final: { kind: 'rule', meaning: 'A ledger CSV or e-invoice exists only for a final run' },
  event_already_billed: { kind: 'conflict', meaning: "Another run billed some of this draft's events first" },
} as const satisfies ProblemCatalogue;
export type SettlementProblemCode = keyof typeof SETTLEMENT_PROBLEMS;

export class RunNotDraftException extends RuleViolationException {
  constructor(action: string) {
    super('run_not_draft', `Only a draft run can be ${action}; a final run never changes`, [{ field: 'status', message: 'is final' }]);
  }
}

export class EventAlreadyBilledException extends ConflictException {
  constructor() {
    super('event_already_billed', 'Another run billed some of these events first; recompute this draft and review it again');
  }
}

export class RunNotFinalException extends RuleViolationException {
  constructor(what: string) {
    super('run_not_final', `A ${what} exists only for a final run; finalise the draft first`, [{ field: 'format', message: 'needs a final run' }]);
  }
}
