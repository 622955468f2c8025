/* Lessen: lessons in a period (default: a week either side of today), and for coordinators the missing registers. */
import { api } from '../api.js';
import { addDays, esc, fmtDay, link, today } from '../format.js';
import { listPage } from '../list-page.js';
import { problemHtml } from '../problems.js';
import { isRole } from '../session.js';
import { $app } from '../ui.js';

async function missingRegisters(box) {
  try {
    const r = await api('/attendance/missing-registers?pageSize=20');
    box.innerHTML = `<h2>Lessen zonder volledige presentielijst</h2>${r.items.length
      ? `<table><thead><tr><th scope="col">Docent</th><th scope="col">Groep</th><th scope="col">Lessen</th></tr></thead><tbody>${r.items
        .map((g) => `<tr><td>${esc(g.teacherName || 'geen docent')}</td><td>${esc(g.groupName)} <span class="muted">${esc(g.groupCode)}</span></td><td>${(g.lessons || [])
          .map((ls) => link(`#/lessons/${ls.lessonId}/register`, `${esc(fmtDay(ls.date))} (${esc(ls.missing)} van ${esc(ls.expected)} ontbreken)`)).join('<br>')}</td></tr>`).join('')}</tbody></table>
        ${r.total > r.items.length ? `<p class="muted">En nog ${esc(r.total - r.items.length)} groepen.</p>` : ''}`
      : '<p>Alle presentielijsten zijn ingevuld.</p>'}`;
  } catch (e) {
    box.innerHTML = `<h2>Lessen zonder volledige presentielijst</h2><p class="error">${problemHtml(e)}</p>`;
  }
}

export async function lessonsPage(params) {
  const t = today();
  const defaults = { from: addDays(t, -7), to: addDays(t, 7), sort: 'date' };
  const q = new URLSearchParams(params);
  Object.entries(defaults).forEach(([k, v]) => !q.has(k) && q.set(k, v));
  const filters = `<form class="inline filters"><label>Van <input type="date" name="from" value="${esc(q.get('from'))}"></label>
    <label>Tot en met <input type="date" name="to" value="${esc(q.get('to'))}"></label><button type="submit">Tonen</button>
    <span class="quick">Snel: <a href="#/lessons?from=${t}&to=${t}">vandaag</a> · <a href="#/lessons?from=${addDays(t, -7)}&to=${t}">afgelopen week</a> · <a href="#/lessons?from=${t}&to=${addDays(t, 7)}">komende week</a></span></form>`;
  const missing = isRole('admin', 'coordinator') ? '<section class="card" id="missing"><h2>Lessen zonder volledige presentielijst</h2><p>Laden…</p></section>' : '';
  await listPage({
    title: 'Lessen', path: '/lessons', params: q, filters,
    intro: '<p class="muted">Kies een les om de presentielijst in te vullen of te bekijken.</p>',
    empty: 'Geen lessen in deze periode.',
    columns: [
      { label: 'Datum', sort: 'date', render: (l) => `${esc(fmtDay(l.date))}${l.date === t ? ' <span class="badge">vandaag</span>' : ''}` },
      { label: 'Tijd', render: (l) => esc(String(l.startTime || '').slice(0, 5)) },
      { label: 'Duur', render: (l) => `${esc(l.minutes)} min` },
      { label: 'Groep', sort: 'groupCode', render: (l) => `${esc(l.groupName || '')} <span class="muted">${esc(l.groupCode || '')}</span>` },
      { label: 'Vorm', render: (l) => (l.mode === 'online' ? 'online' : 'fysiek') },
      {
        label: 'Presentielijst',
        render: (l) => (l.cancelled
          ? `<span class="badge bad">vervallen</span> ${esc(l.cancelReason || '')}`
          : link(`#/lessons/${l.id}/register`, l.date > t ? 'Bekijken (les nog niet geweest)' : 'Presentielijst')),
      },
    ],
    rowHref: (l) => `#/lessons/${l.id}/register`,
  });
  if (missing) {
    $app.insertAdjacentHTML('beforeend', missing);
    await missingRegisters(document.getElementById('missing'));
  }
}
