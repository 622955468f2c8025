// @ts-check
/* The REST client: bearer token, JSON in and out, and every failure as an ApiError carrying the problem+json body. */
import { state, sessionExpired } from './session.js';

const API = '/api/v1';

export class ApiError extends Error {
  /** @param {Partial<import('./types.js').Problem> & { status: number, code?: string, detail?: string }} problem */
  constructor(problem) {
    super(problem.detail || problem.title || 'Fout');
    this.problem = problem;
  }
}

/**
 * One API call. The answer is `unknown` on purpose: cast it to its type from types.js, so tsc checks the fields.
 * @param {string} path
 * @param {{ method?: string, body?: unknown }} [opts]
 * @returns {Promise<unknown>}
 */
export async function api(path, opts = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', ...(opts.body ? { 'Content-Type': 'application/json' } : {}) };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  let res;
  try {
    res = await fetch(API + path, { method: opts.method, headers, body: opts.body ? JSON.stringify(opts.body) : undefined });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail: 'Geen verbinding met de server. Controleer uw internetverbinding en probeer het opnieuw.' });
  }
  // A wrong password is also a 401, but that is the login form's business, not an expired session.
  if (res.status === 401 && !path.startsWith('/auth/login')) {
    sessionExpired();
    throw new ApiError({ status: 401, code: 'session_expired', detail: 'Uw sessie is verlopen; log opnieuw in.' });
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError({ status: res.status, ...(data && typeof data === 'object' ? data : {}) });
  return data;
}
