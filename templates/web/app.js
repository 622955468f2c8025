/* Koers web pages: a small client for the REST API (no build step). Dutch labels, as the users say them. */
'use strict';

const API = '/api/v1';
const STATUS_NL = {
  planned: 'gepland', active: 'actief', suspended: 'onderbroken', completed: 'afgerond', dropped_out: 'uitgevallen',
  present: 'aanwezig', late: 'te laat', absent_authorised: 'geoorloofd afwezig', absent_unauthorised: 'ongeoorloofd afwezig',
  registered: 'geregistreerd', in_progress: 'in behandeling', closed: 'gesloten', withdrawn: 'ingetrokken',
  draft: 'concept', submitted: 'ingediend', approved: 'goedgekeurd', needs_revision: 'aanpassen gevraagd',
};
const SKILL_NL = { reading: 'lezen', listening: 'luisteren', writing: 'schrijven', speaking: 'spreken', knm: 'KNM', map: 'MAP', ona: 'ONA' };
const ROLE_NL = { admin: 'applicatiebeheerder', coordinator: 'coördinator', teacher: 'docent', finance: 'financiële administratie', municipality: 'gemeente', learner: 'deelnemer' };

const state = { token: sessionStorage.getItem('koers.token'), user: JSON.parse(sessionStorage.getItem('koers.user') || 'null') };
const $app = document.getElementById('app');

function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
const nl = (s) => STATUS_NL[s] || s || '';
const fmtDate = (d) => (d ? new Date(`${String(d).slice(0, 10)}T12:00:00`).toLocaleDateString('nl-NL') : '');
const fmtHours = (minutes) => (Number(minutes || 0) / 60).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
const pct = (r) => (r == null ? '–' : `${(Number(r) * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`);

function toast(msg) {
  const t = document.getElementById('toast');
  t.textContent = msg;
  t.classList.add('show');
  setTimeout(() => t.classList.remove('show'), 3500);
}

class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'Fout');
    this.problem = problem;
  }
}

