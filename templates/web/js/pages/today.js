// @ts-check
/* "Vandaag", the teacher's start page: today's and this week's lessons of its groups, each marked ingevuld / deels /
   nog niet, and last week's registers that are still missing. */
import { api } from '../api.js';
import { addDays, fmtDay, hhmm, link, today, TZ } from '../format.js';
import { html, mount } from '../html.js';
import { $app, bindRowLinks, setTitle } from '../ui.js';

/** @typedef {import('../types.js').Lesson} Lesson */
/** @typedef {'done' | 'partly' | 'missing' | 'cancelled' | 'later'} RegisterState */

/** @type {Record<RegisterState, string>} */
const STATE_NL = { done: 'presentielijst ingevuld', partly: 'deels ingevuld', missing: 'nog niet ingevuld', cancelled: 'vervallen', later: 'nog niet begonnen' };
/** @type {Record<RegisterState, string>} */
const STATE_CLS = { done: 'good', partly: 'warn', missing: 'bad', cancelled: '', later: '' };

/** Monday of the week of an ISO date. @param {string} iso */
const monday = (iso) => addDays(iso, -((new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7));

/**
 * Per lesson: how complete its register is, from each group's attendance grid.
 * @param {Lesson[]} lessons @param {string} from @param {string} to
 * @returns {Promise<Record<string, RegisterState>>}
 */
async function registerStates(lessons, from, to) {
  const now = new Date().toLocaleTimeString('sv-SE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
  const t = today();
  /** @type {Record<string, RegisterState>} */
  const out = {};
  const groups = [...new Set(lessons.map((l) => l.groupId))];
  const grids = await Promise.all(groups.map((g) => /** @type {Promise<import('../types.js').Schemas['AttendanceGridDto'] | null>} */ (
    api(`/groups/${g}/attendance-grid?from=${from}&to=${to < t ? to : t}`).catch(() => null))));
  /** @type {Record<string, { expected: number, recorded: number }>} */
  const counts = {};
  for (const grid of grids) {
    for (const row of grid?.learners || []) {
      for (const c of row.cells) {
        if (!c.enrolled) continue;
        const k = (counts[c.lessonId] ||= { expected: 0, recorded: 0 });
        k.expected++;
        if (c.status && !c.reportedInAdvance) k.recorded++;
      }
    }
  }
  for (const l of lessons) {
    const started = l.date < t || (l.date === t && hhmm(l.startTime) <= now);
    const c = counts[l.id];
    if (l.cancelled) out[l.id] = 'cancelled';
    else if (!started) out[l.id] = 'later';
    else if (!c || c.recorded === 0) out[l.id] = c && c.expected === 0 ? 'done' : 'missing';
    else out[l.id] = c.recorded >= c.expected ? 'done' : 'partly';
  }
  return out;
}

/** @param {Lesson[]} items @param {Record<string, RegisterState>} states @param {string} empty */
function lessonTable(items, states, empty) {
  if (!items.length) return html`<p>${empty}</p>`;
  return html`<div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Datum</th><th scope="col">Tijd</th><th scope="col">Groep</th><th scope="col">Presentielijst</th></tr></thead><tbody>${items.map((l) => {
    const st = states[l.id];
    return html`<tr class="clickable" data-href="#/lessons/${l.id}/register"><td>${fmtDay(l.date)}</td><td>${hhmm(l.startTime)} <span class="muted">(${l.minutes} min)</span></td><td>${l.groupName} <span class="muted">${l.groupCode}</span></td>
      <td><span class="badge ${STATE_CLS[st]}">${STATE_NL[st]}</span> ${st === 'cancelled' ? l.cancelReason || '' : link(`#/lessons/${l.id}/register`, st === 'later' ? 'Bekijken' : st === 'done' ? 'Bekijken of wijzigen' : 'Invullen')}</td></tr>`;
  })}</tbody></table></div>`;
}

export async function todayPage() {
  setTitle('Vandaag');
  const t = today();
  const weekStart = monday(t);
  const from = addDays(weekStart, -7);
  const to = addDays(weekStart, 6);
  const r = /** @type {import('../types.js').Page<Lesson>} */ (await api(`/lessons?from=${from}&to=${to}&sort=date&pageSize=100`));
  const states = await registerStates(r.items, from, to);
  const todays = r.items.filter((l) => l.date === t);
  const week = r.items.filter((l) => l.date >= weekStart && l.date !== t);
  const lastWeek = r.items.filter((l) => l.date < weekStart && (states[l.id] === 'missing' || states[l.id] === 'partly'));
  mount($app, html`<h1>Vandaag <span class="sub">${fmtDay(t)}</span></h1>
    <section class="card"><h2>Lessen vandaag</h2>${lessonTable(todays, states, 'Vandaag geen lessen.')}</section>
    ${lastWeek.length ? html`<section class="card"><h2>Vorige week nog niet ingevuld</h2>${lessonTable(lastWeek, states, '')}</section>` : ''}
    <section class="card"><h2>Deze week</h2>${lessonTable(week, states, 'Deze week verder geen lessen.')}</section>
    <p>${link('#/lessons', 'Alle lessen')}</p>`);
  bindRowLinks();
}
