// @ts-check
/* Groepen: the list (search, sort, page) and the form to create or change a group, its teachers and weekly schedule. */
import { api } from '../api.js';
import { fmtDate, link, or, today } from '../format.js';
import { MODE_NL, WEEKDAY_NL } from '../group-labels.js';
import { append, html, mount } from '../html.js';
import { listPage } from '../list-page.js';
import { municipalityNames, productList } from '../lookups.js';
import { navigate } from '../navigate.js';
import { isRole } from '../session.js';
import { $app, fieldError, onSubmit, setTitle, toast } from '../ui.js';

/** @typedef {import('../types.js').Schemas['GroupView']} Group */
/** @typedef {import('../types.js').Schemas['GroupDetailView']} GroupDetail */
/** @typedef {import('../types.js').Schemas['ScheduleSlotDto']} Slot */

const CEFR = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
/** The product's language level: the highest default target of the four skills ("B1"), or '' when it has none. @param {import('../types.js').Schemas['Product'] | undefined} p */
export function productLevel(p) {
  const levels = Object.values(p?.defaultTargets || {}).map((v) => CEFR.indexOf(v)).filter((i) => i >= 0);
  return levels.length ? CEFR[Math.max(...levels)] : '';
}

/** "1 september 2026 – 30 juni 2027", or "vanaf …" when open-ended. @param {{ startDate: string, endDate?: string | null }} g */
export const period = (g) => (g.endDate ? `${fmtDate(g.startDate)} – ${fmtDate(g.endDate)}` : `vanaf ${fmtDate(g.startDate)}`);

/** "12 van 16 plaatsen bezet", with "vol" when no place is left today. @param {Group} g */
export const occupancy = (g) => html`${g.enrolledCount} van ${g.capacity} plaatsen bezet${g.enrolledCount >= g.capacity ? html` <span class="badge bad">vol</span>` : ''}`;

