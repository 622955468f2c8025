import { ConflictException, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Codes of the settlement feature:
 * - `run_not_draft` (422): a final run never changes (recompute, discard, finalise again).
 * - `event_already_billed` (409): another run billed one of this draft's events (or corrections) first; recompute it.
 */
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
