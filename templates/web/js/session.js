// @ts-check
/* The logged-in user and token, kept in sessionStorage so a reload stays logged in but a new tab does not. */

/** Mutated in place (never reassigned) so every module that imports it sees the same session. */
/** @type {{ token: string | null, user: import('./types.js').LoginResult['user'] | null }} */
export const state = { token: null, user: null };
/** Per-session memo of lookups; emptied at logout so another user never sees them. */
/** @type {Record<string, any>} */
export const cache = {};

try {
  state.token = sessionStorage.getItem('koers.token');
  state.user = JSON.parse(sessionStorage.getItem('koers.user') || 'null');
} catch {
  state.token = null;
  state.user = null;
}

export const role = () => state.user?.role;
/** @param {...string} roles */
export const isRole = (...roles) => roles.includes(role());

/** @param {string} token @param {import('./types.js').LoginResult['user']} user */
export function startSession(token, user) {
  state.token = token;
  state.user = user;
  sessionStorage.setItem('koers.token', state.token);
  sessionStorage.setItem('koers.user', JSON.stringify(state.user));
}

export function clearSession() {
  state.token = null;
  state.user = null;
  sessionStorage.removeItem('koers.token');
  sessionStorage.removeItem('koers.user');
  Object.keys(cache).forEach((k) => delete cache[k]);
}

/** After a 401: back to login with a notice, remembering the page to return to. */
export function sessionExpired() {
  if (!state.token) return;
  const back = location.hash;
  clearSession();
  sessionStorage.setItem('koers.notice', 'Uw sessie is verlopen; log opnieuw in.');
  if (back && !back.startsWith('#/login')) sessionStorage.setItem('koers.back', back);
  location.hash = '#/login';
}