async function api(path, opts = {}) {
  const headers = { Accept: 'application/json', ...(opts.body ? { 'Content-Type': 'application/json' } : {}) };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const res = await fetch(API + path, { ...opts, headers, body: opts.body ? JSON.stringify(opts.body) : undefined });
  if (res.status === 401 && !path.startsWith('/auth/login')) {
    logout();
    throw new ApiError({ detail: 'Uw sessie is verlopen; log opnieuw in.' });
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(data || { detail: `Fout ${res.status}` });
  return data;
}

function problemText(e) {
  const p = e.problem || {};
  const fields = (p.errors || []).map((f) => `${f.field}: ${f.message}`).join('; ');
  return esc(fields || p.detail || e.message);
}

function logout() {
  state.token = null;
  state.user = null;
  sessionStorage.clear();
  location.hash = '#/login';
  render();
}

const NAV = [
  { href: '#/learners', label: 'Deelnemers', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality'] },
  { href: '#/trajectories', label: 'Trajecten', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality'] },
  { href: '#/lessons', label: 'Lessen & presentielijsten', roles: ['admin', 'coordinator', 'teacher'] },
  { href: '#/signals', label: 'Verzuimsignalen', roles: ['admin', 'coordinator', 'municipality'] },
  { href: '#/me', label: 'Mijn traject', roles: ['learner'] },
];

function renderChrome() {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!state.user) {
    nav.innerHTML = '';
    who.innerHTML = '';
    return;
  }
  nav.innerHTML = NAV.filter((n) => n.roles.includes(state.user.role))
    .map((n) => `<a href="${n.href}" class="${location.hash.startsWith(n.href) ? 'active' : ''}">${n.label}</a>`)
    .join('');
  who.innerHTML = `<span>${esc(state.user.displayName)} (${esc(ROLE_NL[state.user.role])})</span><button id="logout" type="button">Uitloggen</button>`;
  document.getElementById('logout').onclick = logout;
}

function loginPage() {
  $app.innerHTML = `<div class="login card"><h1>Inloggen bij Koers</h1>
    <form id="login-form">
      <label>E-mailadres <input name="email" type="email" autocomplete="username" required></label>
      <label>Wachtwoord <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Inloggen</button>
      <p class="error" id="login-error" role="alert"></p>
    </form></div>`;
  document.getElementById('login-form').onsubmit = async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    try {
      const r = await api('/auth/login', { method: 'POST', body: { email: f.get('email'), password: f.get('password') } });
      state.token = r.accessToken;
      state.user = r.user;
      sessionStorage.setItem('koers.token', r.accessToken);
      sessionStorage.setItem('koers.user', JSON.stringify(r.user));
      location.hash = state.user.role === 'learner' ? '#/me' : '#/learners';
    } catch (e) {
      const status = e.problem?.status;
      document.getElementById('login-error').innerHTML =
        status === 429 ? 'Te veel pogingen; probeer het over een minuut opnieuw.' : status === 401 ? 'E-mailadres of wachtwoord is onjuist.' : problemText(e);
    }
  };
}

/** A paged, sortable, searchable table over a list endpoint. */
async function listPage({ title, path, columns, filters = '', rowHref, params }) {
  const q = new URLSearchParams(params);
  if (!q.get('page')) q.set('page', '1');
  if (!q.get('pageSize')) q.set('pageSize', '20');
  const data = await api(`${path}?${q}`);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const head = columns
    .map((c) => (c.sort ? `<th><button class="sort" data-sort="${c.sort}">${c.label}${q.get('sort') === c.sort ? ' ▲' : q.get('sort') === `-${c.sort}` ? ' ▼' : ''}</button></th>` : `<th>${c.label}</th>`))
    .join('');
  const rows = data.items
    .map((it) => `<tr class="clickable" data-href="${esc(rowHref(it))}">${columns.map((c) => `<td>${c.render(it)}</td>`).join('')}</tr>`)
    .join('');
  $app.innerHTML = `<h1>${title}</h1>${filters}
    <table><thead><tr>${head}</tr></thead><tbody>${rows || `<tr><td colspan="${columns.length}">Niets gevonden.</td></tr>`}</tbody></table>
    <div class="pager"><button class="secondary" id="prev" ${data.page <= 1 ? 'disabled' : ''}>Vorige</button>
    <span>Pagina ${data.page} van ${pages} · ${data.total.toLocaleString('nl-NL')} resultaten</span>
    <button class="secondary" id="next" ${data.page >= pages ? 'disabled' : ''}>Volgende</button></div>`;
  const go = (changes) => {
    const n = new URLSearchParams(q);
    Object.entries(changes).forEach(([k, v]) => (v === '' || v == null ? n.delete(k) : n.set(k, v)));
    location.hash = `${location.hash.split('?')[0]}?${n}`;
  };
  document.getElementById('prev').onclick = () => go({ page: data.page - 1 });
  document.getElementById('next').onclick = () => go({ page: data.page + 1 });
  $app.querySelectorAll('button.sort').forEach((b) => {
    b.onclick = () => go({ sort: q.get('sort') === b.dataset.sort ? `-${b.dataset.sort}` : b.dataset.sort, page: 1 });
  });
  $app.querySelectorAll('tr.clickable').forEach((tr) => (tr.onclick = () => (location.hash = tr.dataset.href)));
  const form = $app.querySelector('form.inline');
  if (form) {
    form.onsubmit = (ev) => {
      ev.preventDefault();
      go({ ...Object.fromEntries(new FormData(form)), page: 1 });
    };
  }
}

function learnersPage(params) {
  const filters = `<form class="inline" role="search"><label>Zoek op naam of deelnemernummer
    <input name="search" value="${esc(params.get('search'))}" placeholder="bijv. celik of Ольга"></label><button>Zoeken</button></form>`;
  return listPage({
    title: 'Deelnemers', path: '/learners', params, filters,
    columns: [
      { label: 'Nummer', sort: 'learnerNumber', render: (l) => esc(l.learnerNumber) },
      { label: 'Achternaam', sort: 'lastName', render: (l) => esc(l.lastName) },
      { label: 'Voornaam', sort: 'firstName', render: (l) => esc(l.firstName) },
      { label: 'Geboortedatum', sort: 'dateOfBirth', render: (l) => fmtDate(l.dateOfBirth) },
      { label: 'BSN', render: (l) => esc(l.bsnMasked || '') },
      { label: 'Instroom', sort: 'intakeDate', render: (l) => fmtDate(l.intakeDate) },
    ],
    rowHref: (l) => `#/learners/${l.id}`,
  });
}

async function learnerPage(id) {
  const l = await api(`/learners/${id}`);
  const trajectories = await api(`/trajectories?learnerId=${id}&pageSize=20`).catch(() => ({ items: [] }));
  const levels = await api(`/learners/${id}/levels`).catch(() => null);
  const canReveal = ['admin', 'coordinator'].includes(state.user.role) && l.bsnMasked;
  $app.innerHTML = `<h1>${esc(l.firstName)} ${esc(l.lastName)} <span class="badge">${esc(l.learnerNumber)}</span></h1>
    <div class="grid"><div class="card"><h2>Gegevens</h2><dl>
      <dt>Geboortedatum</dt><dd>${fmtDate(l.dateOfBirth)}</dd>
      <dt>BSN</dt><dd><span id="bsn">${esc(l.bsnMasked || '—')}</span> ${canReveal ? '<button class="secondary" id="reveal" type="button">Toon BSN</button>' : ''}</dd>
      <dt>Land van herkomst</dt><dd>${esc(l.countryOfOrigin)}</dd><dt>Moedertaal</dt><dd>${esc(l.nativeLanguage)}</dd>
      <dt>E-mail</dt><dd>${esc(l.email)}</dd><dt>Telefoon</dt><dd>${esc(l.phone)}</dd>
      <dt>Instroomdatum</dt><dd>${fmtDate(l.intakeDate)}</dd></dl></div>
    <div class="card"><h2>Niveaus</h2>${levelsTable(levels)}</div></div>
    <div class="card"><h2>Trajecten</h2><table><thead><tr><th>Product</th><th>Status</th><th>Start</th><th>Geplande einddatum</th></tr></thead><tbody>
    ${trajectories.items.map((t) => `<tr class="clickable" data-href="#/trajectories/${t.id}"><td>${esc(t.productName || t.productId)}</td><td>${nl(t.status)}</td><td>${fmtDate(t.startDate)}</td><td>${fmtDate(t.plannedEndDate)}</td></tr>`).join('') || '<tr><td colspan="4">Geen trajecten.</td></tr>'}
    </tbody></table></div>`;
  $app.querySelectorAll('tr.clickable').forEach((tr) => (tr.onclick = () => (location.hash = tr.dataset.href)));
  const btn = document.getElementById('reveal');
  if (btn) {
    btn.onclick = async () => {
      const r = await api(`/learners/${id}/bsn/reveal`, { method: 'POST' });
      document.getElementById('bsn').textContent = r.bsn;
      btn.remove();
      toast('BSN getoond; dit is vastgelegd in de audit.');
    };
  }
}

function levelsTable(levels) {
  if (!levels) return '<p>Geen niveaugegevens.</p>';
  const rows = (levels.skills || levels.items || []).map((s) =>
    `<tr><td>${esc(SKILL_NL[s.skill] || s.skill)}</td><td>${esc(s.intake ?? s.intakeLevel ?? '')}</td><td>${esc(s.current ?? s.currentLevel ?? (s.passed ? 'behaald' : ''))}</td><td>${esc(s.target ?? s.targetLevel ?? '')}</td></tr>`).join('');
  return `<table><thead><tr><th>Vaardigheid</th><th>Instroomniveau</th><th>Niveau</th><th>Streefniveau</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function trajectoriesPage(params) {
  const filters = `<form class="inline"><label>Zoek deelnemer <input name="search" value="${esc(params.get('search'))}"></label>
    <label>Status <select name="status"><option value="">alle</option>${['planned', 'active', 'suspended', 'completed', 'dropped_out']
      .map((s) => `<option value="${s}" ${params.get('status') === s ? 'selected' : ''}>${nl(s)}</option>`).join('')}</select></label><button>Filteren</button></form>`;
  return listPage({
    title: 'Trajecten', path: '/trajectories', params, filters,
    columns: [
      { label: 'Deelnemer', render: (t) => esc(t.learnerName || [t.learner?.firstName, t.learner?.lastName].filter(Boolean).join(' ')) },
      { label: 'Product', render: (t) => esc(t.productName || '') },
      { label: 'Gemeente', render: (t) => esc(t.municipalityName || '') },
      { label: 'Status', sort: 'status', render: (t) => nl(t.status) },
      { label: 'Start', sort: 'startDate', render: (t) => fmtDate(t.startDate) },
      { label: 'Gepland einde', sort: 'plannedEndDate', render: (t) => fmtDate(t.plannedEndDate) },
    ],
    rowHref: (t) => `#/trajectories/${t.id}`,
  });
}

