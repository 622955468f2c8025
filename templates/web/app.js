/* Koers web pages: a small client for the REST API (no build step). Dutch labels, as the users say them. */
'use strict';

const API = '/api/v1';
const TZ = 'Europe/Amsterdam';
const STATUS_NL = {
  planned: 'gepland', active: 'actief', suspended: 'onderbroken', completed: 'afgerond', dropped_out: 'uitgevallen',
  present: 'aanwezig', late: 'te laat', absent_authorised: 'geoorloofd afwezig', absent_unauthorised: 'ongeoorloofd afwezig',
  registered: 'geregistreerd', in_progress: 'in behandeling', closed: 'gesloten', withdrawn: 'ingetrokken',
  draft: 'concept', submitted: 'ingediend', approved: 'goedgekeurd', needs_revision: 'aanpassen gevraagd',
};
const ATTENDANCE = ['present', 'late', 'absent_authorised', 'absent_unauthorised'];
const SKILL_NL = { reading: 'lezen', listening: 'luisteren', writing: 'schrijven', speaking: 'spreken', knm: 'KNM', map: 'MAP', ona: 'ONA' };
const SKILL_TITLE = { knm: 'kennis van de Nederlandse maatschappij', map: 'module arbeidsmarkt en participatie', ona: 'oriëntatie op de Nederlandse arbeidsmarkt' };
const DOMAIN_NL = {
  work: 'werk', parenting: 'opvoeding', health_care: 'gezondheid en zorg', education: 'onderwijs', knowledge_of_society: 'kennis van de samenleving',
  citizenship: 'burgerschap', housing: 'wonen', neighbourhood: 'buurt', sport: 'sport', culture: 'cultuur', religion: 'religie',
};
const DROPOUT_NL = {
  moved: 'verhuisd', exemption: 'ontheffing', route_switch: 'andere route', ended_by_municipality: 'beëindigd door de gemeente', deceased: 'overleden',
  health_pregnancy: 'gezondheid of zwangerschap', care_duties: 'zorgtaken', work_conflict: 'werk gaat voor', motivation_absence: 'motivatie of verzuim',
  no_show: 'niet verschenen', level_mismatch: 'niveau past niet', other: 'anders',
};
const REGIME_NL = { wi2021: 'Wi2021 (gemeente)', wi2013: 'Wi2013 (zelf betaald, DUO-lening)' };
const ROLE_NL = { admin: 'applicatiebeheerder', coordinator: 'coördinator', teacher: 'docent', finance: 'financiële administratie', municipality: 'gemeente', learner: 'deelnemer' };
const FIELD_NL = {
  email: 'E-mailadres', password: 'Wachtwoord', search: 'Zoeken', sort: 'Sortering', page: 'Pagina', pageSize: 'Aantal per pagina',
  from: 'Van', to: 'Tot en met', status: 'Status', rule: 'Regel', note: 'Toelichting', version: 'Versie',
  reportedToMunicipalityOn: 'Gemeld aan de gemeente op', reason: 'Reden', learnerId: 'Deelnemer', minutesLate: 'Minuten te laat', absenceReason: 'Reden',
};

let state = loadSession();
const $app = document.getElementById('app');
const cache = {};

function loadSession() {
  try {
    return { token: sessionStorage.getItem('koers.token'), user: JSON.parse(sessionStorage.getItem('koers.user') || 'null') };
  } catch {
    return { token: null, user: null };
  }
}

function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
const nl = (s) => STATUS_NL[s] || s || '';
const dash = '—';
const role = () => state.user?.role;
const isRole = (...roles) => roles.includes(role());
const fullName = (p) => [p?.firstName, p?.lastName].filter(Boolean).join(' ');
const dateOnly = (d) => (d ? new Date(`${String(d).slice(0, 10)}T12:00:00Z`) : null);
/** A calendar day as a Dutch date: 1 juni 2026. */
const fmtDate = (d) => (d ? dateOnly(d).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '');
const fmtDay = (d) => (d ? dateOnly(d).toLocaleDateString('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '');
const fmtDateTime = (t) => (t ? new Date(t).toLocaleString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TZ }) : '');
const fmtNum = (n, digits = 1) => Number(n || 0).toLocaleString('nl-NL', { maximumFractionDigits: digits });
const fmtHours = (minutes) => fmtNum(Number(minutes || 0) / 60);
const pct = (r) => (r == null ? dash : `${(Number(r) * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`);
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: TZ });
const addDays = (iso, n) => {
  const d = dateOnly(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const or = (v, alt = dash) => (v == null || v === '' ? alt : esc(v));

function toast(msg) {
  const t = document.getElementById('toast');
  t.textContent = msg;
  t.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove('show'), 4000);
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
  let res;
  try {
    res = await fetch(API + path, { ...opts, headers, body: opts.body ? JSON.stringify(opts.body) : undefined });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail: 'Geen verbinding met de server. Controleer uw internetverbinding en probeer het opnieuw.' });
  }
  if (res.status === 401 && !path.startsWith('/auth/login')) {
    sessionExpired();
    throw new ApiError({ status: 401, code: 'session_expired', detail: 'Uw sessie is verlopen; log opnieuw in.' });
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError({ status: res.status, ...(data && typeof data === 'object' ? data : {}) });
  return data;
}

// ---- Problems (application/problem+json) in Dutch ----