/** @param {URLSearchParams} params */
export async function groupsPage(params) {
  const search = params.get('search') || '';
  const location = params.get('location') || '';
  const products = await productList();
  const byId = Object.fromEntries(products.map((p) => [p.id, p]));
  const filters = html`<form class="inline filters" role="search"><label>Zoek op naam of groepscode
    <input name="search" type="search" value="${search}" placeholder="bijv. ENS-B1 of ochtend"></label>
    <label>Locatie <input name="location" value="${location}" placeholder="bijv. Enschede"></label><button type="submit">Zoeken</button>
    ${search || location ? html`<a class="reset" href="#/groups">Alle groepen</a>` : ''}${isRole('admin', 'coordinator') ? html`<a class="button" href="#/groups/new">Nieuwe groep</a>` : ''}</form>`;
  /** @type {import('../list-page.js').Column<Group>[]} */
  const columns = [
    { label: 'Groep', sort: 'name', render: (g) => html`${link(`#/groups/${g.id}`, g.name)} <span class="muted">${g.code}</span>` },
    { label: 'Product', render: (g) => html`${g.productName}${productLevel(byId[g.productId]) ? html` <span class="muted">niveau ${productLevel(byId[g.productId])}</span>` : ''}` },
    { label: 'Locatie', sort: 'location', render: (g) => g.location },
    { label: 'Docent', render: (g) => or(g.teachers.map((t) => t.displayName).join(', ')) },
    { label: 'Periode', sort: 'startDate', render: (g) => period(g) },
    { label: 'Bezetting', render: (g) => occupancy(g) },
  ];
  return listPage({
    title: 'Groepen', path: '/groups', params, filters, columns, defaults: { sort: 'name' },
    empty: search || location ? 'Geen groepen gevonden met deze zoekopdracht.' : isRole('teacher') ? 'U geeft (nog) geen les aan een groep.' : 'Er zijn nog geen groepen.',
    rowHref: (g) => `#/groups/${g.id}`,
  });
}

/** One row of the weekly schedule editor. @param {Partial<Slot>} s */
const slotRow = (s) => html`<tr data-slot>
  <td><select name="weekday">${WEEKDAY_NL.slice(1).map((d, i) => html`<option value="${i + 1}" ${s.weekday === i + 1 ? html`selected` : ''}>${d}</option>`)}</select></td>
  <td><input type="time" name="startTime" value="${s.startTime || '09:00'}" required></td>
  <td><input type="number" name="minutes" value="${s.minutes || 180}" min="1" max="720" required></td>
  <td><select name="mode">${Object.entries(MODE_NL).map(([k, v]) => html`<option value="${k}" ${s.mode === k ? html`selected` : ''}>${v}</option>`)}</select></td>
  <td><button type="button" class="secondary small" data-remove>Verwijderen</button></td></tr>`;

/**
 * The weekly schedule as an editable table inside `form`: one row per slot, "Dag toevoegen", "Verwijderen".
 * Returns a reader that gives the slots in order (and names each row's fields for the API's field errors).
 * @param {HTMLElement} box @param {Slot[]} slots @returns {() => Slot[]}
 */
export function scheduleEditor(box, slots) {
  mount(box, html`<div class="table-wrap"><table class="schedule"><caption class="sr-only">Weekrooster</caption><thead><tr><th scope="col">Dag</th><th scope="col">Begintijd</th><th scope="col">Duur (minuten)</th><th scope="col">Vorm</th><th scope="col"><span class="sr-only">Regel verwijderen</span></th></tr></thead>
    <tbody></tbody></table></div><p class="muted schedule-empty">Nog geen lesdagen in het rooster.</p><button type="button" class="secondary" data-add-slot>Dag toevoegen</button>`);
  const body = box.querySelector('tbody');
  const empty = /** @type {HTMLElement} */ (box.querySelector('.schedule-empty'));
  // Field paths as the API names them (schedule[0].startTime), and labels a screen reader can tell apart.
  const renumber = () => {
    body.querySelectorAll('tr[data-slot]').forEach((tr, i) => {
      tr.querySelector('td').setAttribute('data-field', `schedule[${i}]`);
      /** @type {[string, string][]} */ ([['weekday', 'Dag'], ['startTime', 'Begintijd'], ['minutes', 'Duur in minuten'], ['mode', 'Vorm']]).forEach(([name, label]) => {
        const input = tr.querySelector(`[name="${name}"]`);
        input.setAttribute('data-field', `schedule[${i}].${name}`);
        input.setAttribute('aria-label', `${label}, lesdag ${i + 1}`);
      });
      tr.querySelector('[data-remove]').setAttribute('aria-label', `Lesdag ${i + 1} verwijderen`);
    });
    empty.hidden = body.querySelectorAll('tr[data-slot]').length > 0;
  };
  const add = (/** @type {Partial<Slot>} */ s) => append(body, slotRow(s));
  slots.forEach(add);
  renumber();
  body.addEventListener('click', (ev) => {
    const b = /** @type {Element} */ (ev.target).closest('[data-remove]');
    if (!b) return;
    b.closest('tr').remove();
    renumber();
  });
  /** @type {HTMLButtonElement} */ (box.querySelector('[data-add-slot]')).onclick = () => {
    add({ weekday: 1 });
    renumber();
    /** @type {HTMLElement} */ (body.querySelector('tr[data-slot]:last-child select')).focus();
  };
  return () => [...body.querySelectorAll('tr[data-slot]')].map((tr) => {
    const v = (/** @type {string} */ n) => /** @type {HTMLInputElement} */ (tr.querySelector(`[name="${n}"]`)).value.trim();
    return { weekday: Number(v('weekday')), startTime: v('startTime').slice(0, 5), minutes: Number(v('minutes')), mode: /** @type {Slot['mode']} */ (v('mode')) };
  });
}

/** Create (`id` absent) or change a group: every field of the API's form, with its field messages in Dutch. @param {string} [id] */
export async function groupFormPage(id) {
  const [g, products, names, teachers] = await Promise.all([
    /** @type {Promise<GroupDetail | null>} */ (id ? api(`/groups/${id}`) : Promise.resolve(null)),
    productList(),
    municipalityNames(),
    /** @type {Promise<import('../types.js').Schemas['GroupTeacherView'][]>} */ (api('/groups/teachers')),
  ]);
  const title = g ? `Groep ${g.name} wijzigen` : 'Nieuwe groep';
  setTitle(title);
  const mine = new Set(g?.teacherIds || []);
  // A teacher who left stays listed while the group still has them, so saving does not drop them silently.
  const choices = [...teachers, ...(g?.teachers || []).filter((t) => !teachers.some((x) => x.id === t.id))];
  const usable = products.filter((p) => p.active || p.id === g?.productId);
  mount($app, html`<p class="crumbs">${g ? link(`#/groups/${g.id}`, `← ${g.name}`) : link('#/groups', '← Groepen')}</p><h1>${title}</h1>
    <form class="card stack" id="group-form">
      <label>Groepscode <input name="code" data-field="code" maxlength="40" value="${g?.code}" required autocomplete="off" aria-describedby="code-help"></label>
      <span class="muted" id="code-help">Uniek, bijv. ENS-B1-2026A: letters, cijfers, punt, streepje, laag streepje of schuine streep.</span>
      <label>Naam <input name="name" data-field="name" maxlength="120" value="${g?.name}" required></label>
      <label>Product <select name="productId" data-field="productId" required><option value="">kies een product</option>${usable.map((p) => html`<option value="${p.id}" ${g?.productId === p.id ? html`selected` : ''}>${p.name}</option>`)}</select></label>
      <label>Locatie <input name="location" data-field="location" maxlength="200" value="${g?.location}" required placeholder="bijv. Enschede, Gronausestraat 1"></label>
      <label>Gemeente <select name="municipalityId" data-field="municipalityId"><option value="">geen</option>${Object.entries(names).map(([mid, n]) => html`<option value="${mid}" ${g?.municipalityId === mid ? html`selected` : ''}>${n}</option>`)}</select></label>
      <label>Aantal plaatsen <input type="number" name="capacity" data-field="capacity" min="1" max="500" value="${g?.capacity ?? 16}" required></label>
      <label>Startdatum <input type="date" name="startDate" data-field="startDate" value="${g?.startDate || today()}" required></label>
      <label>Einddatum <input type="date" name="endDate" data-field="endDate" value="${g?.endDate}" aria-describedby="end-help"></label><span class="muted" id="end-help">Leeg laten als de groep geen vaste einddatum heeft.</span>
      <fieldset data-field="teacherIds"><legend>Docenten</legend>${choices.length
        ? choices.map((t) => html`<label class="check"><input type="checkbox" name="teacher" value="${t.id}" ${mine.has(t.id) ? html`checked` : ''}> ${t.displayName}</label>`)
        : html`<p class="muted">Er zijn geen actieve docenten.</p>`}</fieldset>
      <fieldset><legend>Weekrooster</legend><div id="schedule"></div></fieldset>
      <div class="error" role="alert"></div><button type="submit">${g ? 'Wijzigingen opslaan' : 'Groep aanmaken'}</button></form>`);
  const form = /** @type {HTMLFormElement} */ (document.getElementById('group-form'));
  const readSchedule = scheduleEditor(document.getElementById('schedule'), g?.schedule.map((s) => ({ ...s, mode: /** @type {Slot['mode']} */ (s.mode) })) || []);
  onSubmit(form, async (v) => {
    if (!v.code) throw fieldError('code', 'vul een groepscode in');
    if (!v.name) throw fieldError('name', 'vul een naam in');
    if (!v.productId) throw fieldError('productId', 'kies een product');
    if (!v.location) throw fieldError('location', 'vul een locatie in');
    const teacherIds = [...form.querySelectorAll('input[name="teacher"]:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value);
    /** @type {Record<string, unknown>} */
    const body = {
      code: v.code, name: v.name, productId: v.productId, location: v.location, capacity: Number(v.capacity), startDate: v.startDate,
      teacherIds, schedule: readSchedule(),
    };
    if (g) Object.assign(body, { version: g.version, municipalityId: v.municipalityId || null, endDate: v.endDate || null });
    else Object.assign(body, v.municipalityId ? { municipalityId: v.municipalityId } : {}, v.endDate ? { endDate: v.endDate } : {});
    const saved = /** @type {GroupDetail} */ (await api(g ? `/groups/${g.id}` : '/groups', { method: g ? 'PATCH' : 'POST', body }));
    toast(g ? 'Groep opgeslagen' : `Groep ${saved.name} is aangemaakt`);
    navigate(`#/groups/${saved.id}`);
  });
}
