// @ts-check
/* Verzuimsignalen: filter by status and rule, sort, page. */
import { RULE_NL } from '../labels.js';
import { fmtDate, fmtDateTime, link, nl, or, statusBadge } from '../format.js';
import { html } from '../html.js';
import { listPage } from '../list-page.js';
import { ruleText } from '../tables.js';

/** @param {URLSearchParams} params */
export function signalsPage(params) {
  const opt = (/** @type {string} */ v, /** @type {string} */ label, /** @type {string} */ name) => html`<option value="${v}" ${params.get(name) === v ? html`selected` : ''}>${label}</option>`;
  const filters = html`<form class="inline filters"><label>Status <select name="status"><option value="">alle</option>${['registered', 'in_progress', 'closed', 'withdrawn']
    .map((s) => opt(s, nl(s), 'status'))}</select></label>
    <label>Regel <select name="rule"><option value="">alle</option>${['R1', 'R2'].map((r) => opt(r, RULE_NL[r], 'rule'))}</select></label>
    <button type="submit">Filteren</button></form>`;
  /** @type {import('../list-page.js').Column<import('../types.js').Signal>[]} */
  const columns = [
    { label: 'Deelnemer', render: (s) => html`${link(`#/signals/${s.id}`, s.learnerName || 'deelnemer')} <span class="muted">${s.learnerNumber || ''}</span>` },
    { label: 'Regel', sort: 'rule', render: (s) => ruleText(s) },
    { label: 'Datum signaal', sort: 'triggeredOn', render: (s) => fmtDate(s.triggeredOn) },
    { label: 'Status', sort: 'status', render: (s) => statusBadge(s.status) },
    { label: 'Gemeld aan de gemeente op', render: (s) => or(fmtDate(s.reportedToMunicipalityOn)) },
    { label: 'Aangemaakt', sort: 'raisedAt', render: (s) => fmtDateTime(s.raisedAt) },
  ];
  return listPage({
    title: 'Verzuimsignalen', path: '/signals', params, filters, columns,
    intro: html`<p class="muted">Een verzuimsignaal ontstaat vanzelf bij de drempels in het contract van de gemeente: een aantal lessen achter elkaar ongeoorloofd afwezig (R1) of een aantal uren ongeoorloofd afwezig binnen een periode (R2). Bij elk signaal staan de drempels die golden.</p>`,
    empty: 'Geen verzuimsignalen gevonden.',
    rowHref: (s) => `#/signals/${s.id}`,
  });
}
