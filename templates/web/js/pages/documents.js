// @ts-check
/* Mijn documenten: every document the user requested (and, for a learner, its own certificates), with live progress
   and a download button; admins can request a check file and open the queues. */
import { api } from '../api.js';
import { documentStatus, downloadDocument, followDocument } from '../documents.js';
import { fmtDateTime, or } from '../format.js';
import { html, mount, replace } from '../html.js';
import { problemHtml } from '../problems.js';
import { isRole } from '../session.js';
import { $app, setTitle, toast } from '../ui.js';

/** @typedef {import('../types.js').DocumentView} DocumentView */

/** Streams still open on this page; closed when the page is left or drawn again. */
let stops = /** @type {(() => void)[]} */ ([]);
window.addEventListener('hashchange', () => {
  stops.forEach((s) => s());
  stops = [];
});

/** @param {DocumentView} d */
const row = (d) => html`<tr data-id="${d.id}">
  <td>${d.kindLabel}</td>
  <td>${or(d.fileName)}</td>
  <td class="doc-status">${documentStatus(d)}</td>
  <td>${fmtDateTime(d.createdAt)}</td>
  <td>${d.status === 'done' ? html`<button type="button" class="download" data-id="${d.id}">Downloaden</button>` : ''}</td>
</tr>`;

/** @param {URLSearchParams} params */
export async function documentsPage(params) {
  stops.forEach((s) => s());
  stops = [];
  setTitle('Mijn documenten');
  const page = Math.max(1, Number(params.get('page')) || 1);
  // Staff see every document in the API's list; this page is about their own.
  const mine = isRole('admin', 'coordinator') ? '&mine=true' : '';
  const data = /** @type {import('../types.js').DocumentPage} */ (await api(`/documents?page=${page}&pageSize=20${mine}`));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  mount(
    $app,
    html`<h1>Mijn documenten</h1>
    <p class="muted">Documenten worden op de achtergrond gemaakt; u ziet hier de voortgang en kunt ze downloaden zodra ze klaar zijn.</p>
    ${isRole('admin') ? html`<p><button type="button" id="check">Controlebestand aanvragen</button> <a href="#/queues">Wachtrijen</a></p>` : ''}
    <div id="doc-alert"></div>
    ${data.items.length
      ? html`<table class="list"><thead><tr><th scope="col">Soort</th><th scope="col">Bestand</th><th scope="col">Status</th><th scope="col">Aangevraagd</th><th scope="col"><span class="sr-only">Downloaden</span></th></tr></thead>
        <tbody>${data.items.map(row)}</tbody></table>
        ${pages > 1 ? html`<p class="pager">${page > 1 ? html`<a href="#/documents?page=${page - 1}">Vorige</a> ` : ''}Pagina ${page} van ${pages}${page < pages ? html` <a href="#/documents?page=${page + 1}">Volgende</a>` : ''}</p>` : ''}`
      : html`<p>U heeft nog geen documenten.</p>`}`,
  );
  const alertEl = /** @type {HTMLElement} */ ($app.querySelector('#doc-alert'));
  const show = (/** @type {DocumentView} */ d) => {
    const tr = $app.querySelector(`tr[data-id="${d.id}"]`);
    if (tr) replace(tr, row(d));
  };
  for (const d of data.items) if (d.status === 'pending' || d.status === 'running') stops.push(followDocument(d.id, show));
  // On the table, not $app: the listener goes away with the page.
  $app.querySelector('table.list')?.addEventListener('click', async (ev) => {
    const btn = /** @type {HTMLElement} */ (ev.target).closest('button.download');
    if (!(btn instanceof HTMLButtonElement)) return;
    btn.disabled = true;
    try {
      await downloadDocument(btn.dataset.id || '');
    } catch (e) {
      mount(alertEl, html`<div class="error" role="alert">${problemHtml(e)}</div>`);
    } finally {
      btn.disabled = false;
    }
  });
  const check = $app.querySelector('#check');
  if (check instanceof HTMLButtonElement) {
    check.onclick = async () => {
      check.disabled = true;
      try {
        await api('/documents', { method: 'POST', body: { kind: 'pipeline.check', params: { note: `aangevraagd ${new Date().toISOString()}`, delayMs: 2000 } } });
        toast('Controlebestand aangevraagd');
        await documentsPage(new URLSearchParams());
      } catch (e) {
        mount(alertEl, html`<div class="error" role="alert">${problemHtml(e)}</div>`);
        check.disabled = false;
      }
    };
  }
}
