import { createHash } from 'crypto';

interface DatabaseErrorLike {
  query?: string;
  parameters?: unknown[];
  code?: string;
  driverError?: { code?: string; table?: string; constraint?: string; column?: string; routine?: string; severity?: string };
  table?: string;
  constraint?: string;
  column?: string;
  routine?: string;
  severity?: string;
}

/** A stable short name for a SQL text, so a logged failure can be matched to its statement without its values. */
export function statementName(sql: string): string {
  return `sql_${createHash('sha1').update(sql).digest('hex').slice(0, 12)}`;
}

function isDatabaseError(err: unknown): err is DatabaseErrorLike & Error {
  const e = err as DatabaseErrorLike;
  return !!e && typeof e === 'object' && (e.driverError !== undefined || typeof e.query === 'string' || (typeof e.code === 'string' && typeof e.severity === 'string'));
}

/**
 * What may be logged of an error. A failed statement is logged by its name, command, SQLSTATE, table and constraint:
 * never its parameters, its message or its detail, which quote the values (a learner's name, a search term, a BSN).
 * Other errors keep their message and stack.
 */
export function safeErrorLog(err: unknown): Record<string, unknown> {
  if (isDatabaseError(err)) {
    const d = err.driverError ?? err;
    const sql = typeof err.query === 'string' ? err.query : undefined;
    return {
      type: 'DatabaseError',
      code: d.code ?? err.code,
      statement: sql ? statementName(sql) : undefined,
      command: sql ? sql.trim().split(/\s+/)[0]?.toUpperCase() : undefined,
      table: d.table,
      constraint: d.constraint,
      column: d.column,
      routine: d.routine,
    };
  }
  if (err instanceof Error) return { type: err.name, message: err.message, stack: err.stack };
  return { type: typeof err };
}

/** A request URL as logged: the path and the names of its query parameters, never their values (search terms). */
export function loggableUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const q = url.indexOf('?');
  if (q < 0) return url;
  const keys = [...new URLSearchParams(url.slice(q + 1)).keys()];
  return `${url.slice(0, q)}?${[...new Set(keys)].map((k) => `${encodeURIComponent(k)}=…`).join('&')}`;
}
