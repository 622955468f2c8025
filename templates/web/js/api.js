// @ts-check
/* The REST client: bearer token, JSON in and out, and every failure as an ApiError carrying the problem+json body. */
import { state, sessionExpired } from './session.js';

const API = '/api/v1';

export class ApiError extends Error {
  /** @param {Partial<import('./types.js').Problem> & { status: number, code?: string, detail?: string, lang?: string }} problem */
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
  const headers = { Accept: 'application/json', 'Accept-Language': 'nl', ...(opts.body ? { 'Content-Type': 'application/json' } : {}) };
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
  if (!res.ok) throw failure(res, data);
  return data;
}

/** The API answers problems in Dutch when asked (Accept-Language: nl); `lang` tells problems.js. @param {Response} res @param {unknown} data */
const failure = (res, data) =>
  new ApiError({ status: res.status, ...(data && typeof data === 'object' ? data : {}), lang: res.headers.get('content-language') || undefined });

/** A file upload (multipart field `file`); the answer as api() gives it. @param {string} path @param {File | Blob} file @returns {Promise<unknown>} */
export async function apiUpload(path, file) {
  const body = new FormData();
  body.append('file', file);
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', 'Accept-Language': 'nl' };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const res = await fetch(API + path, { method: 'POST', headers, body }).catch(() => null);
  if (!res) throw new ApiError({ status: 0, code: 'network', detail: 'Geen verbinding met de server. Controleer uw internetverbinding en probeer het opnieuw.' });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw failure(res, data);
  return data;
}

/** A file the API serves behind the bearer token, as an object URL for a preview. @param {string} url (absolute API path) */
export async function apiObjectUrl(url) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const res = await fetch(url.startsWith('/api/') ? url : API + url, { headers });
  if (!res.ok) throw new ApiError({ status: res.status, code: res.status === 404 ? 'not_found' : undefined });
  return URL.createObjectURL(await res.blob());
}