const MESSAGE_NL = [
  [/^is required and must be > 0 for status late$/, () => 'vul bij ‘te laat’ het aantal minuten in (meer dan 0)'],
  [/^is only allowed for status late$/, () => 'minuten te laat horen alleen bij ‘te laat’'],
  [/^is required for absent_authorised$/, () => 'vul bij ‘geoorloofd afwezig’ een reden in'],
  [/^is only allowed for an absence$/, () => 'een reden hoort alleen bij afwezigheid'],
  [/^cannot exceed the lesson's (\d+) minutes$/, (m) => `mag niet meer zijn dan de ${m[1]} minuten van de les`],
  [/^is not enrolled in group (\S+) on (\S+)$/, (m) => `is niet ingeschreven in groep ${m[1]} op ${fmtDate(m[2])}`],
  [/^appears twice/, () => 'staat twee keer op de lijst'],
  [/^cannot be in the future$/, () => 'mag niet in de toekomst liggen'],
  [/^cannot be before the signal was triggered \((\S+)\)$/, (m) => `mag niet vóór de datum van het signaal (${fmtDate(m[1])}) liggen`],
  [/^cannot be before/, () => 'ligt te vroeg'],
  [/^must be on or after from$/, () => 'moet op of na de begindatum liggen'],
  [/^is not the current version$/, () => 'is intussen door iemand anders gewijzigd'],
  [/^is (registered|in_progress|closed|withdrawn)$/, (m) => `status is al ‘${nl(m[1])}’`],
  [/must be a Date instance|must be a valid ISO 8601 date string/, () => 'vul een geldige datum in'],
  [/must be longer than or equal to 1 characters|should not be empty|must be a string/, () => 'vul dit veld in'],
  [/must be shorter than or equal to (\d+) characters/, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/must not be less than (\d+)/, (m) => `moet minstens ${m[1]} zijn`],
  [/must not be greater than (\d+)/, (m) => `mag hoogstens ${m[1]} zijn`],
  [/must be an integer number|must be a number/, () => 'vul een heel getal in'],
  [/must be one of the following values/, () => 'kies een van de mogelijke waarden'],
  [/must be a UUID/, () => 'is geen geldige verwijzing'],
  [/cannot sort by/, () => 'op deze kolom kan niet gesorteerd worden'],
];
const CODE_NL = {
  network: null,
  session_expired: null,
  unauthorized: 'Uw sessie is verlopen; log opnieuw in.',
  forbidden: 'U heeft geen toegang tot deze gegevens of handeling.',
  not_found: 'Dit gegeven bestaat niet (meer), of u heeft er geen toegang toe.',
  version_conflict: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en voer uw wijziging nog eens in.',
  lesson_cancelled: 'Deze les is vervallen; er is geen presentielijst.',
  lesson_in_future: 'Deze les is nog niet begonnen. Alleen vooraf gemelde afwezigheid kan al worden vastgelegd.',
  lesson_started: 'De les is al begonnen of voorbij; de docent legt afwezigheid vast in de presentielijst.',
  learner_not_enrolled: 'Niet alle deelnemers zijn op de lesdatum in deze groep ingeschreven.',
  validation_failed: 'Niet alle velden zijn goed ingevuld.',
  invalid_transition: 'Deze stap kan niet vanuit de huidige status.',
};

function messageNl(msg) {
  const text = String(msg ?? '').trim();
  for (const [re, fn] of MESSAGE_NL) {
    const m = text.match(re);
    if (m) return fn(m);
  }
  return text ? `ongeldige waarde (${text})` : 'ongeldige waarde';
}

function fieldLabel(field) {
  const last = String(field).replace(/^entries\[\d+\]\./, '').split('.').pop();
  return FIELD_NL[last] || last;
}

/** { summary, fields: [{ field, message }] } with Dutch text, for any ApiError. */
function problemNl(e) {
  const p = e.problem || {};
  const fields = (p.errors || []).map((f) => ({ field: f.field, message: messageNl(f.message) }));
  let summary = CODE_NL[p.code];
  if (p.code === 'network' || p.code === 'session_expired') summary = p.detail;
  if (!summary) {
    if (p.status === 429) summary = 'Te veel pogingen; probeer het over een minuut opnieuw.';
    else if (p.status >= 500) summary = `Er ging iets mis op de server. Probeer het later opnieuw${p.requestId ? ` (referentie ${p.requestId})` : ''}.`;
    else if (p.status === 404) summary = CODE_NL.not_found;
    else if (p.status === 403) summary = CODE_NL.forbidden;
    else if (p.status === 409) summary = 'Dit botst met gegevens die al bestaan of intussen gewijzigd zijn. Laad de pagina opnieuw.';
    else if (p.status === 422) summary = 'Dit is in de huidige situatie niet toegestaan.';
    else if (fields.length) summary = CODE_NL.validation_failed;
    else summary = 'Dat lukte niet.';
  }
  if (p.code === 'invalid_transition' || (p.status === 422 && fields.some((f) => f.field === 'status'))) {
    summary = 'Deze stap kan niet vanuit de huidige status. Laad de pagina opnieuw.';
  }
  return { summary, fields };
}

function problemHtml(e) {
  const { summary, fields } = problemNl(e);
  const list = fields.length ? `<ul>${fields.map((f) => `<li>${esc(fieldLabel(f.field))}: ${esc(f.message)}</li>`).join('')}</ul>` : '';
  return `${esc(summary)}${list}`;
}

/** Puts each field error next to its input (`[data-field="x"]`); the rest goes into the form's alert. */
function showFormErrors(form, e, alertEl) {
  clearFormErrors(form);
  const { summary, fields } = problemNl(e);
  const rest = [];
  for (const f of fields) {
    const input = form.querySelector(`[data-field="${CSS.escape(f.field)}"]`);
    if (!input) {
      rest.push(f);
      continue;
    }
    const id = `err-${Math.random().toString(36).slice(2)}`;
    const span = document.createElement('span');
    span.className = 'field-error';
    span.id = id;
    span.textContent = f.message;
    if (input.matches('input, select, textarea')) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
      (input.closest('label') || input).insertAdjacentElement('afterend', span);
    } else {
      input.appendChild(span);
    }
  }
  const list = rest.length ? `<ul>${rest.map((f) => `<li>${esc(fieldLabel(f.field))}: ${esc(f.message)}</li>`).join('')}</ul>` : '';
  alertEl.innerHTML = `${esc(summary)}${list}`;
  form.querySelector('[aria-invalid="true"]')?.focus();
}

function clearFormErrors(form) {
  form.querySelectorAll('.field-error').forEach((s) => s.remove());
  form.querySelectorAll('[aria-invalid]').forEach((i) => {
    i.removeAttribute('aria-invalid');
    i.removeAttribute('aria-describedby');
  });
}

// ---- Session and chrome ----

function saveSession() {
  sessionStorage.setItem('koers.token', state.token);
  sessionStorage.setItem('koers.user', JSON.stringify(state.user));
}

function clearSession() {
  state = { token: null, user: null };
  sessionStorage.removeItem('koers.token');
  sessionStorage.removeItem('koers.user');
  Object.keys(cache).forEach((k) => delete cache[k]);
}

function logout() {
  clearSession();
  sessionStorage.removeItem('koers.notice');
  navigate('#/login');
}

/** Navigates; renders directly when the hash does not change (no hashchange event then). */
function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function sessionExpired() {
  if (!state.token) return;
  const back = location.hash;
  clearSession();
  sessionStorage.setItem('koers.notice', 'Uw sessie is verlopen; log opnieuw in.');
  if (back && !back.startsWith('#/login')) sessionStorage.setItem('koers.back', back);
  location.hash = '#/login';
}

