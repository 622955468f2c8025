// @ts-check
/* One absence signal; coordinators take it in hand, record the report to the municipality, close or withdraw it. */
import { api } from '../api.js';
import { fmtDate, fmtDateTime, link, nl, or, statusBadge, today } from '../format.js';
import { html, join, mount } from '../html.js';
import { isRole } from '../session.js';
import { ruleText } from '../tables.js';
import { $app, clearFormErrors, setTitle, showFormErrors, toast } from '../ui.js';

const DONE_NL = { start: 'Signaal is in behandeling', report: 'Melding aan de gemeente vastgelegd', close: 'Signaal afgesloten', withdraw: 'Signaal ingetrokken' };

/** One form per step the signal's status allows; each posts to /signals/:id/<data-action>. */
/** @param {import('../types.js').Signal} s */
function actionForms(s) {
  const actions = [];
  if (s.status === 'registered') actions.push(html`<form class="action" data-action="start"><h3>In behandeling nemen</h3><button type="submit">In behandeling nemen</button></form>`);
  actions.push(html`<form class="action" data-action="report" novalidate><h3>Gemeld aan de gemeente</h3><label>Gemeld aan de gemeente op <input type="date" name="reportedToMunicipalityOn" data-field="reportedToMunicipalityOn" min="${s.triggeredOn}" max="${today()}" value="${s.reportedToMunicipalityOn || today()}" required></label><button type="submit">Melding vastleggen</button></form>`);
  if (s.status === 'in_progress') actions.push(html`<form class="action" data-action="close" novalidate><h3>Afsluiten</h3><label>Toelichting bij afsluiten <textarea name="note" data-field="note" rows="2" maxlength="2000" required></textarea></label><button type="submit">Signaal afsluiten</button></form>`);
  actions.push(html`<form class="action" data-action="withdraw" novalidate><h3>Intrekken (ten onrechte aangemaakt)</h3><label>Toelichting bij intrekken <textarea name="note" data-field="note" rows="2" maxlength="2000" required></textarea></label><button type="submit" class="secondary">Signaal intrekken</button></form>`);
  return actions;
}

/** @param {string} id */
export async function signalPage(id) {
  const s = /** @type {import('../types.js').Signal} */ (await api(`/signals/${id}`));
  setTitle(`Verzuimsignaal ${s.learnerName}`);
  const open = s.status === 'registered' || s.status === 'in_progress';
  const canAct = isRole('admin', 'coordinator') && open;
  const lessonIds = /** @type {string[]} */ (s.details?.lessonIds || []);
  mount($app, html`<p class="crumbs">${link('#/signals', '← Verzuimsignalen')}</p>
    <h1>Verzuimsignaal ${s.learnerName} ${statusBadge(s.status)}</h1>
    <div class="grid"><section class="card"><h2>Signaal</h2><dl>
      <dt>Deelnemer</dt><dd>${isRole('finance') ? s.learnerName : link(`#/learners/${s.learnerId}`, s.learnerName)} <span class="muted">${s.learnerNumber}</span></dd>
      <dt>Traject</dt><dd>${link(`#/trajectories/${s.trajectoryId}`, 'Naar het traject')}</dd>
      <dt>Regel</dt><dd>${ruleText(s)}</dd>
      ${lessonIds.length ? html`<dt>Lessen</dt><dd>${join(lessonIds.map((l, i) => link(`#/lessons/${l}/register`, `les ${i + 1}`)), ', ')}</dd>` : ''}
      <dt>Datum signaal</dt><dd>${fmtDate(s.triggeredOn)}</dd>
      <dt>Aangemaakt</dt><dd>${fmtDateTime(s.raisedAt)}</dd>
      <dt>Status</dt><dd>${nl(s.status)}</dd>
      <dt>Gemeld aan de gemeente op</dt><dd>${or(fmtDate(s.reportedToMunicipalityOn), 'nog niet gemeld')}</dd>
      ${s.handledAt ? html`<dt>Laatst behandeld</dt><dd>${fmtDateTime(s.handledAt)}</dd>` : ''}
      ${s.closedAt ? html`<dt>Afgesloten</dt><dd>${fmtDateTime(s.closedAt)}</dd>` : ''}
      ${s.note ? html`<dt>Toelichting</dt><dd>${s.note}</dd>` : ''}</dl></section>
    ${canAct ? html`<section class="card"><h2>Afhandelen</h2><div class="error" id="sig-error" role="alert"></div>${actionForms(s)}</section>` : ''}</div>`);
  $app.querySelectorAll('form.action').forEach((/** @type {HTMLFormElement & Record<string, any>} */ form) => {
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      const alertEl = document.getElementById('sig-error');
      clearFormErrors(form);
      alertEl.textContent = '';
      // The version makes a step taken on a stale page fail with a conflict instead of overwriting.
      /** @type {Record<string, unknown>} */
      const body = { version: s.version };
      const action = form.dataset.action;
      if (action === 'report') body.reportedToMunicipalityOn = form.reportedToMunicipalityOn.value;
      if (action === 'close' || action === 'withdraw') body.note = form.note.value.trim();
      const btn = /** @type {HTMLButtonElement} */ (form.querySelector('button'));
      btn.disabled = true;
      try {
        await api(`/signals/${id}/${action}`, { method: 'POST', body });
        toast(DONE_NL[action]);
        await signalPage(id);
      } catch (e) {
        btn.disabled = false;
        showFormErrors(form, e, alertEl);
      }
    };
  });
}
