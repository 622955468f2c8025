// @ts-check
/* Gebruikers (admin): list and filter, create, change role and municipality, deactivate and reactivate, reset a password. */
import { api } from '../api.js';
import { ROLE_NL } from '../labels.js';
import { fmtDateTime, or } from '../format.js';
import { html, mount } from '../html.js';
import { listPage } from '../list-page.js';
import { municipalityNames } from '../lookups.js';
import { navigate } from '../navigate.js';
import { state } from '../session.js';
import { problemNl } from '../problems.js';
import { $app, fieldError, onSubmit, toast } from '../ui.js';

/** @typedef {import('../types.js').Schemas['UserViewDto']} User */

const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

/** @param {Record<string, string>} names @param {string} [selected] */
const muniOptions = (names, selected = '') => html`<option value="">kies een gemeente</option>${Object.entries(names)
  .map(([id, n]) => html`<option value="${id}" ${id === selected ? 'selected' : ''}>${n}</option>`)}`;

/** @param {string} [selected] */
const roleOptions = (selected = '') => Object.entries(ROLE_NL).map(([k, v]) => html`<option value="${k}" ${k === selected ? 'selected' : ''}>${v}</option>`);

/**
 * The role's own field: a municipality for role municipality, a learner number for a learner login.
 * @param {Record<string, string>} names @param {string} [muni]
 */
const linkFields = (names, muni = '') => html`<label class="muni-field" hidden>Gemeente <select name="municipalityId" data-field="municipalityId">${muniOptions(names, muni)}</select></label>
  <label class="learner-field" hidden>Deelnemernummer <input name="learnerNumber" data-field="learnerId" maxlength="40" autocomplete="off"></label>`;

/** Shows the field the chosen role needs. @param {HTMLFormElement} form */
function wireRole(form) {
  // form.role is the form's ARIA role, not the field: look the select up.
  const roleSel = /** @type {HTMLSelectElement} */ (form.querySelector('select[name="role"]'));
  const show = () => {
    /** @type {HTMLElement} */ (form.querySelector('.muni-field')).hidden = roleSel.value !== 'municipality';
    /** @type {HTMLElement} */ (form.querySelector('.learner-field')).hidden = roleSel.value !== 'learner';
  };
  roleSel.onchange = show;
  show();
}

/** The learner a number belongs to (exact match), or a field error. @param {string} number */
async function learnerIdOf(number) {
  if (!number) throw fieldError('learnerId', 'vul het deelnemernummer in van de deelnemer bij deze inlog');
  const page = /** @type {import('../types.js').Page<import('../types.js').Learner>} */ (await api(`/learners?search=${encodeURIComponent(number)}&pageSize=5`));
  const hit = page.items.find((l) => l.learnerNumber.toLowerCase() === number.toLowerCase());
  if (!hit) throw fieldError('learnerId', `geen deelnemer met nummer ${number}`);
  return hit.id;
}

/** The role's link in a request body: municipalityId or learnerId. @param {Record<string, string>} v */
async function linkBody(v) {
  if (v.role === 'municipality') {
    if (!v.municipalityId) throw fieldError('municipalityId', 'kies de gemeente van deze gebruiker');
    return { municipalityId: v.municipalityId };
  }
  if (v.role === 'learner') return { learnerId: await learnerIdOf(v.learnerNumber) };
  return {};
}

/** @param {URLSearchParams} params */
export async function usersPage(params) {
  const names = await municipalityNames();
  const search = params.get('search') || '';
  const roleFilter = params.get('role') || '';
  const filters = html`<form class="inline filters" role="search"><label>Zoek op naam of e-mail <input name="search" type="search" value="${search}"></label>
    <label>Met de rol <select name="role"><option value="">alle rollen</option>${roleOptions(roleFilter)}</select></label><button type="submit">Zoeken</button>
    ${search || roleFilter ? html`<a class="reset" href="#/users">Alle gebruikers</a>` : ''}</form>`;
  /** @type {import('../list-page.js').Column<User>[]} */
  const columns = [
    { label: 'Naam', sort: 'displayName', render: (u) => u.displayName },
    { label: 'E-mailadres', sort: 'email', render: (u) => u.email },
    { label: 'Rol', sort: 'role', render: (u) => ROLE_NL[u.role] || u.role },
    { label: 'Gemeente', render: (u) => or(u.municipalityId ? names[u.municipalityId] : '') },
    { label: 'Status', render: (u) => (u.active ? html`<span class="badge good">actief</span>` : html`<span class="badge bad">gedeactiveerd</span>`) },
    { label: 'Aangemaakt', sort: 'createdAt', render: (u) => fmtDateTime(u.createdAt) },
    {
      label: 'Acties',
      // Your own role and active flag are not yours to change (the API refuses it too): no lock-out by accident.
      render: (u) => html`${u.id === state.user?.id ? html`<span class="muted">dat bent u</span>` : html`<div class="actions">
        <button type="button" class="secondary small edit-role" data-id="${u.id}" aria-label="Wijzig rol van ${u.displayName}">Wijzig rol</button>
        <button type="button" class="secondary small toggle" data-id="${u.id}" data-active="${u.active ? '1' : ''}" aria-label="${u.active ? 'Deactiveren' : 'Activeren'} ${u.displayName}">${u.active ? 'Deactiveren' : 'Activeren'}</button>
        <button type="button" class="secondary small reset-pw" data-id="${u.id}" aria-label="Wachtwoord resetten ${u.displayName}">Wachtwoord resetten</button></div>`}
        <a href="#/audit?actorId=${u.id}" aria-label="Auditlog van ${u.displayName}">Auditlog</a>`,
    },
  ];
  await listPage({
    title: 'Gebruikers', path: '/users', params, columns, filters,
    intro: html`<details class="card"><summary>Nieuwe gebruiker</summary><form class="stack" id="user-form">
      <label>Naam <input name="displayName" data-field="displayName" maxlength="200" required></label>
      <label>E-mailadres <input type="email" name="email" data-field="email" maxlength="254" required></label>
      <label>Rol <select name="role" data-field="role">${roleOptions('coordinator')}</select></label>
      ${linkFields(names)}
      <label>Wachtwoord (minstens 12 tekens) <input type="password" name="password" data-field="password" autocomplete="new-password" required></label>
      <div class="error" role="alert"></div><button type="submit">Gebruiker aanmaken</button></form></details>
      <div class="card" id="edit-box" hidden></div>`,
    empty: search || roleFilter ? 'Geen gebruikers gevonden met deze zoekopdracht.' : 'Geen gebruikers.',
    after: (data) => wire(data.items, names),
  });
}

