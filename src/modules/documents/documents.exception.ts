import { ConflictException, DomainException, ValidationFailedException } from '../../common/errors/domain.exception';

/** Problem codes of the documents feature (HTTP answers and the row's error_code). */
export type DocumentProblemCode =
  | 'document_not_ready'
  | 'document_expired'
  | 'idempotency_key_reused'
  | 'document_kind_not_requestable'
  | 'generation_failed'
  | 'worker_lost';

export class DocumentNotReadyException extends DomainException {
  constructor(status: string) {
    super('document_not_ready', 'conflict', 'Conflict', `The document is ${status}; it can be downloaded once it is done`);
  }
}

export class DocumentExpiredException extends DomainException {
  constructor() {
    super('document_expired', 'gone', 'Gone', 'The file was removed after the retention period; request the document again');
  }
}

export class IdempotencyKeyReusedException extends ConflictException {
  constructor() {
    super('idempotency_key_reused', 'This Idempotency-Key was already used for a different request', [
      { field: 'Idempotency-Key', message: 'was used for another kind or other parameters' },
    ]);
  }
}

export class KindNotRequestableException extends ValidationFailedException {
  constructor(kind: string) {
    super([{ field: 'kind', message: `${kind} is not a kind that can be requested here` }], `kind: ${kind} is not a kind that can be requested here`);
  }
}

/**
 * Thrown by a generator when a document cannot be made. `permanent`: retrying cannot help (bad data, a name the font
 * cannot print), so the row fails at once. `message` is Dutch: the page shows it as is.
 */
export class DocumentGenerationError extends Error {
  constructor(
    readonly code: string,
    readonly dutchMessage: string,
    readonly permanent = true,
  ) {
    super(`${code}: ${dutchMessage}`);
  }
}

/** The row is no longer this attempt's (taken back, finished by another worker): stop without touching it. */
export class DocumentAttemptLostError extends Error {
  constructor(readonly documentId: string) {
    super(`Document ${documentId}: this attempt no longer owns the row`);
  }
}

export const DUTCH_MESSAGES = {
  generation_failed: 'Het document kon niet worden gemaakt. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met applicatiebeheer.',
  worker_lost: 'Het maken van het document werd steeds onderbroken. Vraag het document opnieuw aan.',
} as const;
