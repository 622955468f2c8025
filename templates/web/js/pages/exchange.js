// @ts-check
/* Exchange with municipalities: imports with their dry run, the hours for DUO, and the wi2021 term worklist. */
import { api, ApiError } from '../api.js';
import { dash, fmtDate, fmtDateTime, fullName, link, or, today } from '../format.js';
import { html, mount } from '../html.js';
import { listPage } from '../list-page.js';
import { municipalityNames } from '../lookups.js';
import { IMPORT_KIND_NL, IMPORT_STATE_NL, IMPORT_STATUS_NL, OUTCOME_NL } from '../network-labels.js';
import { select } from './network.js';
import { problemHtml } from '../problems.js';
import { isRole, state } from '../session.js';
import { $app, setTitle, toast } from '../ui.js';

/** Downloads a document with the bearer token (a plain link would carry none). */
async function download(/** @type {string} */ documentId, /** @type {string} */ fileName) {
  const res = await fetch(`/api/v1/documents/${documentId}/download`, { headers: { Authorization: `Bearer ${state.token}` } });
  if (!res.ok) throw new ApiError({ status: res.status, ...(await res.json().catch(() => ({}))) });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Polls a document until it is done or failed. */
async function waitDone(/** @type {string} */ id) {
  for (let i = 0; i < 120; i++) {
    const d = /** @type {import('../types.js').Schemas['DocumentView']} */ (await api(`/documents/${id}`));
    if (d.status === 'done' || d.status === 'failed' || d.status === 'expired') return d;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return null;
}

/** The counts of an import: its dry run's outcomes and, once committed, what it added. @param {Record<string, number>} s */
const counts = (s) => [
  `nieuw ${s.new ?? 0}`, `al bekend ${s.known ?? 0}`, `geweigerd ${s.refused ?? 0}`,
  ...(s.committed_created !== undefined ? [`vastgelegd ${s.committed_created}`] : []),
].join(' · ');

/** @param {URLSearchParams} params */
export async function importsPage(params) {
  const names = await municipalityNames();
  const staff = isRole('admin', 'coordinator');
  const options = Object.entries(names).map(([v, l]) => html`<option value="${v}">${l}</option>`);
  const intro = staff ? html`<p class="muted">Eerst volgt een proefimport: per rij ziet u of de deelnemer nieuw is, al bekend (op BSN) of geweigerd, met de reden. Pas na “Verwerken” wordt er iets vastgelegd.</p>
    <div class="grid"><section class="card"><h2>Nieuwe deelnemers van een gemeente</h2>
      <p class="muted">Excel (.xlsx) of CSV (; of ,) met de kolommen bsn, voornamen, achternaam, geboortedatum, e-mail, telefoon, leerroute, pip-datum, regime. Datums als DD-MM-JJJJ of JJJJ-MM-DD.</p>
      <form class="upload" data-route="learners"><div class="error" role="alert"></div><label>Gemeente <select name="municipalityId">${options}</select></label>
      <label>Bestand <input type="file" name="file" accept=".xlsx,.csv,text/csv" required></label><button type="submit">Proefimport starten</button></form></section>
    <section class="card"><h2>Examenuitslagen van DUO</h2>
      <p class="muted">JSON uit de Examen-koppeling van DUO, of CSV/Excel met bsn, examendatum, onderdeel, niveau, resultaat, redenGeenResultaat.</p>
      <form class="upload" data-route="exam-results"><div class="error" role="alert"></div><label>Gemeente <select name="municipalityId">${options}</select></label>
      <label>Bestand <input type="file" name="file" accept=".json,.csv,.xlsx" required></label><button type="submit">Proefimport starten</button></form></section></div>
    <h2>Eerdere importen</h2>` : html`<p class="muted">De lijsten en examenuitslagen die de school voor uw gemeente heeft ingelezen, met per import de uitkomst per rij.</p>`;
  const filters = html`<form class="inline filters">${staff ? html`<label>Gemeente ${select(names, 'municipalityId', params)}</label>` : ''}
    <label>Soort ${select(IMPORT_KIND_NL, 'kind', params)}</label><label>Status ${select(IMPORT_STATE_NL, 'state', params)}</label><button type="submit">Filteren</button></form>`;
  /** @type {import('../list-page.js').Column<import('../types.js').Schemas['ImportListItemView']>[]} */
  const columns = [
    { label: 'Ontvangen', sort: 'createdAt', render: (i) => link(`#/imports/${i.id}`, fmtDateTime(i.createdAt)) },
    { label: 'Soort', render: (i) => IMPORT_KIND_NL[i.kind] || i.kind },
    ...(staff ? [{ label: 'Gemeente', render: (/** @type {import('../types.js').Schemas['ImportListItemView']} */ i) => i.municipality.name }] : []),
    { label: 'Bestand', sort: 'fileName', render: (i) => i.fileName },
    { label: 'Status', render: (i) => html`${IMPORT_STATE_NL[i.state] || i.state} <span class="muted">(${IMPORT_STATUS_NL[i.status] || i.status})</span>` },
    { label: 'Aantallen', render: (i) => (i.status === 'uploaded' || i.status === 'refused' ? dash : counts(i.summary || {})) },
    { label: 'Door', render: (i) => or(i.requestedBy?.name) },
    { label: 'Verwerkt', render: (i) => (i.committedAt ? `${fmtDateTime(i.committedAt)}${i.committedBy ? ` door ${i.committedBy.name}` : ''}` : dash) },
  ];
  await listPage({
    title: staff ? 'Importeren' : 'Importen', path: '/imports', params, intro, filters, columns,
    rowHref: (i) => `#/imports/${i.id}`, empty: 'Nog geen importen.',
  });
  $app.querySelectorAll('form.upload').forEach((/** @type {HTMLFormElement} */ form) => {
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      const alertEl = form.querySelector('.error');
      alertEl.textContent = '';
      const res = await fetch(`/api/v1/imports/${form.dataset.route}`, { method: 'POST', headers: { Authorization: `Bearer ${state.token}` }, body: new FormData(form) });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        mount(/** @type {HTMLElement} */ (alertEl), problemHtml(new ApiError({ status: res.status, ...body })));
        return;
      }
      location.hash = `#/imports/${body.import.id}`;
    };
  });
}

