/** A field-level problem, named by its path in the request (e.g. `intakeLevels.reading`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * What kind of problem an exception is. The problem filter (problem.filter.ts) turns a kind into an HTTP status;
 * services, repositories and workers only say what went wrong.
 */
export type ProblemKind =
  | 'invalid' // the request's values (400)
  | 'unauthorized' // no valid login (401)
  | 'forbidden' // the role may not (403)
  | 'not_found' // does not exist or is out of scope (404)
  | 'conflict' // clashes with the current state of a record: a duplicate, a stale version (409)
  | 'gone' // existed, is no longer available (410)
  | 'too_large' // a file or body over its limit (413)
  | 'unsupported_type' // a content type that is not accepted (415)
  | 'rule'; // a rule or state transition the record does not allow now (422)

/** One problem code of a feature: its kind (so its HTTP status) and when it is answered. */
export interface ProblemSpec {
  kind: ProblemKind;
  meaning: string;
}
/** A feature's problem codes (`src/modules/<feature>/<feature>.exception.ts`), for its exceptions, pages and docs. */
export type ProblemCatalogue = Readonly<Record<string, ProblemSpec>>;
/** The codes of a catalogue of one kind: what a feature's rule or conflict exception accepts. */
export type CodesOfKind<P extends ProblemCatalogue, K extends ProblemKind> = { [C in keyof P]: P[C]['kind'] extends K ? C : never }[keyof P] & string;

/**
 * Codes every feature may answer with (the features' own are in src/modules/<feature>/<feature>.exception.ts).
 * The first five are thrown by services; the rest the problem filter gives to errors that are not domain exceptions.
 */
export const COMMON_PROBLEM_CODES = {
  not_found: 'The record does not exist or is outside your scope',
  validation_failed: 'A value in the request is invalid; errors[] names the fields',
  version_conflict: 'The record was changed since you read it; reload and apply your change again',
  forbidden: 'Your role may not do this',
  unauthorized: 'Log in first, or the token is no longer valid',
  duplicate: 'A unique value is already taken',
  referenced_record: 'A referenced record does not exist or is still in use',
  invalid_json: 'The request body is not valid JSON',
  bad_request: 'The request cannot be read',
  payload_too_large: 'The request body or file is too large',
  uri_too_long: 'A path parameter is too long',
  unsupported_media_type: 'The content type is not accepted',
  method_not_allowed: 'The route does not accept this method',
  not_acceptable: 'The route cannot answer in the accepted type',
  too_many_requests: 'Too many attempts; see Retry-After',
  unavailable: 'A dependency is briefly unavailable; see Retry-After',
  internal_error: 'Something went wrong on our side (logged)',
} as const;
export type CommonProblemCode = keyof typeof COMMON_PROBLEM_CODES;

/**
 * Services throw these (never HTTP exceptions); one filter turns them into
 * application/problem+json. Workers can throw and catch them without HTTP.
 */
export class DomainException extends Error {
  /** The detail in Dutch, for clients that ask for it (Accept-Language: nl); field messages are translated apart. */
  detailNl?: string;

  constructor(
    readonly code: string,
    readonly kind: ProblemKind,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? title);
  }
}

export class NotFoundException extends DomainException {
  constructor(entity: string, id?: string) {
    super('not_found', 'not_found', 'Not found', id ? `${entity} ${id} does not exist` : `${entity} does not exist`);
  }
}

export class ValidationFailedException extends DomainException {
  constructor(errors: FieldError[], detail = 'The request has invalid fields') {
    super('validation_failed', 'invalid', 'Invalid request', detail, errors);
  }
  static field(field: string, message: string): ValidationFailedException {
    return new ValidationFailedException([{ field, message }], `${field}: ${message}`);
  }
}

export class ConflictException extends DomainException {
  constructor(code: string, detail: string, errors: FieldError[] = []) {
    super(code, 'conflict', 'Conflict', detail, errors);
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

/** A state transition or rule the record does not allow now (`conflict`: one that clashes with another record). */
export class RuleViolationException extends DomainException {
  constructor(code: string, detail: string, errors: FieldError[] = [], kind: 'rule' | 'conflict' = 'rule') {
    super(code, kind, 'Not allowed', detail, errors);
  }
}

export class ForbiddenException extends DomainException {
  constructor(detail = 'Your role may not do this') {
    super('forbidden', 'forbidden', 'Forbidden', detail);
  }
}

export class UnauthorizedException extends DomainException {
  constructor(detail = 'Log in first: send a bearer token from POST /api/v1/auth/login') {
    super('unauthorized', 'unauthorized', 'Unauthorized', detail);
  }
}
