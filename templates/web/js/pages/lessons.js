// @ts-check
/* Lessen: lessons in a period (default: a week either side of today), filtered by group, teacher and location (kept in
   the URL), each with how complete its register is; for coordinators the missing registers. */
import { api } from '../api.js';
import { addDays, fmtDay, hhmm, link, today } from '../format.js';
import { append, html, join, mount } from '../html.js';
import { listPage } from '../list-page.js';
import { problemHtml } from '../problems.js';
import { isRole } from '../session.js';
import { $app } from '../ui.js';

/** Follows the page's group and teacher filters. @param {HTMLElement} box @param {URLSearchParams} q */
async function missingRegisters(box, q) {
  const title = html`<h2>Lessen zonder volledige presentielijst</h2>`;
  const mq = new URLSearchParams({ pageSize: '20' });
  for (const k of ['groupId', 'teacherId']) if (q.get(k)) mq.set(k, q.get(k));
  try {
    const r = /** @type {import('../types.js').Page<import('../types.js').MissingRegisterGroup>} */ (await api(`/attendance/missing-registers?${mq}`));
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

/** The register's state as the lessons list says it ("ingevuld"). */
const FILLED_NL = { complete: 'ja', partial: 'deels', missing: 'nee', in_progress: 'les is bezig', upcoming: 'nog niet begonnen', cancelled: 'vervallen' };
const FILLED_CLS = { complete: 'good', partial: 'warn', missing: 'bad', in_progress: '', upcoming: '', cancelled: '' };

/** @param {import('../types.js').Lesson} l */
export function filled(l) {
  const st = l.registerState;
  const counts = st === 'partial' || st === 'in_progress' ? ` (${l.recordedLearners} van ${l.expectedLearners})` : '';
  const none = st === 'complete' && l.expectedLearners === 0 ? html` <span class="muted">(geen deelnemers)</span>` : '';
  return html`<span class="badge ${FILLED_CLS[st] || ''}">${FILLED_NL[st] || st}</span>${counts}${none}`;
}

/** Groups, teachers and locations to choose from; without them the filters are left out, not the list. */
async function filterOptions() {
  try {
    return /** @type {import('../types.js').Schemas['LessonFilterOptionsDto']} */ (await api('/lessons/filter-options'));
  } catch {
    return { groups: [], teachers: [], locations: [] };
  }
}

/** @param {URLSearchParams} params */
export async function lessonsPage(params) {
  const t = today();
  const defaults = { from: addDays(t, -7), to: addDays(t, 7), sort: 'date' };
  const q = new URLSearchParams(params);
  Object.entries(defaults).forEach(([k, v]) => !q.has(k) && q.set(k, v));
  const opts = await filterOptions();
  /** @param {string} name @param {string} label @param {[string, string][]} choices */
  const select = (name, label, choices) => (choices.length
    ? html`<label>${label} <select name="${name}"><option value="">alle</option>${choices
      .map(([v, text]) => html`<option value="${v}" ${q.get(name) === v ? html`selected` : ''}>${text}</option>`)}</select></label>` : '');
  // Quick links keep the other filters.
  /** @param {string} from @param {string} to */
  const quick = (from, to) => {
    const u = new URLSearchParams(params);
    u.set('from', from);
    u.set('to', to);
    u.delete('page');
    return `#/lessons?${u}`;
  };
  const filters = html`<form class="inline filters"><label>Van <input type="date" name="from" value="${q.get('from')}"></label>
    <label>Tot en met <input type="date" name="to" value="${q.get('to')}"></label>
    ${select('groupId', 'Groep', opts.groups.map((g) => [g.id, `${g.code} ${g.name}`]))}
    ${select('teacherId', 'Docent', opts.teachers.map((u) => [u.id, u.displayName]))}
    ${select('location', 'Locatie', opts.locations.map((l) => [l, l]))}
    <button type="submit">Tonen</button>
    <span class="quick">Snel: <a href="${quick(t, t)}">vandaag</a> · <a href="${quick(addDays(t, -7), t)}">afgelopen week</a> · <a href="${quick(t, addDays(t, 7))}">komende week</a></span></form>`;
  /** @type {import('../list-page.js').Column<import('../types.js').Lesson>[]} */
  const columns = [
    { label: 'Datum', sort: 'date', render: (l) => html`${fmtDay(l.date)}${l.date === t ? html` <span class="badge">vandaag</span>` : ''}` },
    { label: 'Tijd', render: (l) => html`${hhmm(l.startTime)} <span class="muted">(${l.minutes} min)</span>` },
    { label: 'Groep', sort: 'groupCode', render: (l) => html`${l.groupName || ''} <span class="muted">${l.groupCode || ''}</span>` },
    { label: 'Docent', render: (l) => l.teacherName || html`<span class="muted">geen docent</span>` },
    { label: 'Locatie', render: (l) => (l.mode === 'online' ? 'online' : l.location) },
    { label: 'Ingevuld', render: (l) => html`${filled(l)}${l.cancelled && l.cancelReason ? html` ${l.cancelReason}` : ''}` },
    {
      label: 'Presentielijst',
      render: (l) => (l.cancelled ? ''
        : link(`#/lessons/${l.id}/register`, l.registerState === 'upcoming' ? 'Bekijken' : l.registerState === 'complete' ? 'Bekijken of wijzigen' : 'Invullen')),
    },
  ];
  await listPage({
    title: 'Lessen', path: '/lessons', params: q, filters, columns,
    intro: html`<p class="muted">Kies een les om de presentielijst in te vullen of te bekijken. Een les die nog bezig is of later vandaag begint, telt nog niet als ontbrekend.</p>`,
    empty: 'Geen lessen met deze filters.',
    rowHref: (l) => `#/lessons/${l.id}/register`,
  });
  if (isRole('admin', 'coordinator')) {
    append($app, html`<section class="card" id="missing"><h2>Lessen zonder volledige presentielijst</h2><p>Laden…</p></section>`);
    await missingRegisters(document.getElementById('missing'), q);
  }
}