const NAV = [
  { href: '#/learners', label: 'Deelnemers', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality'] },
  { href: '#/trajectories', label: 'Trajecten', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality'] },
  { href: '#/lessons', label: 'Lessen en presentielijsten', roles: ['admin', 'coordinator', 'teacher'] },
  { href: '#/signals', label: 'Verzuimsignalen', roles: ['admin', 'coordinator', 'teacher', 'municipality'] },
  { href: '#/me', label: 'Mijn traject', roles: ['learner'] },
];
const homeOf = (r) => (r === 'learner' ? '#/me' : '#/learners');

function renderChrome() {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!state.user) {
    nav.innerHTML = '';
    who.innerHTML = '';
    return;
  }
  const here = location.hash.split('?')[0];
  nav.innerHTML = NAV.filter((n) => n.roles.includes(role()))
    .map((n) => {
      const active = here === n.href || here.startsWith(`${n.href}/`);
      return `<a href="${n.href}"${active ? ' class="active" aria-current="page"' : ''}>${n.label}</a>`;
    })
    .join('');
  who.innerHTML = `<span>${esc(state.user.displayName || state.user.email)} (${esc(ROLE_NL[role()] || role())})</span><button id="logout" type="button">Uitloggen</button>`;
  document.getElementById('logout').onclick = logout;
}

function setTitle(t) {
  document.title = `${t} — Koers`;
}

function loginPage() {
  setTitle('Inloggen');
  const notice = sessionStorage.getItem('koers.notice');
  $app.innerHTML = `<div class="login card"><h1>Inloggen bij Koers</h1>
    ${notice ? `<p class="notice" role="status">${esc(notice)}</p>` : ''}
    <form id="login-form" novalidate>
      <label>E-mailadres <input name="email" type="email" autocomplete="username" required data-field="email"></label>
      <label>Wachtwoord <input name="password" type="password" autocomplete="current-password" required data-field="password"></label>
      <button type="submit">Inloggen</button>
      <div class="error" id="login-error" role="alert"></div>
    </form></div>`;
  const form = document.getElementById('login-form');
  const alertEl = document.getElementById('login-error');
  form.email.focus();
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    clearFormErrors(form);
    const email = form.email.value.trim();
    const password = form.password.value;
    if (!email || !password) {
      alertEl.textContent = !email ? 'Vul uw e-mailadres in.' : 'Vul uw wachtwoord in.';
      (!email ? form.email : form.password).focus();
      return;
    }
    const btn = form.querySelector('button');
    btn.disabled = true;
    try {
      const r = await api('/auth/login', { method: 'POST', body: { email, password } });
      state = { token: r.accessToken, user: r.user };
      saveSession();
      sessionStorage.removeItem('koers.notice');
      const back = sessionStorage.getItem('koers.back');
      sessionStorage.removeItem('koers.back');
      navigate(back || homeOf(r.user.role));
    } catch (e) {
      const status = e.problem?.status;
      if (status === 401) alertEl.textContent = 'E-mailadres of wachtwoord is onjuist.';
      else if (status === 429) alertEl.textContent = 'Te veel pogingen; probeer het over een minuut opnieuw.';
      else showFormErrors(form, e, alertEl);
      form.password.select();
    } finally {
      btn.disabled = false;
    }
  };
}

// ---- Lists ----

