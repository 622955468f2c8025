// @ts-check
/* Verzuimsignalen, the coordinator's worklist: filter by status, rule, municipality and "over tijd", sort, page. */
import { RULE_NL } from '../labels.js';
import { fmtDate, link, nl, or, statusBadge, withLatin } from '../format.js';
import { html } from '../html.js';
import { listPage } from '../list-page.js';
import { municipalityNames } from '../lookups.js';
import { isRole } from '../session.js';
import { overdueBadge, ruleText, signalAge } from '../tables.js';

/** @param {URLSearchParams} params */
export async function signalsPage(params) {
  const opt = (/** @type {string} */ v, /** @type {string} */ label, /** @type {string} */ name) => html`<option value="${v}" ${params.get(name) === v ? html`selected` : ''}>${label}</option>`;
  // A municipality user only ever sees its own: no choice to offer.
  const names = isRole('municipality') ? {} : await municipalityNames();
  const municipalities = Object.entries(names).sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  const filters = html`<form class="inline filters"><label>Status <select name="status"><option value="">alle</option>${['registered', 'in_progress', 'closed', 'withdrawn']
    .map((s) => opt(s, nl(s), 'status'))}</select></label>
    <label>Regel <select name="rule"><option value="">alle</option>${['R1', 'R2'].map((r) => opt(r, RULE_NL[r], 'rule'))}</select></label>
    ${municipalities.length ? html`<label>Gemeente <select name="municipalityId"><option value="">alle</option>${municipalities.map(([id, name]) => opt(id, name, 'municipalityId'))}</select></label>` : ''}
    <label>Melding <select name="overdue"><option value="">alle</option>${opt('true', 'over tijd', 'overdue')}${opt('false', 'op tijd', 'overdue')}</select></label>
    <button type="submit">Filteren</button></form>`;
  /** @type {import('../list-page.js').Column<import('../types.js').Signal>[]} */
  const columns = [
    { label: 'Deelnemer', render: (s) => html`${link(`#/signals/${s.id}`, withLatin(s.learnerName, s.learnerNameLatin) || 'deelnemer')} <span class="muted">${s.learnerNumber || ''}</span>` },
    { label: 'Gemeente', render: (s) => or(s.municipalityName) },
    { label: 'Regel', sort: 'rule', render: (s) => ruleText(s) },
    { label: 'Datum signaal', sort: 'triggeredOn', render: (s) => fmtDate(s.triggeredOn) },
    { label: 'Leeftijd', sort: 'raisedAt', render: (s) => signalAge(s) },
    { label: 'Status', sort: 'status', render: (s) => html`${statusBadge(s.status)} ${overdueBadge(s)}` },
    {
      label: 'Gemeld aan de gemeente op',
      render: (s) => (s.reportedToMunicipalityOn ? fmtDate(s.reportedToMunicipalityOn)
        : s.notReportedReason ? 'niet gemeld'
          : s.status === 'registered' || s.status === 'in_progress' ? html`<span class="muted">uiterlijk ${fmtDate(s.reportDueOn)}</span>` : or(null)),
    },
  ];
  return listPage({
    title: 'Verzuimsignalen', path: '/signals', params, filters, columns,
    intro: html`<p class="muted">Een verzuimsignaal ontstaat vanzelf bij de drempels in het contract van de gemeente: een aantal lessen achter elkaar ongeoorloofd afwezig (R1) of een aantal uren ongeoorloofd afwezig binnen een periode (R2). Meld een signaal binnen 5 werkdagen (maandag tot en met vrijdag) aan de gemeente; daarna staat het op ‘over tijd’.</p>`,
    empty: 'Geen verzuimsignalen gevonden.',
    rowHref: (s) => `#/signals/${s.id}`,
  });
}
