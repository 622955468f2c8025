// @ts-check
/* A paged, sortable table over a list endpoint, with the query kept in the URL (#/x?search=..&page=2). */
import { api } from './api.js';
import { html, mount } from './html.js';
import { $app, bindRowLinks, setTitle } from './ui.js';

/**
 * @template T
 * key: the column is shown only when the answer carries that field (which fields a role gets is the API's field rule).
 * @typedef {{ label: string, sort?: string, key?: string, render: (item: T) => import('./html.js').Value }} Column
 */

/**
 * columns: [{ label, sort?, render(item) → text or Html }]; filters: a `form.filters` whose fields become query
 * parameters; after(data) runs once the table is on screen.
 * @template T
 * @param {{ title: string, path: string, columns: Column<T>[], filters?: import('./html.js').Value, rowHref?: (item: T) => string,
 *   params: URLSearchParams, empty?: string, defaults?: Record<string, string>, intro?: import('./html.js').Value,
 *   after?: (data: import('./types.js').Page<T>) => unknown }} opts
 */
export async function listPage({ title, path, columns: allColumns, filters = '', rowHref, params, empty = 'Niets gevonden.', defaults = {}, intro = '', after }) {
  setTitle(title);
  const q = new URLSearchParams(params);
  Object.entries(defaults).forEach(([k, v]) => !q.has(k) && q.set(k, v));
  if (!q.get('page')) q.set('page', '1');
  if (!q.get('pageSize')) q.set('pageSize', '20');
  const apiQ = new URLSearchParams();
  q.forEach((v, k) => v !== '' && apiQ.set(k, v));
  const data = /** @type {import('./types.js').Page<T>} */ (await api(`${path}?${apiQ}`));
  const columns = allColumns.filter((c) => !c.key || data.items.some((it) => c.key in /** @type {object} */ (it)));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const sort = q.get('sort') || '';
  const head = columns.map((c) => {
    if (!c.sort) return html`<th scope="col">${c.label}</th>`;
    const dir = sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : null;
    const arrow = dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : '';
    return html`<th scope="col" aria-sort="${dir || 'none'}"><button type="button" class="sort" data-sort="${c.sort}" title="Sorteer op ${c.label.toLowerCase()}">${c.label}${arrow}</button></th>`;
  });
  const rows = data.items.map((it) => html`<tr class="${rowHref ? 'clickable' : ''}" data-href="${rowHref ? rowHref(it) : ''}">${columns.map((c) => html`<td>${c.render(it)}</td>`)}</tr>`);
  const from = data.total ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = Math.min(data.total, data.page * data.pageSize);
  const n = (/** @type {number} */ x) => x.toLocaleString('nl-NL');
  mount($app, html`<h1>${title}</h1>${intro}${filters}
    <div class="table-wrap" tabindex="0"><table><thead><tr>${head}</tr></thead><tbody>${rows.length ? rows : html`<tr><td colspan="${columns.length}" class="empty">${empty}</td></tr>`}</tbody></table></div>
    <nav class="pager" aria-label="Paginering"><button type="button" class="secondary" id="prev">Vorige</button>
    <span>Pagina ${n(data.page)} van ${n(pages)} · ${data.total ? `${n(from)}–${n(to)} van ` : ''}${n(data.total)} ${data.total === 1 ? 'resultaat' : 'resultaten'}</span>
    <button type="button" class="secondary" id="next">Volgende</button></nav>`);
  const prev = /** @type {HTMLButtonElement} */ (document.getElementById('prev'));
  const next = /** @type {HTMLButtonElement} */ (document.getElementById('next'));
  prev.disabled = data.page <= 1;
  next.disabled = data.page >= pages;
  // Defaults stay out of the URL so links and the back button stay short.
  /** @param {Record<string, string | number | null>} changes */
  const go = (changes) => {
    const u = new URLSearchParams(q);
    Object.entries(changes).forEach(([k, v]) => (v == null ? u.delete(k) : u.set(k, String(v))));
    if (u.get('page') === '1') u.delete('page');
    if (u.get('pageSize') === '20') u.delete('pageSize');
    location.hash = `${location.hash.split('?')[0]}?${u}`;
  };
  prev.onclick = () => go({ page: data.page - 1 });
  next.onclick = () => go({ page: data.page + 1 });
  $app.querySelectorAll('button.sort').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = () => go({ sort: sort === b.dataset.sort ? `-${b.dataset.sort}` : b.dataset.sort, page: 1 });
  });
  bindRowLinks();
  /** @type {HTMLFormElement | null} */
  const form = $app.querySelector('form.filters');
  if (form) {
    form.onsubmit = (ev) => {
      ev.preventDefault();
      /** @type {Record<string, string | number>} */
      const changes = { page: 1 };
      new FormData(form).forEach((v, k) => (changes[k] = String(v).trim()));
      go(changes);
    };
  }
  if (after) await after(data);
}