/** A paged, sortable table over a list endpoint; the query lives in the URL (#/x?search=..&page=2). */
async function listPage({ title, path, columns, filters = '', rowHref, params, empty = 'Niets gevonden.', defaults = {}, intro = '', after }) {
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

/** Rows navigate on click; each row also has a real link for the keyboard. */
function bindRowLinks(root = $app) {
  root.querySelectorAll('tr.clickable').forEach((tr) => {
    tr.onclick = (ev) => {
      if (ev.target.closest('a, button, input, select, textarea, label')) return;
      location.hash = tr.dataset.href;
    };
  });
}

const link = (href, text) => `<a href="${esc(href)}">${text}</a>`;

async function municipalityNames() {
  if (!cache.municipalities) {
    cache.municipalities = api('/municipalities?pageSize=100&sort=name')
      .then((r) => Object.fromEntries(r.items.map((m) => [m.id, m.name])))
      .catch(() => ({}));
  }
  return cache.municipalities;
}

async function learnersPage(params) {
  const search = params.get('search') || '';
  const filters = `<form class="inline filters" role="search"><label>Zoek op naam of deelnemernummer
    <input name="search" type="search" value="${esc(search)}" placeholder="bijv. celik, olga of D000123"></label><button type="submit">Zoeken</button>
    ${search ? '<a class="reset" href="#/learners">Alle deelnemers</a>' : ''}</form>`;
  const names = await municipalityNames();
  return listPage({
    title: 'Deelnemers', path: '/learners', params, filters,
    empty: search ? `Geen deelnemers gevonden voor ‘${esc(search)}’.` : 'Er zijn nog geen deelnemers.',
    columns: [
      { label: 'Nummer', sort: 'learnerNumber', render: (l) => esc(l.learnerNumber) },
      { label: 'Achternaam', sort: 'lastName', render: (l) => link(`#/learners/${l.id}`, esc(l.lastName)) },
      { label: 'Voornaam', sort: 'firstName', render: (l) => esc(l.firstName) },
      { label: 'Geboortedatum', sort: 'dateOfBirth', render: (l) => fmtDate(l.dateOfBirth) },
      { label: 'Gemeente', render: (l) => or(names[l.municipalityId] || l.city) },
      { label: 'BSN', render: (l) => or(l.bsnMasked) },
      { label: 'Instroomdatum', sort: 'intakeDate', render: (l) => or(fmtDate(l.intakeDate)) },
    ],
    rowHref: (l) => `#/learners/${l.id}`,
  });
}

async function learnerPage(id) {
  const l = await api(`/learners/${id}`);
  const [trajectories, levels, names] = await Promise.all([
    api(`/trajectories?learnerId=${id}&pageSize=20`).catch(() => ({ items: [] })),
    api(`/learners/${id}/levels`).catch(() => null),
    municipalityNames(),
  ]);
  const name = fullName(l);
  setTitle(name);
  const canReveal = isRole('admin', 'coordinator') && l.bsnMasked;
  const address = [l.street, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  $app.innerHTML = `<p class="crumbs">${isRole('learner') ? '' : link('#/learners', '← Deelnemers')}</p>
    <h1>${esc(name)} <span class="badge">${esc(l.learnerNumber)}</span></h1>
    <div class="grid"><section class="card"><h2>Gegevens</h2><dl>
      <dt>Deelnemernummer</dt><dd>${esc(l.learnerNumber)}</dd>
      <dt>Geboortedatum</dt><dd>${or(fmtDate(l.dateOfBirth))}</dd>
      <dt>BSN</dt><dd><span id="bsn">${or(l.bsnMasked, 'niet bekend')}</span> ${canReveal ? '<button class="secondary small" id="reveal" type="button">Toon BSN</button>' : ''}</dd>
      <dt>Gemeente</dt><dd>${or(names[l.municipalityId])}</dd>
      <dt>Adres</dt><dd>${or(address)}</dd>
      <dt>E-mail</dt><dd>${or(l.email)}</dd><dt>Telefoon</dt><dd>${or(l.phone)}</dd>
      <dt>Land van herkomst</dt><dd>${or(l.countryOfOrigin)}</dd><dt>Moedertaal</dt><dd>${or(l.nativeLanguage)}</dd>
      <dt>Instroomdatum</dt><dd>${or(fmtDate(l.intakeDate))}</dd></dl></section>
    <section class="card"><h2>Niveaus</h2>${levelsTable(levels, l.intakeLevels)}</section></div>
    <section class="card"><h2>Trajecten</h2>${trajectoryTable(trajectories.items)}</section>`;
  bindRowLinks();
  const btn = document.getElementById('reveal');
  if (btn) {
    btn.onclick = async () => {
      btn.disabled = true;
      try {
        const r = await api(`/learners/${id}/bsn/reveal`, { method: 'POST' });
        document.getElementById('bsn').textContent = r.bsn;
        btn.remove();
        toast('BSN getoond; dit is vastgelegd in de audit.');
      } catch (e) {
        btn.disabled = false;
        toast(problemNl(e).summary);
      }
    };
  }
}

function trajectoryTable(items) {
  if (!items.length) return '<p>Geen trajecten.</p>';
  return `<table><thead><tr><th scope="col">Product</th><th scope="col">Gemeente</th><th scope="col">Status</th><th scope="col">Start</th><th scope="col">Gepland einde</th><th scope="col">Einddatum</th></tr></thead><tbody>
    ${items.map((t) => `<tr class="clickable" data-href="#/trajectories/${t.id}"><td>${link(`#/trajectories/${t.id}`, esc(t.product?.name || 'traject'))}</td><td>${or(t.municipality?.name)}</td><td>${statusBadge(t.status)}</td><td>${or(fmtDate(t.startDate))}</td><td>${or(fmtDate(t.plannedEndDate))}</td><td>${or(fmtDate(t.endDate))}</td></tr>`).join('')}
    </tbody></table>`;
}

function statusBadge(s) {
  const cls = { active: 'good', completed: 'good', dropped_out: 'bad', suspended: 'warn', registered: 'bad', in_progress: 'warn', closed: 'good' }[s] || '';
  return `<span class="badge ${cls}">${esc(nl(s))}</span>`;
}

function levelsTable(levels, intakeLevels) {
  const skills = levels?.skills;
  if (!skills) {
    const entries = Object.entries(intakeLevels || {});
    if (!entries.length) return '<p>Geen niveaugegevens.</p>';
    return `<table><thead><tr><th scope="col">Vaardigheid</th><th scope="col">Instroomniveau</th></tr></thead><tbody>${entries
      .map(([k, v]) => `<tr><td>${esc(SKILL_NL[k] || k)}</td><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
  }
  const rows = skills
    .map((s) => {
      const pf = s.scale === 'pass_fail';
      const current = pf ? (s.passed ? 'behaald' : 'niet behaald') : or(s.current);
      const target = pf ? (s.target ? 'behalen' : dash) : or(s.target);
      const reached = s.reached == null ? dash : s.reached ? '<span class="badge good">ja</span>' : 'nee';
      const skill = SKILL_TITLE[s.skill] ? `<abbr title="${SKILL_TITLE[s.skill]}">${SKILL_NL[s.skill]}</abbr>` : esc(SKILL_NL[s.skill] || s.skill);
      return `<tr><td>${skill}</td><td>${pf ? dash : or(s.intake)}</td><td>${current}</td><td>${target}</td><td>${reached}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th scope="col">Vaardigheid</th><th scope="col">Instroomniveau</th><th scope="col">Niveau nu</th><th scope="col">Streefniveau</th><th scope="col">Bereikt</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function trajectoriesPage(params) {
  const filters = `<form class="inline filters"><label>Zoek deelnemer <input name="search" type="search" value="${esc(params.get('search'))}" placeholder="naam of deelnemernummer"></label>
    <label>Status <select name="status"><option value="">alle</option>${['planned', 'active', 'suspended', 'completed', 'dropped_out']
      .map((s) => `<option value="${s}" ${params.get('status') === s ? 'selected' : ''}>${nl(s)}</option>`).join('')}</select></label><button type="submit">Filteren</button></form>`;
  return listPage({
    title: 'Trajecten', path: '/trajectories', params, filters,
    empty: 'Geen trajecten gevonden.',
    columns: [
      { label: 'Deelnemer', render: (t) => link(`#/trajectories/${t.id}`, esc(fullName(t.learner) || 'deelnemer')) },
      { label: 'Nummer', render: (t) => or(t.learner?.learnerNumber) },
      { label: 'Product', render: (t) => or(t.product?.name) },
      { label: 'Gemeente', render: (t) => or(t.municipality?.name) },
      { label: 'Status', sort: 'status', render: (t) => statusBadge(t.status) },
      { label: 'Start', sort: 'startDate', render: (t) => or(fmtDate(t.startDate)) },
      { label: 'Gepland einde', sort: 'plannedEndDate', render: (t) => or(fmtDate(t.plannedEndDate)) },
    ],
    rowHref: (t) => `#/trajectories/${t.id}`,
  });
}

function domainList(obj) {
  const entries = Object.entries(obj || {}).filter(([, v]) => v != null && v !== '');
  if (!entries.length) return dash;
  return `<ul class="plain">${entries.map(([k, v]) => `<li><strong>${esc(DOMAIN_NL[k] || k)}:</strong> ${esc(v)}</li>`).join('')}</ul>`;
}

async function trajectoryPage(id, { mine = false } = {}) {
  const t = await api(`/trajectories/${id}`);
  const canSignals = isRole('admin', 'coordinator', 'teacher', 'municipality');
  const [att, signals, levels] = await Promise.all([
    api(`/trajectories/${id}/attendance`).catch(() => null),
    canSignals ? api(`/signals?trajectoryId=${id}&pageSize=20`).catch(() => null) : null,
    mine ? api(`/learners/${t.learnerId}/levels`).catch(() => null) : null,
  ]);
  const learner = fullName(t.learner);
  setTitle(mine ? 'Mijn traject' : `Traject ${learner}`);
  const targets = Object.entries(t.targetLevels || {}).map(([k, v]) => `${esc(SKILL_NL[k] || k)}: ${v === 'pass' ? 'behalen' : esc(v)}`).join(', ');
  const ia = t.integrationAgreement || {};
  $app.innerHTML = `${mine ? '' : `<p class="crumbs">${link('#/trajectories', '← Trajecten')}</p>`}
    <h1>${mine ? 'Mijn traject' : `Traject van ${esc(learner)}`} <span class="sub">${esc(t.product?.name || '')}</span> ${statusBadge(t.status)}</h1>
    <div class="grid"><section class="card"><h2>Traject</h2><dl>
      <dt>Deelnemer</dt><dd>${mine ? esc(learner) : link(`#/learners/${t.learnerId}`, esc(learner || 'deelnemer'))} <span class="muted">${esc(t.learner?.learnerNumber || '')}</span></dd>
      <dt>Product</dt><dd>${or(t.product?.name)}</dd>
      <dt>Gemeente</dt><dd>${or(t.municipality?.name)}</dd>
      <dt>Regime</dt><dd>${or(REGIME_NL[t.legalRegime] || t.legalRegime)}</dd>
      <dt>Status</dt><dd>${esc(nl(t.status))}</dd>
      <dt>Startdatum</dt><dd>${or(fmtDate(t.startDate))}</dd><dt>Geplande einddatum</dt><dd>${or(fmtDate(t.plannedEndDate))}</dd>
      ${t.endDate ? `<dt>Einddatum</dt><dd>${fmtDate(t.endDate)}</dd>` : ''}
      ${t.pipDate ? `<dt>PIP-datum</dt><dd>${fmtDate(t.pipDate)}</dd>` : ''}
      <dt>Gecontracteerde uren</dt><dd>${or(t.contractedHours)}</dd>
      ${t.dropoutReason ? `<dt>Reden van uitval</dt><dd>${esc(DROPOUT_NL[t.dropoutReason] || t.dropoutReason)}${t.dropoutNote ? ` — ${esc(t.dropoutNote)}` : ''}</dd>` : ''}
      <dt>Streefniveaus</dt><dd>${targets || dash}</dd></dl></section>
    <section class="card"><h2>Aanwezigheid</h2>${attendanceSummary(att)}</section></div>
    ${mine ? `<section class="card"><h2>Mijn niveaus</h2>${levelsTable(levels)}</section>` : ''}
    <div class="grid"><section class="card"><h2>Trajectplan</h2><h3>Doelen per domein</h3>${domainList(t.plan?.goals)}
      <h3>Afspraken</h3><p>${or(t.plan?.agreements)}</p></section>
    <section class="card"><h2>Integratieafspraken</h2><h3>Wensen</h3>${domainList(ia.wishes)}<h3>Behoeften</h3>${domainList(ia.needs)}<h3>Mogelijkheden</h3>${domainList(ia.abilities)}</section></div>
    ${signals ? `<section class="card"><h2>Verzuimsignalen</h2>${signalsTable(signals.items)}</section>` : ''}
    ${mine ? '<section class="card" id="upcoming"><h2>Mijn komende lessen</h2><p>Laden…</p></section>' : ''}`;
  bindRowLinks();
  if (mine) await upcomingLessons(t);
}

function attendanceSummary(a) {
  if (!a || !a.registeredMinutes) return '<p>Nog geen aanwezigheid geregistreerd.</p>';
  const se = a.substantialEffort;
  const pn = a.participationNorm;
  const bar = (v, max) => `<progress max="${max}" value="${Math.min(Number(v) || 0, max)}"></progress>`;
  return `<dl>
    <dt>Geregistreerde lesuren</dt><dd>${fmtHours(a.registeredMinutes)} uur</dd>
    <dt>Aanwezig</dt><dd>${fmtHours(a.attendedMinutes)} uur</dd>
    <dt>Aanwezigheid</dt><dd><strong>${pct(a.attendanceRate)}</strong></dd>
    <dt>Aanwezigheid zonder geoorloofd afwezig</dt><dd>${pct(a.attendanceRateExclAuthorised)}</dd>
    <dt>Geoorloofd afwezig</dt><dd>${fmtNum(a.absentAuthorisedHours)} uur</dd>
    <dt>Ongeoorloofd afwezig</dt><dd>${fmtNum(a.absentUnauthorisedHours)} uur</dd>
    <dt>Aanwezig fysiek / online</dt><dd>${fmtNum(a.attendedHoursPhysical)} / ${fmtNum(a.attendedHoursOnline)} uur</dd></dl>
    ${se ? `<h3>Aantoonbare inspanning (${fmtNum(se.normHours, 0)} uur)</h3>
      <p>${bar(se.attendedHours, se.normHours)} ${fmtNum(se.attendedHours)} van ${fmtNum(se.normHours, 0)} uur, waarvan ${pct(se.physicalShare)} fysiek (minimaal ${pct(se.requiredPhysicalShare)}).
      ${se.met ? '<span class="badge good">gehaald</span>' : '<span class="badge">nog niet gehaald</span>'}</p>` : ''}
    ${pn ? `<h3>Z-route-norm</h3><pre class="plain">${esc(Object.entries(pn).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n'))}</pre>` : ''}`;
}

// ---- Lessons and registers ----

async function lessonsPage(params) {
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
    const box = document.getElementById('missing');
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
}

async function registerPage(id) {
  const r = await api(`/lessons/${id}/register`);
  renderRegister(id, r);
}

function renderRegister(id, r, saved) {
  const lesson = r.lesson;
  const lines = r.learners || [];
  setTitle(`Presentielijst ${lesson.groupName} ${fmtDate(lesson.date)}`);
  const head = `<p class="crumbs">${link('#/lessons', '← Lessen')}</p>
    <h1>Presentielijst ${esc(lesson.groupName)} <span class="sub">${esc(fmtDay(lesson.date))}</span></h1>
    <p class="lesson-meta">${esc(lesson.groupCode)} · ${esc(String(lesson.startTime).slice(0, 5))} uur · ${esc(lesson.minutes)} minuten · ${lesson.mode === 'online' ? 'online' : 'fysiek'}</p>`;
  if (lesson.cancelled) {
    $app.innerHTML = `${head}<div class="notice" role="status"><strong>Deze les is vervallen.</strong> ${lesson.cancelReason ? `Reden: ${esc(lesson.cancelReason)}. ` : ''}Voor een vervallen les wordt geen presentielijst ingevuld.</div>`;
    return;
  }
  if (lesson.inFuture) {
    const rows = lines.map((e) => `<tr><td>${esc(fullName(e))} <span class="muted">${esc(e.learnerNumber)}</span></td><td>${e.record ? `${esc(nl(e.record.status))}${e.record.absenceReason ? ` — ${esc(e.record.absenceReason)}` : ''}${e.record.reportedInAdvance ? ' <span class="badge">vooraf gemeld</span>' : ''}` : dash}</td></tr>`).join('');
    $app.innerHTML = `${head}<div class="notice" role="status"><strong>Deze les is nog niet begonnen.</strong> De presentielijst kan pas worden ingevuld als de les begonnen is. Vooraf gemelde afwezigheid staat hieronder.</div>
      <table><thead><tr><th scope="col">Deelnemer</th><th scope="col">Vooraf gemeld</th></tr></thead><tbody>${rows || '<tr><td colspan="2" class="empty">Geen ingeschreven deelnemers.</td></tr>'}</tbody></table>`;
    return;
  }
  const isNew = lines.length > 0 && lines.every((e) => !e.record);
  const opt = (cur) => ATTENDANCE.map((s) => `<option value="${s}" ${cur === s ? 'selected' : ''}>${nl(s)}</option>`).join('');
  const rows = lines
    .map((e, i) => {
      const rec = e.record || {};
      const st = rec.status || 'present';
      const name = fullName(e);
      return `<tr data-i="${i}" class="st-${st}"><th scope="row">${esc(name)} <span class="muted">${esc(e.learnerNumber)}</span>${rec.reportedInAdvance ? ' <span class="badge">vooraf gemeld</span>' : ''}</th>
      <td><label class="sr-only" for="status-${i}">Status ${esc(name)}</label><select id="status-${i}" name="status-${i}" data-field="entries[${i}].status">${opt(st)}</select></td>
      <td><span class="late-cell"><label class="sr-only" for="late-${i}">Minuten te laat ${esc(name)}</label><input id="late-${i}" type="number" min="1" max="${esc(lesson.minutes)}" step="1" inputmode="numeric" name="late-${i}" data-field="entries[${i}].minutesLate" value="${st === 'late' ? esc(rec.minutesLate || '') : ''}"> min</span></td>
      <td><span class="reason-cell"><label class="sr-only" for="reason-${i}">Reden ${esc(name)}</label><input id="reason-${i}" name="reason-${i}" maxlength="500" data-field="entries[${i}].absenceReason" value="${esc(rec.absenceReason || '')}"></span></td>
      <td class="line-errors" data-field="entries[${i}].learnerId"></td></tr>`;
    })
    .join('');
  $app.innerHTML = `${head}
    ${isNew ? '<p class="notice" role="status">Deze presentielijst is nog niet ingevuld. Alle deelnemers staan voorlopig op ‘aanwezig’.</p>' : ''}
    ${lines.length ? `<form id="register" novalidate>
    <p class="toolbar"><button type="button" class="secondary" id="all-present">Iedereen aanwezig</button> <span id="reg-counts" class="muted"></span></p>
    <div class="table-wrap"><table class="register"><thead><tr><th scope="col">Deelnemer</th><th scope="col">Status</th><th scope="col">Minuten te laat</th><th scope="col">Reden afwezigheid</th><th scope="col"><span class="sr-only">Meldingen</span></th></tr></thead><tbody>${rows}</tbody></table></div>
    <div class="error" id="reg-error" role="alert"></div>
    <p><button type="submit">Presentielijst opslaan</button> <span id="reg-saved" class="muted" role="status">${saved ? esc(saved) : ''}</span></p></form>`
      : '<p class="notice">Er waren op deze lesdatum geen deelnemers in deze groep ingeschreven.</p>'}`;
  const form = document.getElementById('register');
  if (!form) return;
  const sync = () => {
    const counts = {};
    form.querySelectorAll('tbody tr').forEach((tr) => {
      const i = tr.dataset.i;
      const st = form[`status-${i}`].value;
      counts[st] = (counts[st] || 0) + 1;
      tr.className = `st-${st}`;
      const late = form[`late-${i}`];
      const reason = form[`reason-${i}`];
      late.closest('.late-cell').hidden = st !== 'late';
      late.disabled = st !== 'late';
      const absent = st === 'absent_authorised' || st === 'absent_unauthorised';
      reason.closest('.reason-cell').hidden = !absent;
      reason.disabled = !absent;
      reason.placeholder = st === 'absent_authorised' ? 'verplicht' : 'optioneel';
      reason.required = st === 'absent_authorised';
    });
    document.getElementById('reg-counts').textContent = ATTENDANCE.filter((s) => counts[s]).map((s) => `${counts[s]} ${nl(s)}`).join(' · ');
  };
  form.addEventListener('change', (ev) => {
    sync();
    if (ev.target.tagName === 'SELECT' && ev.target.value === 'late') form[`late-${ev.target.closest('tr').dataset.i}`].focus();
  });
  document.getElementById('all-present').onclick = () => {
    form.querySelectorAll('select').forEach((s) => (s.value = 'present'));
    sync();
  };
  sync();
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    clearFormErrors(form);
    const alertEl = document.getElementById('reg-error');
    alertEl.textContent = '';
    const body = {
      entries: lines.map((e, i) => {
        const status = form[`status-${i}`].value;
        const out = { learnerId: e.learnerId, status };
        if (status === 'late') {
          const v = form[`late-${i}`].value.trim();
          out.minutesLate = v === '' ? 0 : Number(v);
        }
        const reason = form[`reason-${i}`].value.trim();
        if ((status === 'absent_authorised' || status === 'absent_unauthorised') && reason) out.absenceReason = reason;
        return out;
      }),
    };
    const btn = form.querySelector('button[type="submit"]');
    btn.disabled = true;
    try {
      const res = await api(`/lessons/${id}/register`, { method: 'PUT', body });
      const time = new Date().toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TZ });
      const raised = res.signalsRaised || [];
      renderRegister(id, res.lesson ? res : await api(`/lessons/${id}/register`), `Opgeslagen om ${time}.`);
      toast('Presentielijst opgeslagen');
      if (raised.length) {
        const names = raised.map((s) => fullName(lines.find((l) => l.trajectoryId === s.trajectoryId)) || 'een deelnemer');
        document.getElementById('reg-saved').insertAdjacentHTML('afterend', `<p class="notice warn" role="status">Er is een verzuimsignaal aangemaakt voor ${esc(names.join(', '))}. De coördinator handelt dit af.</p>`);
      }
    } catch (e) {
      btn.disabled = false;
      showFormErrors(form, e, alertEl);
    }
  };
}

// ---- Absence signals ----

const RULE_NL = { R1: 'R1: 3 lessen achter elkaar ongeoorloofd afwezig', R2: 'R2: 16 uur ongeoorloofd afwezig binnen 4 weken' };
const ruleText = (s) => {
  const d = s.details || {};
  if (s.rule === 'R1') return `R1: ${d.consecutiveLessons || 3} lessen achter elkaar ongeoorloofd afwezig`;
  if (s.rule === 'R2') return `R2: ${fmtHours(d.unauthorisedMinutes)} uur ongeoorloofd afwezig binnen ${d.windowDays || 28} dagen (grens ${fmtHours(d.thresholdMinutes || 960)} uur)`;
  return esc(s.rule);
};

function signalsTable(items) {
  if (!items.length) return '<p>Geen verzuimsignalen.</p>';
  return `<table><thead><tr><th scope="col">Regel</th><th scope="col">Datum</th><th scope="col">Status</th><th scope="col">Gemeld aan de gemeente op</th></tr></thead><tbody>${items
    .map((s) => `<tr class="clickable" data-href="#/signals/${s.id}"><td>${link(`#/signals/${s.id}`, ruleText(s))}</td><td>${fmtDate(s.triggeredOn)}</td><td>${statusBadge(s.status)}</td><td>${or(fmtDate(s.reportedToMunicipalityOn))}</td></tr>`).join('')}</tbody></table>`;
}

function signalsPage(params) {
  const filters = `<form class="inline filters"><label>Status <select name="status"><option value="">alle</option>${['registered', 'in_progress', 'closed', 'withdrawn']
    .map((s) => `<option value="${s}" ${params.get('status') === s ? 'selected' : ''}>${nl(s)}</option>`).join('')}</select></label>
    <label>Regel <select name="rule"><option value="">alle</option>${['R1', 'R2'].map((r) => `<option value="${r}" ${params.get('rule') === r ? 'selected' : ''}>${esc(RULE_NL[r])}</option>`).join('')}</select></label>
    <button type="submit">Filteren</button></form>`;
  return listPage({
    title: 'Verzuimsignalen', path: '/signals', params, filters,
    intro: '<p class="muted">Een verzuimsignaal ontstaat vanzelf bij 3 lessen achter elkaar ongeoorloofd afwezig (R1) of 16 uur ongeoorloofd afwezig binnen 4 weken (R2).</p>',
    empty: 'Geen verzuimsignalen gevonden.',
    columns: [
      { label: 'Deelnemer', render: (s) => `${link(`#/signals/${s.id}`, esc(s.learnerName || 'deelnemer'))} <span class="muted">${esc(s.learnerNumber || '')}</span>` },
      { label: 'Regel', sort: 'rule', render: (s) => ruleText(s) },
      { label: 'Datum signaal', sort: 'triggeredOn', render: (s) => fmtDate(s.triggeredOn) },
      { label: 'Status', sort: 'status', render: (s) => statusBadge(s.status) },
      { label: 'Gemeld aan de gemeente op', render: (s) => or(fmtDate(s.reportedToMunicipalityOn)) },
      { label: 'Aangemaakt', sort: 'raisedAt', render: (s) => fmtDateTime(s.raisedAt) },
    ],
    rowHref: (s) => `#/signals/${s.id}`,
  });
}

async function signalPage(id) {
  const s = await api(`/signals/${id}`);
  setTitle(`Verzuimsignaal ${s.learnerName}`);
  const open = s.status === 'registered' || s.status === 'in_progress';
  const canAct = isRole('admin', 'coordinator') && open;
  const actions = [];
  if (canAct) {
    if (s.status === 'registered') actions.push(`<form class="action" data-action="start"><h3>In behandeling nemen</h3><button type="submit">In behandeling nemen</button></form>`);
    actions.push(`<form class="action" data-action="report" novalidate><h3>Gemeld aan de gemeente</h3><label>Gemeld aan de gemeente op <input type="date" name="reportedToMunicipalityOn" data-field="reportedToMunicipalityOn" min="${esc(s.triggeredOn)}" max="${today()}" value="${esc(s.reportedToMunicipalityOn || today())}" required></label><button type="submit">Melding vastleggen</button></form>`);
    if (s.status === 'in_progress') actions.push(`<form class="action" data-action="close" novalidate><h3>Afsluiten</h3><label>Toelichting bij afsluiten <textarea name="note" data-field="note" rows="2" maxlength="2000" required></textarea></label><button type="submit">Signaal afsluiten</button></form>`);
    actions.push(`<form class="action" data-action="withdraw" novalidate><h3>Intrekken (ten onrechte aangemaakt)</h3><label>Toelichting bij intrekken <textarea name="note" data-field="note" rows="2" maxlength="2000" required></textarea></label><button type="submit" class="secondary">Signaal intrekken</button></form>`);
  }
  const lessonIds = s.details?.lessonIds || [];
  $app.innerHTML = `<p class="crumbs">${link('#/signals', '← Verzuimsignalen')}</p>
    <h1>Verzuimsignaal ${esc(s.learnerName)} ${statusBadge(s.status)}</h1>
    <div class="grid"><section class="card"><h2>Signaal</h2><dl>
      <dt>Deelnemer</dt><dd>${isRole('finance') ? esc(s.learnerName) : link(`#/learners/${s.learnerId}`, esc(s.learnerName))} <span class="muted">${esc(s.learnerNumber)}</span></dd>
      <dt>Traject</dt><dd>${link(`#/trajectories/${s.trajectoryId}`, 'Naar het traject')}</dd>
      <dt>Regel</dt><dd>${ruleText(s)}</dd>
      ${lessonIds.length ? `<dt>Lessen</dt><dd>${lessonIds.map((l, i) => link(`#/lessons/${l}/register`, `les ${i + 1}`)).join(', ')}</dd>` : ''}
      <dt>Datum signaal</dt><dd>${fmtDate(s.triggeredOn)}</dd>
      <dt>Aangemaakt</dt><dd>${fmtDateTime(s.raisedAt)}</dd>
      <dt>Status</dt><dd>${esc(nl(s.status))}</dd>
      <dt>Gemeld aan de gemeente op</dt><dd>${or(fmtDate(s.reportedToMunicipalityOn), 'nog niet gemeld')}</dd>
      ${s.handledAt ? `<dt>Laatst behandeld</dt><dd>${fmtDateTime(s.handledAt)}</dd>` : ''}
      ${s.closedAt ? `<dt>Afgesloten</dt><dd>${fmtDateTime(s.closedAt)}</dd>` : ''}
      ${s.note ? `<dt>Toelichting</dt><dd>${esc(s.note)}</dd>` : ''}</dl></section>
    ${canAct ? `<section class="card"><h2>Afhandelen</h2><div class="error" id="sig-error" role="alert"></div>${actions.join('')}</section>` : ''}</div>`;
  $app.querySelectorAll('form.action').forEach((form) => {
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      const alertEl = document.getElementById('sig-error');
      clearFormErrors(form);
      alertEl.textContent = '';
      const body = { version: s.version };
      const action = form.dataset.action;
      if (action === 'report') body.reportedToMunicipalityOn = form.reportedToMunicipalityOn.value;
      if (action === 'close' || action === 'withdraw') body.note = form.note.value.trim();
      const btn = form.querySelector('button');
      btn.disabled = true;
      try {
        await api(`/signals/${id}/${action}`, { method: 'POST', body });
        toast({ start: 'Signaal is in behandeling', report: 'Melding aan de gemeente vastgelegd', close: 'Signaal afgesloten', withdraw: 'Signaal ingetrokken' }[action]);
        await signalPage(id);
      } catch (e) {
        btn.disabled = false;
        showFormErrors(form, e, alertEl);
      }
    };
  });
}

// ---- Learner: my trajectory ----

async function mePage() {
  const list = await api(`/trajectories?learnerId=${encodeURIComponent(state.user.learnerId || '')}&pageSize=20`);
  const current = list.items.find((t) => !['completed', 'dropped_out'].includes(t.status)) || list.items[0];
  if (!current) {
    setTitle('Mijn traject');
    $app.innerHTML = '<h1>Mijn traject</h1><p>Er is nog geen traject voor u. Neem contact op met uw coördinator.</p>';
    return;
  }
  await trajectoryPage(current.id, { mine: true });
}

async function upcomingLessons(t) {
  const box = document.getElementById('upcoming');
  const from = today();
  try {
    const r = await api(`/lessons?from=${from}&to=${addDays(from, 28)}&sort=date&pageSize=20`);
    const now = new Date().toLocaleTimeString('sv-SE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
    // A lesson that has started can no longer be reported in advance.
    const items = r.items.filter((l) => l.date > from || String(l.startTime).slice(0, 5) > now);
    if (!items.length) {
      box.innerHTML = '<h2>Mijn komende lessen</h2><p>Er staan de komende 4 weken geen lessen gepland.</p>';
      return;
    }
    box.innerHTML = `<h2>Mijn komende lessen</h2><p class="muted">Kunt u niet komen? Meld het hier vóór de les, met een reden.</p>
      <table><thead><tr><th scope="col">Datum</th><th scope="col">Tijd</th><th scope="col">Groep</th><th scope="col">Vorm</th><th scope="col">Afwezig melden</th></tr></thead><tbody>${items
        .map((l) => `<tr><td>${esc(fmtDay(l.date))}</td><td>${esc(String(l.startTime).slice(0, 5))}</td><td>${esc(l.groupName)}</td><td>${l.mode === 'online' ? 'online' : 'fysiek'}</td><td>${l.cancelled
          ? `<span class="badge bad">vervallen</span> ${esc(l.cancelReason || '')}`
          : `<form class="inline advance" data-lesson="${esc(l.id)}" novalidate><label><span class="sr-only">Reden afwezigheid ${esc(fmtDay(l.date))}</span><input name="reason" data-field="reason" maxlength="500" placeholder="reden" required></label><button type="submit" class="secondary">Afwezig melden</button><span class="error" role="alert"></span></form>`}</td></tr>`).join('')}</tbody></table>`;
    box.querySelectorAll('form.advance').forEach((form) => {
      form.onsubmit = async (ev) => {
        ev.preventDefault();
        const alertEl = form.querySelector('[role="alert"]');
        clearFormErrors(form);
        alertEl.textContent = '';
        const reason = form.reason.value.trim();
        if (!reason) {
          alertEl.textContent = 'Vul een reden in.';
          form.reason.focus();
          return;
        }
        try {
          await api(`/lessons/${form.dataset.lesson}/advance-absence`, { method: 'POST', body: { learnerId: t.learnerId, reason } });
          form.outerHTML = `<span class="badge">afwezigheid gemeld</span> ${esc(reason)}`;
          toast('Uw afwezigheid is gemeld.');
        } catch (e) {
          showFormErrors(form, e, alertEl);
        }
      };
    });
  } catch (e) {
    box.innerHTML = `<h2>Mijn komende lessen</h2><p class="error">${problemHtml(e)}</p>`;
  }
}

// ---- Router ----

const ROUTES = [
  [/^#\/learners\/([\w-]+)$/, (m) => learnerPage(m[1]), ['admin', 'coordinator', 'teacher', 'finance', 'municipality']],
  [/^#\/learners$/, (m, p) => learnersPage(p), ['admin', 'coordinator', 'teacher', 'finance', 'municipality']],
  [/^#\/trajectories\/([\w-]+)$/, (m) => trajectoryPage(m[1]), ['admin', 'coordinator', 'teacher', 'finance', 'municipality']],
  [/^#\/trajectories$/, (m, p) => trajectoriesPage(p), ['admin', 'coordinator', 'teacher', 'finance', 'municipality']],
  [/^#\/lessons\/([\w-]+)\/register$/, (m) => registerPage(m[1]), ['admin', 'coordinator', 'teacher']],
  [/^#\/lessons$/, (m, p) => lessonsPage(p), ['admin', 'coordinator', 'teacher']],
  [/^#\/signals\/([\w-]+)$/, (m) => signalPage(m[1]), ['admin', 'coordinator', 'teacher', 'municipality']],
  [/^#\/signals$/, (m, p) => signalsPage(p), ['admin', 'coordinator', 'teacher', 'municipality']],
  [/^#\/me$/, () => mePage(), ['learner']],
];

let renderSeq = 0;
async function render() {
  const seq = ++renderSeq;
  renderChrome();
  if (!state.token || !state.user) {
    if (location.hash && !location.hash.startsWith('#/login')) sessionStorage.setItem('koers.back', location.hash);
    if (!location.hash.startsWith('#/login')) history.replaceState(null, '', '#/login');
    return loginPage();
  }
  const [path, query] = (location.hash || '').split('?');
  const params = new URLSearchParams(query || '');
  const route = ROUTES.find(([re, , roles]) => re.test(path) && roles.includes(role()));
  if (!route) {
    location.hash = homeOf(role());
    return;
  }
  $app.innerHTML = '<p class="loading">Laden…</p>';
  try {
    await route[1](path.match(route[0]), params);
    if (seq === renderSeq) $app.focus({ preventScroll: true });
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e.problem?.code === 'session_expired') return;
    setTitle('Dat lukte niet');
    $app.innerHTML = `<h1>Dat lukte niet</h1><div class="error" role="alert">${problemHtml(e)}</div><p><a href="${homeOf(role())}">Terug naar het overzicht</a></p>`;
  }
}

window.addEventListener('hashchange', render);
render();
