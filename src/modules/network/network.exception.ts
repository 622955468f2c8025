import { RuleViolationException } from '../../common/errors/domain.exception';

export class InvalidReferralMoveException extends RuleViolationException {
  constructor(detail: string) {
    super('invalid_transition', detail, [{ field: 'status', message: detail }]);
  }
}

/** Ended trajectories are read-only (DOMAIN.md). */
export class TrajectoryEndedException extends RuleViolationException {
  constructor(status: string) {
    super('trajectory_ended', `The trajectory is ${status} and therefore read-only`);
  }
}

/** A referral needs an active partner of the trajectory's own municipality. */
export class PartnerNotUsableException extends RuleViolationException {
  constructor(detail: string) {
    super('partner_not_usable', detail, [{ field: 'partnerId', message: detail }]);
  }
}

/** The reason must be a wish, need or ability written in the trajectory's integration agreement. */
export class ReasonNotInAgreementException extends RuleViolationException {
  constructor(kind: string, theme: string) {
    super('reason_not_in_agreement', `The integration agreement has no ${kind} on ${theme}; record it there first`, [
      { field: 'reason', message: `the integration agreement has no ${kind} on ${theme}` },
    ]);
  }
}

export class NetworkRuleException extends RuleViolationException {
  constructor(code: string, field: string, message: string) {
    super(code, message, [{ field, message }]);
  }
}
