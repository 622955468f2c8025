// @ts-check
/* The learner's next four weeks of lessons on "Mijn traject", each with a form to report absence in advance. */
import { api } from '../api.js';
import { addDays, fmtDay, hhmm, today, TZ } from '../format.js';
import { html, mount, replace } from '../html.js';
import { problemHtml } from '../problems.js';
import { clearFormErrors, showFormErrors, toast } from '../ui.js';

/** @param {import('../types.js').Trajectory} t */
export async function upcomingLessons(t) {
  const box = document.getElementById('upcoming');
  const title = html`<h2>Mijn komende lessen</h2>`;
  const from = today();
  try {
    const r = /** @type {import('../types.js').Page<import('../types.js').Lesson>} */ (await api(`/lessons?from=${from}&to=${addDays(from, 28)}&sort=date&pageSize=20`));
    const now = new Date().toLocaleTimeString('sv-SE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
    // A lesson that has started can no longer be reported in advance.
    const items = r.items.filter((l) => l.date > from || hhmm(l.startTime) > now);
    if (!items.length) {
      mount(box, html`${title}<p>Er staan de komende 4 weken geen lessen gepland.</p>`);
      return;
    }
    mount(box, html`${title}<p class="muted">Kunt u niet komen? Meld het hier vóór de les, met een reden.</p>
      <table><thead><tr><th scope="col">Datum</th><th scope="col">Tijd</th><th scope="col">Groep</th><th scope="col">Vorm</th><th scope="col">Afwezig melden</th></tr></thead><tbody>${items
        .map((l) => html`<tr><td>${fmtDay(l.date)}</td><td>${hhmm(l.startTime)}</td><td>${l.groupName}</td><td>${l.mode === 'online' ? 'online' : 'fysiek'}</td><td>${l.cancelled
          ? html`<span class="badge bad">vervallen</span> ${l.cancelReason || ''}`
          : html`<form class="inline advance" data-lesson="${l.id}" novalidate><label><span class="sr-only">Reden afwezigheid ${fmtDay(l.date)}</span><input name="reason" data-field="reason" maxlength="500" placeholder="reden" required></label><button type="submit" class="secondary">Afwezig melden</button><span class="error" role="alert"></span></form>`}</td></tr>`)}</tbody></table>`);
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
          replace(form, html`<span class="badge">afwezigheid gemeld</span> ${reason}`);
          toast('Uw afwezigheid is gemeld.');
        } catch (e) {
          showFormErrors(form, e, alertEl);
        }
      };
    });
  } catch (e) {
    mount(box, html`${title}<p class="error">${problemHtml(e)}</p>`);
  }
}
