/* Verzuimsignalen: filter by status and rule, sort, page. */
import { RULE_NL } from '../labels.js';
import { esc, fmtDate, fmtDateTime, link, nl, or, statusBadge } from '../format.js';
import { listPage } from '../list-page.js';
import { ruleText } from '../tables.js';

export function signalsPage(params) {
  const filters = `<form class="inline filters"><label>Status <select name="status"><option value="">alle</option>${['registered', 'in_progress', 'closed', 'withdrawn']
    .map((s) => `<option value="${s}" ${params.get('status') === s ? 'selected' : ''}>${nl(s)}</option>`).join('')}</select></label>
    <label>Regel <select name="rule"><option value="">alle</option>${['R1', 'R2'].map((r) => `<option value="${r}" ${params.get('rule') === r ? 'selected' : ''}>${esc(RULE_NL[r])}</option>`).join('')}</select></label>
    <button type="submit">Filteren</button></form>`;
  return listPage({
    title: 'Verzuimsignalen', path: '/signals', params, filters,
    intro: '<p class="muted">Een verzuimsignaal ontstaat vanzelf bij 3 lessen achter elkaar ongeoorloofd afwezig (R1) of 16 uur ongeoorloofd afwezig binnen 4 weken (R2).</p>',
    empty: 'Geen verzuimsignalen gevonden.',
    columns: [
      { label: 'Deelnemer', render: (s) => `${link(`#/signals/${s.id}`, esc(s.learnerName || 'deelnemer'))} <span class="muted">${esc(s.learnerNumber || '')}</span>` },
      { label: 'Regel', sort: 'rule', render: (s) => ruleText(s) },
      { label: 'Datum signaal', sort: 'triggeredOn', render: (s) => fmtDate(s.triggeredOn) },
      { label: 'Status', sort: 'status', render: (s) => statusBadge(s.status) },
      { label: 'Gemeld aan de gemeente op', render: (s) => or(fmtDate(s.reportedToMunicipalityOn)) },
      { label: 'Aangemaakt', sort: 'raisedAt', render: (s) => fmtDateTime(s.raisedAt) },
    ],
    rowHref: (s) => `#/signals/${s.id}`,
  });
}
