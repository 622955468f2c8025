// @ts-check
/* "Vandaag", the teacher's start page: today's and this week's lessons of its groups, each marked ingevuld / deels /
   nog niet, and last week's registers that are still missing. */
import { api } from '../api.js';
import { addDays, fmtDay, hhmm, link, today } from '../format.js';
import { html, mount } from '../html.js';
import { $app, bindRowLinks, setTitle } from '../ui.js';

/** @typedef {import('../types.js').Lesson} Lesson */
/** @typedef {'done' | 'partly' | 'missing' | 'cancelled' | 'later' | 'running'} RegisterState */

/** @type {Record<RegisterState, string>} */
const STATE_NL = { done: 'presentielijst ingevuld', partly: 'deels ingevuld', missing: 'nog niet ingevuld', cancelled: 'vervallen', later: 'nog niet begonnen', running: 'les is bezig' };
/** @type {Record<RegisterState, string>} */
const STATE_CLS = { done: 'good', partly: 'warn', missing: 'bad', cancelled: '', later: '', running: '' };

/** Monday of the week of an ISO date. @param {string} iso */
const monday = (iso) => addDays(iso, -((new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7));

/** The API's register state (LessonView.registerState): a lesson in progress or later today is not missing yet. */
/** @type {Record<string, RegisterState>} */
const FROM_API = { complete: 'done', partial: 'partly', missing: 'missing', cancelled: 'cancelled', upcoming: 'later', in_progress: 'running' };

/** @param {Lesson[]} lessons @returns {Record<string, RegisterState>} */
const registerStates = (lessons) => Object.fromEntries(lessons.map((l) => [l.id, FROM_API[l.registerState] || 'missing']));

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
  const states = registerStates(r.items);
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
