// @ts-check
/* Trajecten: filter by learner and status, sort, page. */
import { fmtDate, fullName, link, nl, or, statusBadge } from '../format.js';
import { html } from '../html.js';
import { listPage } from '../list-page.js';

/** @param {URLSearchParams} params */
export function trajectoriesPage(params) {
  const filters = html`<form class="inline filters"><label>Zoek deelnemer <input name="search" type="search" value="${params.get('search')}" placeholder="naam of deelnemernummer"></label>
    <label>Status <select name="status"><option value="">alle</option>${['planned', 'active', 'suspended', 'completed', 'dropped_out']
      .map((s) => html`<option value="${s}" ${params.get('status') === s ? html`selected` : ''}>${nl(s)}</option>`)}</select></label><button type="submit">Filteren</button></form>`;
  /** @type {import('../list-page.js').Column<import('../types.js').Trajectory>[]} */
  const columns = [
    { label: 'Deelnemer', render: (t) => link(`#/trajectories/${t.id}`, fullName(t.learner) || 'deelnemer') },
    { label: 'Nummer', render: (t) => or(t.learner?.learnerNumber) },
    { label: 'Product', render: (t) => or(t.product?.name) },
    { label: 'Gemeente', render: (t) => or(t.municipality?.name) },
    { label: 'Status', sort: 'status', render: (t) => statusBadge(t.status) },
    { label: 'Start', sort: 'startDate', render: (t) => or(fmtDate(t.startDate)) },
    { label: 'Gepland einde', sort: 'plannedEndDate', render: (t) => or(fmtDate(t.plannedEndDate)) },
  ];
  return listPage({
    title: 'Trajecten', path: '/trajectories', params, filters, columns,
    empty: 'Geen trajecten gevonden.',
    rowHref: (t) => `#/trajectories/${t.id}`,
  });
}
