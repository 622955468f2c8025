/** A field-level problem, named by its path in the request (e.g. `intakeLevels.reading`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Services throw these (never HTTP exceptions); one filter turns them into
 * application/problem+json. Workers can throw and catch them without HTTP.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? title);
  }
}

export class NotFoundException extends DomainException {
  constructor(entity: string, id?: string) {
    super('not_found', 404, 'Not found', id ? `${entity} ${id} does not exist` : `${entity} does not exist`);
  }
}

export class ValidationFailedException extends DomainException {
  constructor(errors: FieldError[], detail = 'The request has invalid fields') {
    super('validation_failed', 400, 'Invalid request', detail, errors);
  }
  static field(field: string, message: string): ValidationFailedException {
    return new ValidationFailedException([{ field, message }], `${field}: ${message}`);
  }
}

export class ConflictException extends DomainException {
  constructor(code: string, detail: string, errors: FieldError[] = []) {
    super(code, 409, 'Conflict', detail, errors);
  }
}

/** The record changed since the caller read it (optimistic locking). */
export class StaleVersionException extends ConflictException {
  constructor(entity: string) {
    super('version_conflict', `${entity} was changed by someone else; reload it and apply your change again`, [
      { field: 'version', message: 'is not the current version' },
    ]);
  }
}

/** A state transition or rule the record does not allow now. */
export class RuleViolationException extends DomainException {
  constructor(code: string, detail: string, errors: FieldError[] = [], status = 422) {
    super(code, status, 'Not allowed', detail, errors);
  }
}

export class ForbiddenException extends DomainException {
  constructor(detail = 'Your role may not do this') {
    super('forbidden', 403, 'Forbidden', detail);
  }
}

export class UnauthorizedException extends DomainException {
  constructor(detail = 'Log in first: send a bearer token from POST /api/v1/auth/login') {
    super('unauthorized', 401, 'Unauthorized', detail);
  }
}
