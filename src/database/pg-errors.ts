/** PostgreSQL SQLSTATE codes the services react to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_CHECK_VIOLATION = '23514';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK = '40P01';

export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

export function pgConstraint(err: unknown): string | undefined {
  const e = err as { constraint?: string; driverError?: { constraint?: string } };
  return e?.driverError?.constraint ?? e?.constraint;
}

/** Network errors of the socket to PostgreSQL. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** What pg (and its pool) says when a connection is gone, or none was free within connectionTimeoutMillis. */
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|is not queryable|Connection refused|terminating connection due to administrator command/i;

/**
 * The database is away or full rather than the request wrong: connection exceptions (SQLSTATE class 08), shutdown
 * and recovery (57P01-57P03), too many connections and other insufficient resources (class 53), a broken socket,
 * an exhausted pool. The API answers these 503 with Retry-After; the pool replaces broken connections by itself.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = pgCode(err);
  if (code && (code.startsWith('08') || code.startsWith('53') || code === '57P01' || code === '57P02' || code === '57P03')) return true;
  if (code && NETWORK_CODES.has(code)) return true;
  const message = (err as { message?: unknown })?.message;
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
}
