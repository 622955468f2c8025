/* Trajecten: filter by learner and status, sort, page. */
import { esc, fmtDate, fullName, link, nl, or, statusBadge } from '../format.js';
import { listPage } from '../list-page.js';

export function trajectoriesPage(params) {
  const filters = `<form class="inline filters"><label>Zoek deelnemer <input name="search" type="search" value="${esc(params.get('search'))}" placeholder="naam of deelnemernummer"></label>
    <label>Status <select name="status"><option value="">alle</option>${['planned', 'active', 'suspended', 'completed', 'dropped_out']
      .map((s) => `<option value="${s}" ${params.get('status') === s ? 'selected' : ''}>${nl(s)}</option>`).join('')}</select></label><button type="submit">Filteren</button></form>`;
  return listPage({
    title: 'Trajecten', path: '/trajectories', params, filters,
    empty: 'Geen trajecten gevonden.',
    columns: [
      { label: 'Deelnemer', render: (t) => link(`#/trajectories/${t.id}`, esc(fullName(t.learner) || 'deelnemer')) },
      { label: 'Nummer', render: (t) => or(t.learner?.learnerNumber) },
      { label: 'Product', render: (t) => or(t.product?.name) },
      { label: 'Gemeente', render: (t) => or(t.municipality?.name) },
      { label: 'Status', sort: 'status', render: (t) => statusBadge(t.status) },
      { label: 'Start', sort: 'startDate', render: (t) => or(fmtDate(t.startDate)) },
      { label: 'Gepland einde', sort: 'plannedEndDate', render: (t) => or(fmtDate(t.plannedEndDate)) },
    ],
    rowHref: (t) => `#/trajectories/${t.id}`,
  });
}