async function trajectoryPage(id) {
  const t = await api(`/trajectories/${id}`);
  const att = await api(`/trajectories/${id}/attendance`).catch(() => null);
  $app.innerHTML = `<h1>Traject ${esc(t.productName || '')} <span class="badge">${nl(t.status)}</span></h1>
    <div class="grid"><div class="card"><h2>Traject</h2><dl>
      <dt>Deelnemer</dt><dd><a href="#/learners/${t.learnerId}">${esc(t.learnerName || 'deelnemer')}</a></dd>
      <dt>Gemeente</dt><dd>${esc(t.municipalityName || '')}</dd>
      <dt>Start</dt><dd>${fmtDate(t.startDate)}</dd><dt>Gepland einde</dt><dd>${fmtDate(t.plannedEndDate)}</dd>
      <dt>Einddatum</dt><dd>${fmtDate(t.endDate) || '—'}</dd><dt>Gecontracteerde uren</dt><dd>${esc(t.contractedHours)}</dd>
      ${t.dropoutReason ? `<dt>Reden van uitval</dt><dd>${esc(t.dropoutReason)} ${esc(t.dropoutNote || '')}</dd>` : ''}
      <dt>Streefniveaus</dt><dd>${Object.entries(t.targetLevels || {}).map(([k, v]) => `${esc(SKILL_NL[k] || k)} ${esc(v)}`).join(', ')}</dd></dl></div>
    <div class="card"><h2>Aanwezigheid</h2>${attendanceSummary(att)}</div></div>`;
}

