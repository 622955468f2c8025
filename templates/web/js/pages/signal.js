// @ts-check
/* One absence signal; coordinators take it in hand, record the report to the municipality, close or withdraw it. */
import { api } from '../api.js';
import { fmtDate, fmtDateTime, fmtDay, hhmm, link, nl, or, statusBadge, today, withLatin } from '../format.js';
import { html, join, mount } from '../html.js';
import { isRole } from '../session.js';
import { overdueBadge, ruleText, signalAge } from '../tables.js';
import { $app, clearFormErrors, setTitle, showFormErrors, toast } from '../ui.js';

const DONE_NL = { start: 'Signaal is in behandeling', report: 'Melding aan de gemeente vastgelegd', close: 'Signaal afgesloten', withdraw: 'Signaal ingetrokken' };

/** @typedef {import('../types.js').Schemas['SignalDetailDto']} SignalDetail */

/** One form per step the signal's status allows; each posts to /signals/:id/<data-action>. */
/** @param {SignalDetail} s */
function actionForms(s) {
  const actions = [];
  const reported = Boolean(s.reportedToMunicipalityOn);
  if (s.status === 'registered') actions.push(html`<form class="action" data-action="start"><h3>In behandeling nemen</h3><button type="submit">In behandeling nemen</button></form>`);
  actions.push(html`<form class="action" data-action="report" novalidate><h3>Gemeld aan de gemeente</h3><label>Gemeld aan de gemeente op <input type="date" name="reportedToMunicipalityOn" data-field="reportedToMunicipalityOn" min="${s.triggeredOn}" max="${today()}" value="${s.reportedToMunicipalityOn || today()}" required></label><button type="submit">Melding vastleggen</button></form>`);
  // Closing needs the report date (recorded already, or given here) or why it was not reported; the API refuses otherwise.
  if (s.status === 'in_progress') {
    actions.push(html`<form class="action" data-action="close" novalidate><h3>Afsluiten</h3>
      ${reported ? html`<p class="muted">Gemeld aan de gemeente op ${fmtDate(s.reportedToMunicipalityOn)}.</p>`
        : html`<p class="muted">Nog niet aan de gemeente gemeld: vul de datum van de melding in, of de reden waarom het signaal niet wordt gemeld.</p>
        <label>Datum melding aan de gemeente <input type="date" name="reportedToMunicipalityOn" data-field="reportedToMunicipalityOn" min="${s.triggeredOn}" max="${today()}"></label>
        <label>Reden waarom niet gemeld <textarea name="notReportedReason" data-field="notReportedReason" rows="2" maxlength="2000"></textarea></label>`}
      <label>Toelichting bij afsluiten <textarea name="note" data-field="note" rows="2" maxlength="2000" required></textarea></label><button type="submit">Signaal afsluiten</button></form>`);
  }
  actions.push(html`<form class="action" data-action="withdraw" novalidate><h3>Intrekken (ten onrechte aangemaakt)</h3><label>Toelichting bij intrekken <textarea name="note" data-field="note" rows="2" maxlength="2000" required></textarea></label><button type="submit" class="secondary">Signaal intrekken</button></form>`);
  return actions;
}

/** The lessons behind the signal by date; staff who keep registers open them. @param {SignalDetail} s */
function lessonLinks(s) {
  const registers = isRole('admin', 'coordinator', 'teacher');
  return join((s.lessons || []).map((l) => {
    const text = `${fmtDay(l.date)} ${hhmm(l.startTime)}`;
    return html`<li>${registers ? link(`#/lessons/${l.lessonId}/register`, text) : text} <span class="muted">${l.groupCode}</span></li>`;
  }));
}

/** @param {string} id */
export async function signalPage(id) {
  const s = /** @type {SignalDetail} */ (await api(`/signals/${id}`));
  const name = withLatin(s.learnerName, s.learnerNameLatin);
  setTitle(`Verzuimsignaal ${name}`);
  const open = s.status === 'registered' || s.status === 'in_progress';
  const canAct = isRole('admin', 'coordinator') && open;
  mount($app, html`<p class="crumbs">${link('#/signals', '← Verzuimsignalen')}</p>
    <h1>Verzuimsignaal ${name} ${statusBadge(s.status)} ${overdueBadge(s)}</h1>
    <div class="grid"><section class="card"><h2>Signaal</h2><dl>
      <dt>Deelnemer</dt><dd>${isRole('finance') ? name : link(`#/learners/${s.learnerId}`, name)} <span class="muted">${s.learnerNumber}</span></dd>
      <dt>Gemeente</dt><dd>${or(s.municipalityName)}</dd>
      <dt>Traject</dt><dd>${link(`#/trajectories/${s.trajectoryId}`, 'Naar het traject')}</dd>
      <dt>Regel</dt><dd>${ruleText(s)}</dd>
      ${s.lessons?.length ? html`<dt>Lessen</dt><dd><ul class="plain">${lessonLinks(s)}</ul></dd>` : ''}
      <dt>Datum signaal</dt><dd>${fmtDate(s.triggeredOn)}</dd>
      <dt>Aangemaakt</dt><dd>${fmtDateTime(s.raisedAt)} <span class="muted">(${signalAge(s)})</span></dd>
      <dt>Status</dt><dd>${nl(s.status)}</dd>
      <dt>Gemeld aan de gemeente op</dt><dd>${s.reportedToMunicipalityOn ? fmtDate(s.reportedToMunicipalityOn) : s.notReportedReason ? 'niet gemeld' : `nog niet gemeld (uiterlijk ${fmtDate(s.reportDueOn)})`}</dd>
      ${s.notReportedReason ? html`<dt>Reden waarom niet gemeld</dt><dd>${s.notReportedReason}</dd>` : ''}
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
      if (action === 'close') {
        if (form.reportedToMunicipalityOn?.value) body.reportedToMunicipalityOn = form.reportedToMunicipalityOn.value;
        if (form.notReportedReason?.value.trim()) body.notReportedReason = form.notReportedReason.value.trim();
      }
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
