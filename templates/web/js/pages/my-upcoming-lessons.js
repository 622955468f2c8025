// @ts-check
/* The learner's next four weeks of lessons on "Mijn traject": per lesson what was already reported (with
   "Intrekken" until the lesson starts), or a form to report absence in advance. */
import { api } from '../api.js';
import { addDays, fmtDateTime, fmtDay, hhmm, today, TZ } from '../format.js';
import { html, mount } from '../html.js';
import { problemHtml } from '../problems.js';
import { state } from '../session.js';
import { clearFormErrors, showFormErrors, toast } from '../ui.js';

/** @typedef {import('../types.js').Schemas['AdvanceAbsenceViewDto']} AdvanceAbsence */
/** @typedef {{ id: string, date: string, startTime: string, groupName: string, mode: string, cancelled?: boolean, cancelReason?: string | null }} UpcomingLesson */

/** "door u" or "door <name>", and when. @param {AdvanceAbsence} a */
const reportedBy = (a) => `gemeld ${a.recordedByName && a.recordedByName !== state.user?.displayName ? `door ${a.recordedByName}` : 'door u'} op ${fmtDateTime(a.recordedAt)}`;

/** @param {UpcomingLesson} l @param {AdvanceAbsence | undefined} a */
function cell(l, a) {
  if (l.cancelled) return html`<span class="badge bad">vervallen</span> ${l.cancelReason || ''}`;
  const day = fmtDay(l.date);
  if (a) {
    return html`<div class="reported"><span class="badge warn">afwezigheid gemeld</span> ${a.reason || ''} <span class="muted">(${reportedBy(a)})</span>
      <button type="button" class="secondary withdraw" data-lesson="${l.id}" aria-label="Intrekken: afwezigheid ${day}">Intrekken</button><span class="error" role="alert"></span></div>`;
  }
  return html`<form class="inline advance" data-lesson="${l.id}" novalidate><label><span class="sr-only">Reden afwezigheid ${day}</span><input name="reason" data-field="reason" maxlength="500" placeholder="reden" required></label><button type="submit" class="secondary">Afwezig melden</button><span class="error" role="alert"></span></form>`;
}

/** @param {import('../types.js').Trajectory} t */
export async function upcomingLessons(t) {
  const box = document.getElementById('upcoming');
  const title = html`<h2>Mijn komende lessen</h2>`;
  const from = today();
  try {
    const [r, reported] = await Promise.all([
      /** @type {Promise<import('../types.js').Page<import('../types.js').Lesson>>} */ (api(`/lessons?from=${from}&to=${addDays(from, 28)}&sort=date&pageSize=20`)),
      /** @type {Promise<import('../types.js').Schemas['AdvanceAbsenceListDto']>} */ (api(`/learners/${t.learnerId}/advance-absences`)),
    ]);
    const now = new Date().toLocaleTimeString('sv-SE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
    // A lesson that has started can no longer be reported in advance, nor withdrawn.
    /** @type {UpcomingLesson[]} */
    const items = r.items.filter((l) => l.date > from || hhmm(l.startTime) > now);
    /** @type {Map<string, AdvanceAbsence>} */
    const byLesson = new Map(reported.items.map((a) => [a.lessonId, a]));
    // Reported lessons beyond the four weeks are shown too: what was reported is never out of sight.
    for (const a of reported.items) {
      if (!items.some((l) => l.id === a.lessonId)) items.push({ id: a.lessonId, date: a.date, startTime: a.startTime, groupName: a.groupName, mode: a.mode });
    }
    items.sort((x, y) => (x.date + hhmm(x.startTime)).localeCompare(y.date + hhmm(y.startTime)));
    if (!items.length) {
      mount(box, html`${title}<p>Er staan de komende 4 weken geen lessen gepland.</p>`);
      return;
    }
    const count = reported.items.length;
    mount(box, html`${title}<p class="muted">Kunt u niet komen? Meld het hier vóór de les, met een reden. Tot de les begint kunt u het weer intrekken.</p>
      ${count ? html`<p role="status">U heeft zich voor ${count === 1 ? '1 les' : `${count} lessen`} afgemeld.</p>` : ''}
      <table class="upcoming"><thead><tr><th scope="col">Datum</th><th scope="col">Tijd</th><th scope="col">Groep</th><th scope="col">Vorm</th><th scope="col">Afwezig</th></tr></thead><tbody>${items
        .map((l) => html`<tr${byLesson.has(l.id) ? html` class="st-absent_authorised"` : ''}><td>${fmtDay(l.date)}</td><td>${hhmm(l.startTime)}</td><td>${l.groupName}</td><td>${l.mode === 'online' ? 'online' : 'fysiek'}</td><td>${cell(l, byLesson.get(l.id))}</td></tr>`)}</tbody></table>`);
    const again = () => upcomingLessons(t);
    box.querySelectorAll('form.advance').forEach((/** @type {HTMLFormElement & { reason: HTMLInputElement }} */ form) => {
      form.onsubmit = async (ev) => {
        ev.preventDefault();
        const alertEl = form.querySelector('[role="alert"]');
        clearFormErrors(form);
        alertEl.textContent = '';
        const reason = form.reason.value.trim();
        if (!reason) {
          alertEl.textContent = 'Vul een reden in.';
          form.reason.focus();
          return;
        }
        try {
          await api(`/lessons/${form.dataset.lesson}/advance-absence`, { method: 'POST', body: { learnerId: t.learnerId, reason } });
          toast('Uw afwezigheid is gemeld.');
          await again();
          focusLesson(box, form.dataset.lesson);
        } catch (e) {
          showFormErrors(form, e, alertEl);
        }
      };
    });
    box.querySelectorAll('button.withdraw').forEach((/** @type {HTMLButtonElement} */ btn) => {
      btn.onclick = async () => {
        const alertEl = btn.parentElement.querySelector('[role="alert"]');
        alertEl.textContent = '';
        btn.disabled = true;
        try {
          await api(`/lessons/${btn.dataset.lesson}/advance-absence/${t.learnerId}`, { method: 'DELETE' });
          toast('Uw afmelding is ingetrokken.');
          await again();
          focusLesson(box, btn.dataset.lesson);
        } catch (e) {
          btn.disabled = false;
          mount(alertEl, problemHtml(e));
        }
      };
    });
  } catch (e) {
    mount(box, html`${title}<p class="error">${problemHtml(e)}</p>`);
  }
}

/** After a change the list is drawn again: keep the keyboard on that lesson's row. @param {HTMLElement} box @param {string} lessonId */
function focusLesson(box, lessonId) {
  const el = /** @type {HTMLElement | null} */ (box.querySelector(`[data-lesson="${lessonId}"]`));
  const target = el instanceof HTMLFormElement ? /** @type {HTMLElement} */ (el.querySelector('input')) : el;
  target?.focus();
}