function attendanceSummary(a) {
  if (!a) return '<p>Nog geen aanwezigheid geregistreerd.</p>';
  return `<dl><dt>Geregistreerd</dt><dd>${fmtHours(a.registeredMinutes)} uur</dd><dt>Aanwezig</dt><dd>${fmtHours(a.attendedMinutes)} uur</dd>
    <dt>Aanwezigheid</dt><dd>${pct(a.attendanceRate)}</dd><dt>Geoorloofd afwezig</dt><dd>${esc(a.absentAuthorisedHours ?? '')} uur</dd>
    <dt>Ongeoorloofd afwezig</dt><dd>${esc(a.absentUnauthorisedHours ?? '')} uur</dd></dl>`;
}

function lessonsPage(params) {
  if (!params.get('to')) params.set('to', new Date().toISOString().slice(0, 10));
  if (!params.get('sort')) params.set('sort', '-date');
  const filters = `<form class="inline"><label>Van <input type="date" name="from" value="${esc(params.get('from'))}"></label>
    <label>Tot en met <input type="date" name="to" value="${esc(params.get('to'))}"></label><button>Tonen</button></form>`;
  return listPage({
    title: 'Lessen', path: '/lessons', params, filters,
    columns: [
      { label: 'Datum', sort: 'date', render: (l) => fmtDate(l.date) },
      { label: 'Tijd', render: (l) => esc(String(l.startTime || '').slice(0, 5)) },
      { label: 'Groep', render: (l) => esc(l.groupName || l.groupCode || '') },
      { label: 'Vorm', render: (l) => (l.mode === 'online' ? 'online' : 'fysiek') },
      { label: 'Status', render: (l) => (l.cancelled ? '<span class="badge bad">vervallen</span>' : '') },
    ],
    rowHref: (l) => `#/lessons/${l.id}/register`,
  });
}

