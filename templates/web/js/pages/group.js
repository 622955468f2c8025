// @ts-check
/* One group: its details and occupancy, the weekly schedule (editable), generating lessons for a period, the lessons
   (cancel with a reason, reinstate, the register) and the enrolments (enrol a trajectory, end an enrolment). */
import { api } from '../api.js';
import { addDays, fmtDate, fmtDay, fullName, hhmm, link, nl, or, today, withLatin } from '../format.js';
import { MODE_NL, WEEKDAY_NL } from '../group-labels.js';
import { html, mount } from '../html.js';
import { municipalityNames } from '../lookups.js';
import { problemHtml, problemNl } from '../problems.js';
import { isRole } from '../session.js';
import { $app, fieldError, onSubmit, setTitle, toast } from '../ui.js';
import { occupancy, period, scheduleEditor } from './groups.js';
import { filled } from './lessons.js';

/** @typedef {import('../types.js').Schemas['GroupDetailView']} GroupDetail */
/** @typedef {import('../types.js').Schemas['EnrolmentView']} Enrolment */
/** @typedef {import('../types.js').Lesson} Lesson */

const PAGE = 20;
const ENROLLABLE = ['planned', 'active', 'suspended'];

/** @param {string} id */
export async function groupPage(id) {
  const g = /** @type {GroupDetail} */ (await api(`/groups/${id}`));
  const names = await municipalityNames();
  const manage = isRole('admin', 'coordinator');
  setTitle(`Groep ${g.name}`);
  mount($app, html`<p class="crumbs">${link('#/groups', '← Groepen')}</p>
    <h1>${g.name} <span class="sub">${g.code}</span></h1>
    <p class="toolbar"><strong id="occupancy">${occupancy(g)}</strong>
      ${manage ? link(`#/groups/${g.id}/edit`, 'Groep wijzigen') : ''} ${link(`#/groups/${g.id}/certificates`, 'Certificaten van de groep')}</p>
    <div class="grid"><section class="card"><h2>Groep</h2><dl>
      <dt>Product</dt><dd>${g.productName}</dd>
      <dt>Locatie</dt><dd>${g.location}</dd>
      <dt>Gemeente</dt><dd>${or(names[g.municipalityId || ''])}</dd>
      <dt>Periode</dt><dd>${period(g)}</dd>
      <dt>Docenten</dt><dd>${or(g.teachers.map((t) => t.displayName).join(', '))}</dd>
      <dt>Plaatsen</dt><dd>${g.capacity}</dd></dl></section>
    <section class="card" id="schedule-card"><h2>Weekrooster</h2>${scheduleTable(g)}</section></div>
    ${manage ? html`<section class="card" id="generate-card"><h2>Lessen genereren</h2>
      <p class="muted">Maakt de lessen van het weekrooster aan voor een periode binnen de looptijd van de groep. Lessen die er al zijn, blijven staan.</p>
      <form class="inline" id="generate-form">
        <label>Van <input type="date" name="from" data-field="from" value="${g.startDate > today() ? g.startDate : today()}" min="${g.startDate}" max="${g.endDate}" required></label>
        <label>Tot en met <input type="date" name="to" data-field="to" value="${g.endDate || addDays(g.startDate > today() ? g.startDate : today(), 90)}" min="${g.startDate}" max="${g.endDate}" required></label>
        <button type="submit">Lessen genereren</button><div class="error" role="alert"></div></form>
      <p role="status" id="generate-result"></p></section>` : ''}
    <section class="card" id="lessons-card"><h2>Lessen</h2><div id="lessons"><p>Laden…</p></div></section>
    <section class="card" id="enrolments-card"><h2>Inschrijvingen</h2><div id="enrolments"><p>Laden…</p></div></section>`);
  if (manage) {
    editSchedule(g);
    generateForm(g);
  }
  await Promise.all([lessonsSection(g, { from: addDays(today(), -7), page: 1 }), enrolmentsSection(g)]);
}

/** Teachers by id: the group's, and for admins and coordinators every active teacher (to pick a substitute). @param {GroupDetail} g */
async function teacherChoices(g) {
  const all = isRole('admin', 'coordinator')
    ? /** @type {import('../types.js').Schemas['GroupTeacherView'][]} */ (await api('/groups/teachers').catch(() => []))
    : [];
  return Object.fromEntries([...all, ...g.teachers].map((t) => [t.id, t.displayName]));
}

/** @param {GroupDetail} g */
function scheduleTable(g) {
  if (!g.schedule.length) return html`<p>Nog geen weekrooster.</p>`;
  return html`<table><thead><tr><th scope="col">Dag</th><th scope="col">Tijd</th><th scope="col">Duur</th><th scope="col">Vorm</th></tr></thead><tbody>${g.schedule
    .map((s) => html`<tr><td>${WEEKDAY_NL[s.weekday]}</td><td>${hhmm(s.startTime)} uur</td><td>${s.minutes} min</td><td>${MODE_NL[s.mode] || s.mode}</td></tr>`)}</tbody></table>`;
}

/** The schedule, editable in place; it replaces the whole weekly schedule (lessons already made stay). @param {GroupDetail} g */
function editSchedule(g) {
  const card = document.getElementById('schedule-card');
  const details = document.createElement('details');
  mount(details, html`<summary>Weekrooster wijzigen</summary><form class="stack" id="schedule-form"><div id="schedule-edit"></div>
    <p class="muted">Lessen die al zijn gemaakt, veranderen niet; genereer daarna de lessen van de nieuwe rooster-dagen.</p>
    <div class="error" role="alert"></div><button type="submit">Rooster opslaan</button></form>`);
  card.append(details);
  const read = scheduleEditor(document.getElementById('schedule-edit'), g.schedule.map((s) => ({ weekday: s.weekday, startTime: s.startTime, minutes: s.minutes, mode: /** @type {'physical' | 'online'} */ (s.mode) })));
  onSubmit(/** @type {HTMLFormElement} */ (document.getElementById('schedule-form')), async () => {
    await api(`/groups/${g.id}`, { method: 'PATCH', body: { version: g.version, schedule: read() } });
    toast('Weekrooster opgeslagen');
    await groupPage(g.id);
  });
}

/** @param {GroupDetail} g */
function generateForm(g) {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('generate-form'));
  const result = document.getElementById('generate-result');
  onSubmit(form, async (v) => {
    result.textContent = '';
    if (!v.from) throw fieldError('from', 'vul een begindatum in');
    if (!v.to) throw fieldError('to', 'vul een einddatum in');
    if (v.to < v.from) throw fieldError('to', 'moet op of na de begindatum liggen');
    const r = /** @type {import('../types.js').Schemas['GenerateLessonsResultDto']} */ (await api(`/groups/${g.id}/lessons/generate`, { method: 'POST', body: { from: v.from, to: v.to } }));
    const made = r.created === 1 ? '1 les aangemaakt' : `${r.created} lessen aangemaakt`;
    const had = r.existing ? ` (${r.existing} ${r.existing === 1 ? 'les bestond' : 'lessen bestonden'} al)` : '';
    result.textContent = r.from > r.to
      ? 'Deze periode valt buiten de looptijd van de groep; er zijn geen lessen aangemaakt.'
      : `${made}${had} van ${fmtDate(r.from)} tot en met ${fmtDate(r.to)}.${g.schedule.length ? '' : ' De groep heeft nog geen weekrooster.'}`;
    await lessonsSection(g, { from: r.from, page: 1 });
  });
}

/**
 * The group's lessons from a date on, a page at a time; each can be cancelled with a reason or reinstated.
 * @param {GroupDetail} g @param {{ from: string, page: number }} view
 */
async function lessonsSection(g, view) {
  const box = document.getElementById('lessons');
  if (!box) return;
  const canCancel = isRole('admin', 'coordinator', 'teacher');
  const canReinstate = isRole('admin', 'coordinator');
  const canEdit = isRole('admin', 'coordinator');
  const teachers = await teacherChoices(g);
  const q = new URLSearchParams({ groupId: g.id, sort: 'date', page: String(view.page), pageSize: String(PAGE) });
  if (view.from) q.set('from', view.from);
  const data = /** @type {import('../types.js').Page<Lesson>} */ (await api(`/lessons?${q}`));
  const t = today();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const row = (/** @type {Lesson} */ l) => html`<tr data-lesson="${l.id}" class="${l.cancelled ? 'cancelled' : ''}">
    <td>${fmtDay(l.date)}${l.date === t ? html` <span class="badge">vandaag</span>` : ''}</td><td>${hhmm(l.startTime)}</td><td>${l.minutes} min</td><td>${MODE_NL[l.mode] || l.mode}</td>
    <td>${l.teacherId ? html`${l.teacherName || teachers[l.teacherId] || 'andere docent'} <span class="muted">(vervanging)</span>` : html`<span class="muted">docenten van de groep</span>`}</td>
    <td>${l.cancelled ? html`<span class="badge bad">vervallen</span> ${l.cancelReason || ''}` : html`${filled(l)} ${link(`#/lessons/${l.id}/register`, 'Presentielijst')}`}</td>
    <td>${l.cancelled
      ? (canReinstate ? html`<form class="action-btn" data-reinstate="${l.id}"><button type="submit" class="secondary small">Terugzetten</button><div class="error" role="alert"></div></form>` : '')
      : html`${canCancel && l.recordedLearners > 0 ? html`<span class="muted">heeft een presentielijst</span>` : ''}
        ${canCancel && !l.recordedLearners ? html`<details><summary>Laten vervallen</summary><form class="stack" data-cancel="${l.id}">
          <label>Reden van vervallen <input name="reason" data-field="reason" maxlength="500" required placeholder="bijv. docent ziek"></label>
          <div class="error" role="alert"></div><button type="submit" class="danger">Les laten vervallen</button></form></details>` : ''}
        ${canEdit ? html`<details><summary>Vorm of docent</summary><form class="stack" data-edit="${l.id}">
          <label>Vorm <select name="mode" data-field="mode">${Object.entries(MODE_NL).map(([k, v]) => html`<option value="${k}" ${l.mode === k ? html`selected` : ''}>${v}</option>`)}</select></label>
          <label>Docent van deze les <select name="teacherId" data-field="teacherId"><option value="">docenten van de groep</option>${Object.entries(teachers)
            .map(([id, name]) => html`<option value="${id}" ${l.teacherId === id ? html`selected` : ''}>${name}</option>`)}</select></label>
          <div class="error" role="alert"></div><button type="submit">Les opslaan</button></form></details>` : ''}`}</td></tr>`;
  mount(box, html`<form class="inline" id="lessons-filter"><label>Lessen vanaf <input type="date" name="from" value="${view.from}"></label><button type="submit" class="secondary">Tonen</button>
      <button type="button" class="secondary" data-from="">Alle lessen</button></form>
    ${data.items.length
      ? html`<div class="table-wrap" tabindex="0"><table><caption class="sr-only">Lessen van ${g.name}</caption><thead><tr><th scope="col">Datum</th><th scope="col">Tijd</th><th scope="col">Duur</th><th scope="col">Vorm</th><th scope="col">Docent</th><th scope="col">Presentielijst</th><th scope="col">Actie</th></tr></thead>
        <tbody>${data.items.map(row)}</tbody></table></div>
        <nav class="pager" aria-label="Paginering lessen"><button type="button" class="secondary" data-page="${view.page - 1}" ${view.page <= 1 ? html`disabled` : ''}>Vorige</button>
        <span>Pagina ${view.page} van ${pages} · ${data.total} ${data.total === 1 ? 'les' : 'lessen'}</span>
        <button type="button" class="secondary" data-page="${view.page + 1}" ${view.page >= pages ? html`disabled` : ''}>Volgende</button></nav>`
      : html`<p>${view.from ? `Geen lessen vanaf ${fmtDate(view.from)}.` : 'Nog geen lessen.'}${isRole('admin', 'coordinator') ? ' Genereer de lessen van het weekrooster hierboven.' : ''}</p>`}`);
  const again = (/** @type {Partial<typeof view>} */ change) => lessonsSection(g, { ...view, ...change }).catch((e) => mount(box, html`<p class="error" role="alert">${problemHtml(e)}</p>`));
  const filter = /** @type {HTMLFormElement} */ (box.querySelector('#lessons-filter'));
  filter.onsubmit = (ev) => {
    ev.preventDefault();
    again({ from: /** @type {HTMLInputElement} */ (filter.elements.namedItem('from')).value, page: 1 });
  };
  /** @type {HTMLButtonElement} */ (box.querySelector('button[data-from]')).onclick = () => again({ from: '', page: 1 });
  box.querySelectorAll('button[data-page]').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = () => again({ page: Number(b.dataset.page) });
  });
  box.querySelectorAll('form[data-cancel]').forEach((/** @type {HTMLFormElement} */ form) => {
    onSubmit(form, async (v) => {
      if (!v.reason) throw fieldError('reason', 'vul de reden in waarom de les vervalt');
      await api(`/lessons/${form.dataset.cancel}/cancel`, { method: 'POST', body: { reason: v.reason } });
      toast('De les is vervallen');
      await again({});
    });
  });
  box.querySelectorAll('form[data-edit]').forEach((/** @type {HTMLFormElement} */ form) => {
    onSubmit(form, async (v) => {
      await api(`/lessons/${form.dataset.edit}`, { method: 'PATCH', body: { mode: v.mode, teacherId: v.teacherId || null } });
      toast('Les opgeslagen');
      await again({});
    });
  });
  box.querySelectorAll('form[data-reinstate]').forEach((/** @type {HTMLFormElement} */ form) => {
    onSubmit(form, async () => {
      await api(`/lessons/${form.dataset.reinstate}/reinstate`, { method: 'POST' });
      toast('De les gaat weer door');
      await again({});
    });
  });
}

/** @param {Enrolment} e @param {string} t */
const enrolmentState = (e, t) => (e.fromDate > t ? html`<span class="badge">vanaf ${fmtDate(e.fromDate)}</span>`
  : e.toDate && e.toDate < t ? html`<span class="badge">beëindigd</span>` : html`<span class="badge good">ingeschreven</span>`);

/** The enrolments (all of them, current first) with enrol and end; a full group refuses with the API's reason. @param {GroupDetail} g */
async function enrolmentsSection(g) {
  const box = document.getElementById('enrolments');
  if (!box) return;
  const manage = isRole('admin', 'coordinator');
  const data = /** @type {import('../types.js').Page<Enrolment>} */ (await api(`/groups/${g.id}/enrolments?sort=-fromDate&pageSize=100`));
  const t = today();
  const current = data.items.filter((e) => !e.toDate || e.toDate >= t);
  const ended = data.items.filter((e) => e.toDate && e.toDate < t);
  const row = (/** @type {Enrolment} */ e) => html`<tr data-enrolment="${e.id}">
    <td>${link(`#/learners/${e.learnerId}`, withLatin(e.learnerName, e.learnerNameLatin))} <span class="muted">${e.learnerNumber}</span></td>
    <td>${fmtDate(e.fromDate)}</td><td>${or(fmtDate(e.toDate), 'open')}</td><td>${enrolmentState(e, t)}</td>
    ${manage ? html`<td>${e.toDate && e.toDate < t ? link(`#/trajectories/${e.trajectoryId}`, 'Traject') : html`<details><summary>Inschrijving beëindigen</summary>
      <form class="stack" data-end="${e.id}"><label>Laatste dag in de groep <input type="date" name="toDate" data-field="toDate" value="${e.fromDate > t ? e.fromDate : t}" min="${e.fromDate}" max="${g.endDate}" required></label>
      <div class="error" role="alert"></div><button type="submit">Beëindigen</button></form></details>`}</td>` : ''}</tr>`;
  mount(box, html`${manage ? html`<details id="enrol" ${data.items.length ? '' : html`open`}><summary>Deelnemer inschrijven</summary>
      <form class="inline" id="trajectory-search" role="search"><label>Zoek traject op naam of deelnemernummer <input type="search" name="search" placeholder="bijv. Karimi of D000123"></label><button type="submit" class="secondary">Zoeken</button></form>
      <form class="stack" id="enrol-form"><label>Traject <select name="trajectoryId" data-field="trajectoryId"><option value="">zoek eerst een deelnemer</option></select></label>
        <label>Ingeschreven vanaf <input type="date" name="fromDate" data-field="fromDate" value="${g.startDate > t ? g.startDate : t}" min="${g.startDate}" max="${g.endDate}" required></label>
        <label>Laatste dag (leeg: tot het einde) <input type="date" name="toDate" data-field="toDate" min="${g.startDate}" max="${g.endDate}"></label>
        <div class="error" role="alert"></div><button type="submit">Inschrijven</button></form></details>` : ''}
    ${data.items.length ? html`<div class="table-wrap" tabindex="0"><table><caption class="sr-only">Inschrijvingen van ${g.name}</caption><thead><tr><th scope="col">Deelnemer</th><th scope="col">Vanaf</th><th scope="col">Tot en met</th><th scope="col">Status</th>${manage ? html`<th scope="col">Actie</th>` : ''}</tr></thead>
      <tbody>${[...current, ...ended].map(row)}</tbody></table></div>
      ${data.total > data.items.length ? html`<p class="muted">De nieuwste ${data.items.length} van ${data.total} inschrijvingen.</p>` : ''}`
    : html`<p>Nog niemand ingeschreven.</p>`}`);
  if (!manage) return;
  const refresh = async () => {
    const fresh = /** @type {GroupDetail} */ (await api(`/groups/${g.id}`));
    mount(document.getElementById('occupancy'), occupancy(fresh));
    await enrolmentsSection(g);
  };
  box.querySelectorAll('form[data-end]').forEach((/** @type {HTMLFormElement} */ form) => {
    onSubmit(form, async (v) => {
      if (!v.toDate) throw fieldError('toDate', 'vul de laatste dag in de groep in');
      await api(`/enrolments/${form.dataset.end}`, { method: 'PATCH', body: { toDate: v.toDate } });
      toast('Inschrijving beëindigd');
      await refresh();
    });
  });
  const search = /** @type {HTMLFormElement} */ (box.querySelector('#trajectory-search'));
  const form = /** @type {HTMLFormElement & Record<string, any>} */ (box.querySelector('#enrol-form'));
  search.onsubmit = async (ev) => {
    ev.preventDefault();
    const term = String(new FormData(search).get('search') || '').trim();
    try {
      // One search per status that can be enrolled, so finished trajectories never crowd out the open ones.
      const pages = /** @type {import('../types.js').TrajectoryPage[]} */ (await Promise.all(ENROLLABLE
        .map((status) => api(`/trajectories?${new URLSearchParams({ search: term, status, pageSize: '20' })}`))));
      const open = pages.flatMap((r) => r.items);
      mount(form.trajectoryId, open.length
        ? html`${open.map((x) => html`<option value="${x.id}">${fullName(x.learner) || 'deelnemer'} (${x.learner?.learnerNumber || ''}) — ${x.product?.name || ''}, ${nl(x.status)}, vanaf ${fmtDate(x.startDate)}</option>`)}`
        : html`<option value="">geen lopend traject gevonden${term ? ` voor ‘${term}’` : ''}</option>`);
    } catch (e) {
      mount(form.trajectoryId, html`<option value="">zoeken lukte niet</option>`);
      toast(problemNl(e).summary);
    }
    form.trajectoryId.focus();
  };
  onSubmit(form, async (v) => {
    if (!v.trajectoryId) throw fieldError('trajectoryId', 'zoek en kies het traject van de deelnemer');
    if (!v.fromDate) throw fieldError('fromDate', 'vul de eerste dag in de groep in');
    await api(`/groups/${g.id}/enrolments`, { method: 'POST', body: { trajectoryId: v.trajectoryId, fromDate: v.fromDate, ...(v.toDate ? { toDate: v.toDate } : {}) } });
    toast('Deelnemer ingeschreven');
    await refresh();
  });
}
