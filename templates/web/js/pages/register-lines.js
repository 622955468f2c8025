// @ts-check
/* One line of the presentielijst: big status buttons, minutes late within the lesson's length, a fixed absence
   reason (or "overig" with a note), and a hint of the learner's recent absences. */
import { ABSENCE_REASONS, ATTENDANCE, ATTENDANCE_SHORT } from '../labels.js';
import { fullName } from '../format.js';
import { html } from '../html.js';

/** @typedef {import('../types.js').RegisterLine} RegisterLine */

/** A stored reason → the picked reason and the note. @param {string | null | undefined} text */
export function splitReason(text) {
  const t = String(text || '').trim();
  if (!t) return { reason: '', note: '' };
  if (ABSENCE_REASONS.includes(t)) return { reason: t, note: '' };
  return { reason: 'overig', note: t.replace(/^overig:\s*/, '') };
}

/** The reason as stored: the picked word, or "overig: note". @param {string} reason @param {string} note */
export const joinReason = (reason, note) => (reason === 'overig' ? (note ? `overig: ${note}` : 'overig') : reason);

/**
 * @param {RegisterLine} e
 * @param {number} i
 * @param {number} lessonMinutes
 * @param {{ unauthorised: number, authorised: number } | undefined} recent
 */
export function registerLine(e, i, lessonMinutes, recent) {
  const rec = e.record;
  const st = rec?.status || 'present';
  const name = fullName(e);
  const { reason, note } = splitReason(rec?.absenceReason);
  const hint = recent && (recent.unauthorised || recent.authorised)
    ? html`<span class="hint ${recent.unauthorised >= 2 ? 'warn' : ''}">${[recent.unauthorised ? `${recent.unauthorised}× ongeoorloofd` : '', recent.authorised ? `${recent.authorised}× geoorloofd` : ''].filter(Boolean).join(', ')} in de laatste 4 weken</span>`
    : '';
  return html`<tr data-i="${i}" class="st-${st}"><th scope="row"><span class="name">${name}</span> <span class="muted">${e.learnerNumber}</span>${rec?.reportedInAdvance ? html` <span class="badge">vooraf gemeld</span>` : ''}${hint ? html`<br>${hint}` : ''}</th>
    <td><div class="status-buttons" role="radiogroup" aria-label="Status ${name}" data-field="entries[${i}].status">${ATTENDANCE.map((s) => html`<label class="status-btn s-${s}"><input type="radio" name="status-${i}" value="${s}" ${s === st ? html`checked` : ''}><span>${ATTENDANCE_SHORT[s]}</span></label>`)}</div>
      <div class="line-extra">
      <span class="late-cell"><label>Minuten te laat ${html`<span class="sr-only">${name}</span>`}<span class="input-group"><input type="number" min="1" max="${lessonMinutes}" step="1" inputmode="numeric" name="late-${i}" data-field="entries[${i}].minutesLate" value="${st === 'late' ? rec?.minutesLate || '' : ''}" aria-describedby="late-help-${i}"> min</span></label><span class="muted" id="late-help-${i}">hoogstens ${lessonMinutes} minuten (de lesduur)</span></span>
      <span class="reason-cell"><label>Reden ${html`<span class="sr-only">${name}</span>`}<select name="reason-${i}" data-field="entries[${i}].absenceReason"><option value="">kies een reden</option>${ABSENCE_REASONS.map((r) => html`<option value="${r}" ${r === reason ? html`selected` : ''}>${r}</option>`)}</select></label>
        <label class="note-cell">Toelichting ${html`<span class="sr-only">${name}</span>`}<input name="note-${i}" maxlength="480" value="${note}"></label></span>
      </div><div class="line-errors" data-field="entries[${i}].learnerId"></div></td></tr>`;
}

/**
 * Reads one line from the form, or an error message the teacher sees before anything is sent.
 * @param {HTMLFormElement & Record<string, any>} form @param {RegisterLine} e @param {number} i @param {number} lessonMinutes
 * @returns {{ entry: import('../types.js').Schemas['RegisterEntryDto'], error?: { field: string, message: string } }}
 */
export function readLine(form, e, i, lessonMinutes) {
  const status = /** @type {any} */ (form.querySelector(`input[name="status-${i}"]:checked`))?.value || 'present';
  /** @type {import('../types.js').Schemas['RegisterEntryDto']} */
  const entry = { learnerId: e.learnerId, status };
  /** @type {{ field: string, message: string } | undefined} */
  let error;
  if (status === 'late') {
    const v = form[`late-${i}`].value.trim();
    entry.minutesLate = v === '' ? 0 : Number(v);
    if (entry.minutesLate > lessonMinutes) error = { field: `entries[${i}].minutesLate`, message: `mag niet meer zijn dan de ${lessonMinutes} minuten van de les` };
  }
  if (status === 'absent_authorised' || status === 'absent_unauthorised') {
    const reason = form[`reason-${i}`].value;
    const note = form[`note-${i}`].value.trim();
    if (reason) entry.absenceReason = joinReason(reason, note);
    if (reason === 'overig' && !note) error = { field: `entries[${i}].absenceReason`, message: 'vul bij ‘overig’ een toelichting in' };
  }
  return { entry, error };
}
