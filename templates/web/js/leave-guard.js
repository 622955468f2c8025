// @ts-check
/* A page with unsaved changes asks before the user leaves it: on a menu link or back button (hash change) and on
   reload or closing the tab (beforeunload). */

/** @type {(() => boolean) | null} */
let isDirty = null;

/** The current page registers how to tell it has unsaved changes; a new page starts without. @param {(() => boolean) | null} fn */
export function setLeaveGuard(fn) {
  isDirty = fn;
}

export const LEAVE_QUESTION = 'Er zijn wijzigingen die nog niet zijn opgeslagen. Wilt u de pagina verlaten zonder op te slaan?';

/** True when leaving may go ahead (nothing unsaved, or the user agreed). */
export function mayLeave() {
  if (!isDirty || !isDirty()) return true;
  if (!window.confirm(LEAVE_QUESTION)) return false;
  isDirty = null;
  return true;
}

window.addEventListener('beforeunload', (ev) => {
  if (isDirty && isDirty()) ev.preventDefault();
});
