import { CodesOfKind, ConflictException, FieldError, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the network feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts). The kind decides the HTTP status (src/common/errors/problem.filter.ts).
 */
export const NETWORK_PROBLEMS = {
  invalid_transition: { kind: 'rule', meaning: 'A referral move its status does not allow' },
  trajectory_ended: { kind: 'rule', meaning: 'A completed or dropped-out trajectory is read-only' },
  partner_not_usable: { kind: 'rule', meaning: 'A referral needs an active partner of the trajectory\'s own municipality' },
  reason_not_in_agreement: { kind: 'rule', meaning: 'The reason is not a wish, need or ability in the integration agreement' },
  vog_not_valid: { kind: 'rule', meaning: 'The accompanying volunteer has no valid certificate of conduct (VOG) on that day' },
  volunteer_inactive: { kind: 'rule', meaning: 'The accompanying volunteer is inactive' },
  partner_has_referrals: { kind: 'conflict', meaning: 'A partner with referrals cannot be deleted or moved to another municipality' },
  volunteer_has_referrals: { kind: 'conflict', meaning: 'A volunteer who accompanied first contacts cannot be deleted' },
  import_outdated: { kind: 'conflict', meaning: 'Records changed since the dry run of an import; upload the file again' },
  import_committed: { kind: 'conflict', meaning: 'The import was already applied' },
  dry_run_pending: { kind: 'rule', meaning: 'The dry run of the import is still running' },
  import_refused: { kind: 'rule', meaning: 'The import file was refused' },
  empty_file: { kind: 'rule', meaning: 'Import: the file is empty' },
  not_a_spreadsheet: { kind: 'rule', meaning: 'Import: the file is not an xlsx or csv spreadsheet' },
  old_excel_format: { kind: 'rule', meaning: 'Import: an old .xls file; save it as .xlsx' },
  file_too_large: { kind: 'rule', meaning: 'Import: the file is larger than allowed' },
  invalid_json: { kind: 'rule', meaning: 'Import: the file is not valid JSON' },
  missing_columns: { kind: 'rule', meaning: 'Import: required columns are missing' },
  duplicate_columns: { kind: 'rule', meaning: 'Import: a column appears twice' },
  no_rows: { kind: 'rule', meaning: 'Import: the file has no data rows' },
  too_many_rows: { kind: 'rule', meaning: 'Import: the file has more rows than one import takes' },
} as const satisfies ProblemCatalogue;
export type NetworkProblemCode = keyof typeof NETWORK_PROBLEMS;

export class NetworkConflictException extends ConflictException {
  constructor(code: CodesOfKind<typeof NETWORK_PROBLEMS, 'conflict'>, detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}

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
  constructor(code: CodesOfKind<typeof NETWORK_PROBLEMS, 'rule'>, field: string, message: string) {
    super(code, message, [{ field, message }]);
  }
}
