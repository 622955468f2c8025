import { DomainException, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the portfolio feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts). The kind decides the HTTP status (src/common/errors/problem.filter.ts).
 */
export const PORTFOLIO_PROBLEMS = {
  portfolio_item_not_editable: { kind: 'rule', meaning: 'Only draft or needs_revision items can be changed' },
  invalid_transition: { kind: 'rule', meaning: "The item's status does not allow this step" },
  trajectory_ended: { kind: 'rule', meaning: 'A completed or dropped-out trajectory is read-only' },
  payload_too_large: { kind: 'too_large', meaning: 'An evidence file over 10 MB' },
  unsupported_file_type: { kind: 'unsupported_type', meaning: 'An evidence file that is not PDF, JPEG or PNG (by its content)' },
  unsupported_media_type: { kind: 'unsupported_type', meaning: 'An upload that is not multipart/form-data with a file' },
} as const satisfies ProblemCatalogue;
export type PortfolioProblemCode = keyof typeof PORTFOLIO_PROBLEMS;

/** Only draft and needs_revision items may be changed (or have evidence added or removed). */
export class ItemNotEditableException extends RuleViolationException {
  constructor(status: string) {
    super('portfolio_item_not_editable', `A portfolio item that is ${status} cannot be changed; only draft or needs_revision items can`);
  }
}

export class InvalidPortfolioTransitionException extends RuleViolationException {
  constructor(action: string, status: string, allowedFrom: string[]) {
    super('invalid_transition', `Cannot ${action} a portfolio item that is ${status}; it must be ${allowedFrom.join(' or ')}`);
  }
}

/** Ended trajectories are read-only (DOMAIN.md). */
export class TrajectoryEndedException extends RuleViolationException {
  constructor(status: string) {
    super('trajectory_ended', `The trajectory is ${status} and therefore read-only`);
  }
}

export class FileTooLargeException extends DomainException {
  constructor(limitBytes: number) {
    super('payload_too_large', 'too_large', 'Payload too large', `The file is larger than ${Math.round(limitBytes / 1024 / 1024)} MB`);
  }
}

export class UnsupportedFileTypeException extends DomainException {
  constructor() {
    super('unsupported_file_type', 'unsupported_type', 'Unsupported media type', 'Only PDF, JPEG and PNG files are accepted (the type is checked from the file\'s content, not its name)');
  }
}

export class NotMultipartException extends DomainException {
  constructor() {
    super('unsupported_media_type', 'unsupported_type', 'Unsupported media type', "Send the file as multipart/form-data in the field 'file'");
  }
}