/** @param {string} id */
export async function importPage(id) {
  let imp = /** @type {import('../types.js').Schemas['ImportView']} */ (await api(`/imports/${id}`));
  setTitle('Proefimport');
  const show = () => {
    const s = imp.summary || {};
    mount($app, html`<p class="crumbs">${link('#/imports', isRole('admin', 'coordinator') ? '← Importeren' : '← Importen')}</p>
      <h1>${imp.kind === 'learners' ? 'Import nieuwe deelnemers' : 'Import examenuitslagen'} <span class="sub">${imp.fileName}</span></h1>
      <p>Status: <strong>${IMPORT_STATUS_NL[imp.status] || imp.status}</strong>${imp.committedAt ? ` op ${fmtDateTime(imp.committedAt)}` : ''}</p>
      ${imp.fileError ? html`<div class="error" role="alert">${imp.fileError}</div>` : ''}
      <p>Nieuw: ${s.new ?? 0} · Al bekend: ${s.known ?? 0} · Geweigerd: ${s.refused ?? 0}${s.committed_created !== undefined ? ` · Vastgelegd: ${s.committed_created}` : ''}</p>
      <div class="error" id="commit-error" role="alert"></div>
      <p>${imp.dryRunDocumentId && imp.status !== 'uploaded' ? html`<button type="button" class="secondary" id="xlsx">Proefimport als Excel</button>` : ''}
      ${imp.status === 'checked' && isRole('admin', 'coordinator') ? html`<button type="button" id="commit">Verwerken (${s.new ?? 0} nieuw)</button>` : ''}</p>
      <div class="table-wrap"><table><thead><tr><th>Rij</th><th>Uitkomst</th><th>Omschrijving</th><th>Veld</th><th>Reden</th></tr></thead><tbody>
      ${imp.rows.map((r) => html`<tr><td>${r.line}</td><td>${OUTCOME_NL[r.outcome] || r.outcome}</td><td>${r.label}</td><td>${r.problems.map((p) => p.field).join(', ')}</td><td>${r.problems.map((p) => p.reason).join('; ')}</td></tr>`)}
      </tbody></table></div>`);
    const xlsx = document.getElementById('xlsx');
    if (xlsx) xlsx.onclick = () => download(imp.dryRunDocumentId, `Proefimport ${imp.fileName}.xlsx`).catch((e) => mount(document.getElementById('commit-error'), problemHtml(e)));
    const commit = /** @type {HTMLButtonElement} */ (document.getElementById('commit'));
    if (commit) commit.onclick = async () => {
      commit.disabled = true;
      try {
        imp = /** @type {any} */ (await api(`/imports/${id}/commit`, { method: 'POST' }));
        toast('Import verwerkt');
        show();
      } catch (e) {
        commit.disabled = false;
        mount(document.getElementById('commit-error'), problemHtml(e));
      }
    };
  };
  show();
  if (imp.status === 'uploaded' && imp.dryRunDocumentId) {
    await waitDone(imp.dryRunDocumentId);
    imp = /** @type {any} */ (await api(`/imports/${id}`));
    show();
  }
}

