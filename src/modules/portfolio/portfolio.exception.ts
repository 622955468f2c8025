import { DomainException, RuleViolationException } from '../../common/errors/domain.exception';

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
    super('payload_too_large', 413, 'Payload too large', `The file is larger than ${Math.round(limitBytes / 1024 / 1024)} MB`);
  }
}

export class UnsupportedFileTypeException extends DomainException {
  constructor() {
    super('unsupported_file_type', 415, 'Unsupported media type', 'Only PDF, JPEG and PNG files are accepted (the type is checked from the file\'s content, not its name)');
  }
}

export class NotMultipartException extends DomainException {
  constructor() {
    super('unsupported_media_type', 415, 'Unsupported media type', "Send the file as multipart/form-data in the field 'file'");
  }
}
