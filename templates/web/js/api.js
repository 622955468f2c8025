/* The REST client: bearer token, JSON in and out, and every failure as an ApiError carrying the problem+json body. */
import { state, sessionExpired } from './session.js';

const API = '/api/v1';

class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'Fout');
    this.problem = problem;
  }
}

export async function api(path, opts = {}) {
  const headers = { Accept: 'application/json', ...(opts.body ? { 'Content-Type': 'application/json' } : {}) };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  let res;
  try {
    res = await fetch(API + path, { ...opts, headers, body: opts.body ? JSON.stringify(opts.body) : undefined });
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