export async function duoHoursPage() {
  setTitle('Gevolgde uren voor DUO');
  const names = await municipalityNames();
  const own = isRole('municipality') ? state.user.municipalityId : null;
  mount($app, html`<h1>Gevolgde uren voor DUO</h1>
    <p class="muted">Per deelnemer (Wi2021, met BSN) de gevolgde uren taalles en KNM in hele uren, over routewisselingen heen, en voor de Z-route de uren participatie. Het bestand bevat BSN’s: het opvragen wordt vastgelegd.</p>
    <form class="card" id="hours" novalidate><div class="error" role="alert"></div>
      <label>Gemeente <select name="municipalityId">${Object.entries(names).filter(([v]) => !own || v === own).map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select></label>
      <label>Tot en met <input type="date" name="until" value="${today()}" required></label>
      <label>Formaat <select name="format"><option value="json">JSON (koppeling DUO)</option><option value="xlsx">Excel</option></select></label>
      <button type="submit">Maken</button><p id="status" aria-live="polite"></p></form>`);
  const form = /** @type {HTMLFormElement} */ (document.getElementById('hours'));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const statusEl = document.getElementById('status');
    const get = (/** @type {string} */ n) => /** @type {HTMLInputElement} */ (form.elements.namedItem(n)).value;
    try {
      const d = /** @type {import('../types.js').Schemas['DocumentView']} */ (await api('/exports/duo-hours', { method: 'POST', body: { municipalityId: get('municipalityId'), until: get('until'), format: get('format') } }));
      statusEl.textContent = 'Wordt gemaakt…';
      const done = await waitDone(d.id);
      if (done?.status !== 'done') {
        statusEl.textContent = `Mislukt: ${or(done?.errorMessage)}`;
        return;
      }
      statusEl.textContent = 'Klaar.';
      await download(d.id, done.fileName || `gevolgde-uren.${get('format')}`);
    } catch (e) {
      mount(/** @type {HTMLElement} */ (form.querySelector('.error')), problemHtml(e));
    }
  };
}

/** @param {URLSearchParams} params */
export function termWorklistPage(params) {
  /** @type {import('../list-page.js').Column<import('../types.js').Schemas['TermWorklistItemDto']>[]} */
  const columns = [
    { label: 'Deelnemer', render: (w) => html`${link(`#/trajectories/${w.trajectoryId}`, fullName(w.learner))} <span class="muted">${w.learner.learnerNumber}</span>` },
    { label: 'Gemeente', render: (w) => w.municipality.name },
    { label: 'Product', render: (w) => w.productName },
    { label: 'Eerste PIP-datum', render: (w) => fmtDate(w.firstPipDate) },
    { label: 'Termijn eindigt', sort: 'termEndDate', render: (w) => html`${fmtDate(w.termEndDate)} <span class="muted">(${w.daysLeft < 0 ? `${-w.daysLeft} dagen geleden` : `nog ${w.daysLeft} dagen`})</span>` },
    { label: 'Uren gevolgd', render: (w) => `${w.attendedHours.toLocaleString('nl-NL')} van ${w.contractedHours}${w.participationHours != null ? ` · participatie ${w.participationHours.toLocaleString('nl-NL')}` : ''}` },
    { label: 'Niveaus nu', render: (w) => w.levels.filter((l) => l.current || l.passed).map((l) => `${l.skill}: ${l.current || (l.passed ? 'behaald' : '')}`).join(', ') },
  ];
  return listPage({
    title: 'Inburgeringstermijn loopt af', path: '/trajectories/term-worklist', params, columns,
    intro: html`<p class="muted">Lopende Wi2021-trajecten waarvan de termijn van 3 jaar (vanaf de dag na de eerste PIP-datum) binnen 6 maanden afloopt of al is verlopen.</p>`,
    empty: 'Geen trajecten met een aflopende termijn.',
  });
}