/** @param {User[]} users @param {Record<string, string>} names */
function wire(users, names) {
  const byId = new Map(users.map((u) => [u.id, u]));
  const form = /** @type {HTMLFormElement} */ (document.getElementById('user-form'));
  wireRole(form);
  onSubmit(form, async (v) => {
    const link = await linkBody(v);
    await api('/users', { method: 'POST', body: { displayName: v.displayName, email: v.email, role: v.role, password: v.password, ...link } });
    toast('Gebruiker aangemaakt');
    navigate('#/users');
  });
  const box = document.getElementById('edit-box');
  /** @param {import('../html.js').Value} content */
  const openBox = (content) => {
    box.hidden = false;
    mount(box, html`${content}<button type="button" class="secondary small" id="edit-close">Sluiten</button>`);
    document.getElementById('edit-close').onclick = () => (box.hidden = true);
    box.scrollIntoView({ block: 'nearest' });
    /** @type {HTMLElement} */ (box.querySelector('select, input')).focus();
    return /** @type {HTMLFormElement} */ (box.querySelector('form'));
  };
  $app.querySelectorAll('button.edit-role').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = () => {
      const u = byId.get(b.dataset.id);
      const f = openBox(html`<h2>Rol van ${u.displayName}</h2><form class="stack" id="role-form">
        <label>Rol <select name="role" data-field="role">${roleOptions(u.role)}</select></label>
        ${linkFields(names, u.municipalityId || '')}
        <p class="muted">Na een andere rol of gemeente moet de gebruiker opnieuw inloggen.</p>
        <div class="error" role="alert"></div><button type="submit">Rol opslaan</button></form>`);
      wireRole(f);
      onSubmit(f, async (v) => {
        // Unchanged learner login: no new learner needed; leaving a role clears its link on the server.
        const link = v.role === 'learner' && u.role === 'learner' && !v.learnerNumber ? {} : await linkBody(v);
        await api(`/users/${u.id}`, { method: 'PATCH', body: { role: v.role, ...link } });
        toast(`Rol van ${u.displayName} gewijzigd; de gebruiker moet opnieuw inloggen.`);
        reload();
      });
    };
  });
  $app.querySelectorAll('button.toggle').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = async () => {
      b.disabled = true;
      try {
        await api(`/users/${b.dataset.id}`, { method: 'PATCH', body: { active: !b.dataset.active } });
        toast(b.dataset.active ? 'Gebruiker gedeactiveerd; inloggen en lopende sessies worden geweigerd.' : 'Gebruiker weer actief');
        reload();
      } catch (e) {
        b.disabled = false;
        const { summary, fields } = problemNl(e);
        toast([summary, ...fields.map((f) => f.message)].join(' '));
      }
    };
  });
  $app.querySelectorAll('button.reset-pw').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = () => {
      const u = byId.get(b.dataset.id);
      const f = openBox(html`<h2>Nieuw wachtwoord voor ${u.displayName}</h2><form class="stack" id="pw-form">
        <label>Nieuw wachtwoord (minstens 12 tekens) <input type="password" name="password" data-field="password" autocomplete="new-password" required></label>
        <div class="error" role="alert"></div><button type="submit">Wachtwoord instellen</button></form>`);
      onSubmit(f, async (v) => {
        await api(`/users/${u.id}`, { method: 'PATCH', body: { password: v.password } });
        box.hidden = true;
        toast('Wachtwoord ingesteld; de gebruiker moet opnieuw inloggen.');
      });
    };
  });
}
