/* A paged, sortable table over a list endpoint, with the query kept in the URL (#/x?search=..&page=2). */
import { api } from './api.js';
import { esc } from './format.js';
import { $app, bindRowLinks, setTitle } from './ui.js';

/**
 * columns: [{ label, sort?, render(item) → HTML }]; filters: a `form.filters` whose fields become query
 * parameters; after(data) runs once the table is on screen.
 */
export async function listPage({ title, path, columns, filters = '', rowHref, params, empty = 'Niets gevonden.', defaults = {}, intro = '', after }) {
  setTitle(title);
  const q = new URLSearchParams(params);
  Object.entries(defaults).forEach(([k, v]) => !q.has(k) && q.set(k, v));
  if (!q.get('page')) q.set('page', '1');
  if (!q.get('pageSize')) q.set('pageSize', '20');
  const apiQ = new URLSearchParams();
  q.forEach((v, k) => v !== '' && apiQ.set(k, v));
  const data = await api(`${path}?${apiQ}`);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const sort = q.get('sort') || '';
  const head = columns
    .map((c) => {
      if (!c.sort) return `<th scope="col">${c.label}</th>`;
      const dir = sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : null;
      const arrow = dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : '';
      return `<th scope="col"${dir ? ` aria-sort="${dir}"` : ''}><button type="button" class="sort" data-sort="${c.sort}" title="Sorteer op ${c.label.toLowerCase()}">${c.label}${arrow}</button></th>`;
    })
    .join('');
  const rows = data.items
    .map((it) => `<tr${rowHref ? ` class="clickable" data-href="${esc(rowHref(it))}"` : ''}>${columns.map((c) => `<td>${c.render(it)}</td>`).join('')}</tr>`)
    .join('');
  const from = data.total ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = Math.min(data.total, data.page * data.pageSize);
  $app.innerHTML = `<h1>${title}</h1>${intro}${filters}
    <div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows || `<tr><td colspan="${columns.length}" class="empty">${empty}</td></tr>`}</tbody></table></div>
    <nav class="pager" aria-label="Paginering"><button type="button" class="secondary" id="prev" ${data.page <= 1 ? 'disabled' : ''}>Vorige</button>
    <span>Pagina ${data.page.toLocaleString('nl-NL')} van ${pages.toLocaleString('nl-NL')} · ${data.total ? `${from.toLocaleString('nl-NL')}–${to.toLocaleString('nl-NL')} van ` : ''}${data.total.toLocaleString('nl-NL')} ${data.total === 1 ? 'resultaat' : 'resultaten'}</span>
    <button type="button" class="secondary" id="next" ${data.page >= pages ? 'disabled' : ''}>Volgende</button></nav>`;
  // Defaults stay out of the URL so links and the back button stay short.
  const go = (changes) => {
    const n = new URLSearchParams(q);
    Object.entries(changes).forEach(([k, v]) => (v == null ? n.delete(k) : n.set(k, v)));
    if (n.get('page') === '1') n.delete('page');
    if (n.get('pageSize') === '20') n.delete('pageSize');
    location.hash = `${location.hash.split('?')[0]}?${n}`;
  };
  document.getElementById('prev').onclick = () => go({ page: data.page - 1 });
  document.getElementById('next').onclick = () => go({ page: data.page + 1 });
  $app.querySelectorAll('button.sort').forEach((b) => {
    b.onclick = () => go({ sort: sort === b.dataset.sort ? `-${b.dataset.sort}` : b.dataset.sort, page: 1 });
  });
  bindRowLinks();
  const form = $app.querySelector('form.filters');
  if (form) {
    form.onsubmit = (ev) => {
      ev.preventDefault();
      const changes = { page: 1 };
      new FormData(form).forEach((v, k) => (changes[k] = String(v).trim()));
      go(changes);
    };
  }
  if (after) await after(data);
}