async function registerPage(id) {
  const r = await api(`/lessons/${id}/register`);
  const lesson = r.lesson || r;
  const entries = r.entries || r.learners || [];
  const opt = (cur) => ['present', 'late', 'absent_authorised', 'absent_unauthorised'].map((s) => `<option value="${s}" ${cur === s ? 'selected' : ''}>${nl(s)}</option>`).join('');
  $app.innerHTML = `<h1>Presentielijst ${fmtDate(lesson.date)} ${esc(lesson.groupName || '')}</h1>
    <form id="register"><table><thead><tr><th>Deelnemer</th><th>Status</th><th>Minuten te laat</th><th>Reden afwezigheid</th></tr></thead><tbody>
    ${entries.map((e, i) => `<tr><td>${esc(e.firstName || '')} ${esc(e.lastName || e.name || '')}</td>
      <td><select name="status-${i}" data-learner="${esc(e.learnerId)}">${opt(e.record?.status || e.status || 'present')}</select></td>
      <td><input type="number" min="0" name="late-${i}" value="${esc(e.record?.minutesLate ?? e.minutesLate ?? '')}"></td>
      <td><input name="reason-${i}" value="${esc(e.record?.absenceReason ?? e.absenceReason ?? '')}"></td></tr>`).join('') || '<tr><td colspan="4">Geen ingeschreven deelnemers.</td></tr>'}
    </tbody></table><p><button type="submit">Presentielijst opslaan</button> <span class="error" id="reg-error" role="alert"></span></p></form>`;
  document.getElementById('register').onsubmit = async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const body = {
      entries: entries.map((e, i) => {
        const status = f.get(`status-${i}`);
        const out = { learnerId: e.learnerId, status };
        if (status === 'late') out.minutesLate = Number(f.get(`late-${i}`) || 0);
        if (status === 'absent_authorised') out.absenceReason = f.get(`reason-${i}`) || '';
        return out;
      }),
    };
    try {
      await api(`/lessons/${id}/register`, { method: 'PUT', body });
      toast('Presentielijst opgeslagen');
      document.getElementById('reg-error').textContent = '';
    } catch (e) {
      document.getElementById('reg-error').innerHTML = problemText(e);
    }
  };
}

function signalsPage(params) {
  return listPage({
    title: 'Verzuimsignalen', path: '/signals', params,
    columns: [
      { label: 'Regel', render: (s) => esc(s.rule === 'R1' ? 'R1: 3× achter elkaar ongeoorloofd' : 'R2: 16 uur in 4 weken') },
      { label: 'Deelnemer', render: (s) => esc(s.learnerName || '') },
      { label: 'Status', render: (s) => nl(s.status) },
      { label: 'Aangemaakt', render: (s) => fmtDate(s.raisedAt) },
      { label: 'Gemeld aan de gemeente op', render: (s) => fmtDate(s.reportedToMunicipalityOn) || '—' },
    ],
    rowHref: (s) => `#/trajectories/${s.trajectoryId}`,
  });
}

async function mePage() {
  const list = await api(`/trajectories?learnerId=${state.user.learnerId}&pageSize=5`);
  const current = list.items[0];
  if (!current) {
    $app.innerHTML = '<h1>Mijn traject</h1><p>Er is nog geen traject voor u.</p>';
    return;
  }
  await trajectoryPage(current.id);
}

const ROUTES = [
  [/^#\/learners\/([\w-]+)$/, (m) => learnerPage(m[1])],
  [/^#\/learners$/, (m, p) => learnersPage(p)],
  [/^#\/trajectories\/([\w-]+)$/, (m) => trajectoryPage(m[1])],
  [/^#\/trajectories$/, (m, p) => trajectoriesPage(p)],
  [/^#\/lessons\/([\w-]+)\/register$/, (m) => registerPage(m[1])],
  [/^#\/lessons$/, (m, p) => lessonsPage(p)],
  [/^#\/signals$/, (m, p) => signalsPage(p)],
  [/^#\/me$/, () => mePage()],
];

async function render() {
  renderChrome();
  if (!state.token) return loginPage();
  const [path, query] = (location.hash || '').split('?');
  const params = new URLSearchParams(query || '');
  const route = ROUTES.find(([re]) => re.test(path));
  if (!route) {
    location.hash = state.user.role === 'learner' ? '#/me' : '#/learners';
    return;
  }
  $app.innerHTML = '<p>Laden…</p>';
  try {
    await route[1](path.match(route[0]), params);
  } catch (e) {
    $app.innerHTML = `<h1>Dat lukte niet</h1><p class="error">${problemText(e)}</p>`;
  }
}

window.addEventListener('hashchange', render);
render();
