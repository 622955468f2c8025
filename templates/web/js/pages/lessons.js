// @ts-check
/* Lessen: lessons in a period (default: a week either side of today), and for coordinators the missing registers. */
import { api } from '../api.js';
import { addDays, fmtDay, hhmm, link, today } from '../format.js';
import { append, html, join, mount } from '../html.js';
import { listPage } from '../list-page.js';
import { problemHtml } from '../problems.js';
import { isRole } from '../session.js';
import { $app } from '../ui.js';

/** @param {HTMLElement} box */
async function missingRegisters(box) {
  const title = html`<h2>Lessen zonder volledige presentielijst</h2>`;
  try {
    const r = /** @type {import('../types.js').Page<import('../types.js').MissingRegisterGroup>} */ (await api('/attendance/missing-registers?pageSize=20'));
    mount(box, html`${title}${r.items.length
      ? html`<table><thead><tr><th scope="col">Docent</th><th scope="col">Groep</th><th scope="col">Lessen</th></tr></thead><tbody>${r.items
        .map((g) => html`<tr><td>${g.teacherName || 'geen docent'}</td><td>${g.groupName} <span class="muted">${g.groupCode}</span></td><td>${join((g.lessons || [])
          .map((ls) => link(`#/lessons/${ls.lessonId}/register`, `${fmtDay(ls.date)} (${ls.missing} van ${ls.expected} ontbreken)`)), html`<br>`)}</td></tr>`)}</tbody></table>
        ${r.total > r.items.length ? html`<p class="muted">En nog ${r.total - r.items.length} groepen.</p>` : ''}`
      : html`<p>Alle presentielijsten zijn ingevuld.</p>`}`);
  } catch (e) {
    mount(box, html`${title}<p class="error">${problemHtml(e)}</p>`);
  }
}

/** @param {URLSearchParams} params */
export async function lessonsPage(params) {
  const t = today();
  const defaults = { from: addDays(t, -7), to: addDays(t, 7), sort: 'date' };
  const q = new URLSearchParams(params);
  Object.entries(defaults).forEach(([k, v]) => !q.has(k) && q.set(k, v));
  const filters = html`<form class="inline filters"><label>Van <input type="date" name="from" value="${q.get('from')}"></label>
    <label>Tot en met <input type="date" name="to" value="${q.get('to')}"></label><button type="submit">Tonen</button>
    <span class="quick">Snel: <a href="#/lessons?from=${t}&to=${t}">vandaag</a> · <a href="#/lessons?from=${addDays(t, -7)}&to=${t}">afgelopen week</a> · <a href="#/lessons?from=${t}&to=${addDays(t, 7)}">komende week</a></span></form>`;
  /** @type {import('../list-page.js').Column<import('../types.js').Lesson>[]} */
  const columns = [
    { label: 'Datum', sort: 'date', render: (l) => html`${fmtDay(l.date)}${l.date === t ? html` <span class="badge">vandaag</span>` : ''}` },
    { label: 'Tijd', render: (l) => hhmm(l.startTime) },
    { label: 'Duur', render: (l) => `${l.minutes} min` },
    { label: 'Groep', sort: 'groupCode', render: (l) => html`${l.groupName || ''} <span class="muted">${l.groupCode || ''}</span>` },
    { label: 'Vorm', render: (l) => (l.mode === 'online' ? 'online' : 'fysiek') },
    {
      label: 'Presentielijst',
      render: (l) => (l.cancelled
        ? html`<span class="badge bad">vervallen</span> ${l.cancelReason || ''}`
        : link(`#/lessons/${l.id}/register`, l.date > t ? 'Bekijken (les nog niet geweest)' : 'Presentielijst')),
    },
  ];
  await listPage({
    title: 'Lessen', path: '/lessons', params: q, filters, columns,
    intro: html`<p class="muted">Kies een les om de presentielijst in te vullen of te bekijken.</p>`,
    empty: 'Geen lessen in deze periode.',
    rowHref: (l) => `#/lessons/${l.id}/register`,
  });
  if (isRole('admin', 'coordinator')) {
    append($app, html`<section class="card" id="missing"><h2>Lessen zonder volledige presentielijst</h2><p>Laden…</p></section>`);
    await missingRegisters(document.getElementById('missing'));
  }
}
