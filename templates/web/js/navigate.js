// @ts-check
/* Hash navigation that also works when the hash is already the target. */

/** Navigates; when the hash does not change the browser fires no hashchange, so fire one for the router. */
/** @param {string} hash */
export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
