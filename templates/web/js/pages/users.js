// @ts-check
/* Gebruikers (admin): list, create, deactivate and reactivate, reset a password. */
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

/** @param {URLSearchParams} params */
export async function usersPage(params) {
  const names = await municipalityNames();
  /** @type {import('../list-page.js').Column<User>[]} */
  const columns = [
    { label: 'Naam', render: (u) => u.displayName },
    { label: 'E-mailadres', render: (u) => u.email },
    { label: 'Rol', render: (u) => ROLE_NL[u.role] || u.role },
    { label: 'Gemeente', render: (u) => or(u.municipalityId ? names[u.municipalityId] : '') },
    { label: 'Status', render: (u) => (u.active ? html`<span class="badge good">actief</span>` : html`<span class="badge bad">gedeactiveerd</span>`) },
    { label: 'Aangemaakt', render: (u) => fmtDateTime(u.createdAt) },
    {
      label: 'Acties',
      render: (u) => (u.id === state.user?.id ? html`<span class="muted">dat bent u</span>` : html`<button type="button" class="secondary small toggle" data-id="${u.id}" data-active="${u.active ? '1' : ''}" aria-label="${u.active ? 'Deactiveren' : 'Activeren'} ${u.displayName}">${u.active ? 'Deactiveren' : 'Activeren'}</button>
        <button type="button" class="secondary small reset-pw" data-id="${u.id}" data-name="${u.displayName}" aria-label="Wachtwoord resetten ${u.displayName}">Wachtwoord resetten</button>`),
    },
  ];
  await listPage({
    title: 'Gebruikers', path: '/users', params, columns,
    intro: html`<details class="card"><summary>Nieuwe gebruiker</summary><form class="stack" id="user-form">
      <label>Naam <input name="displayName" data-field="displayName" maxlength="200" required></label>
      <label>E-mailadres <input type="email" name="email" data-field="email" maxlength="254" required></label>
      <label>Rol <select name="role" data-field="role">${Object.entries(ROLE_NL).filter(([k]) => k !== 'learner').map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select></label>
      <label class="muni-field" hidden>Gemeente <select name="municipalityId" data-field="municipalityId"><option value="">kies een gemeente</option>${Object.entries(names).map(([id, n]) => html`<option value="${id}">${n}</option>`)}</select></label>
      <label>Wachtwoord (minstens 12 tekens) <input type="password" name="password" data-field="password" autocomplete="new-password" required></label>
      <div class="error" role="alert"></div><button type="submit">Gebruiker aanmaken</button></form></details>
      <div class="card" id="pw-box" hidden></div>`,
    empty: 'Geen gebruikers.',
    after: () => wire(),
  });
}

function wire() {
  const form = /** @type {HTMLFormElement & Record<string, any>} */ (document.getElementById('user-form'));
  const muni = /** @type {HTMLElement} */ (form.querySelector('.muni-field'));
  // form.role is the form's ARIA role, not the field: look the select up.
  const roleSel = /** @type {HTMLSelectElement} */ (form.querySelector('select[name="role"]'));
  roleSel.onchange = () => (muni.hidden = roleSel.value !== 'municipality');
  onSubmit(form, async (v) => {
    if (v.role === 'municipality' && !v.municipalityId) throw fieldError('municipalityId', 'kies de gemeente van deze gebruiker');
    await api('/users', { method: 'POST', body: { displayName: v.displayName, email: v.email, role: v.role, password: v.password, ...(v.role === 'municipality' ? { municipalityId: v.municipalityId } : {}) } });
    toast('Gebruiker aangemaakt');
    navigate('#/users');
  });
  $app.querySelectorAll('button.toggle').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = async () => {
      b.disabled = true;
      try {
        await api(`/users/${b.dataset.id}`, { method: 'PATCH', body: { active: !b.dataset.active } });
        toast(b.dataset.active ? 'Gebruiker gedeactiveerd; inloggen en lopende sessies worden geweigerd.' : 'Gebruiker weer actief');
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (e) {
        b.disabled = false;
        toast(problemNl(e).summary);
      }
    };
  });
  $app.querySelectorAll('button.reset-pw').forEach((/** @type {HTMLButtonElement} */ b) => {
    b.onclick = () => {
      const box = document.getElementById('pw-box');
      box.hidden = false;
      mount(box, html`<h2>Nieuw wachtwoord voor ${b.dataset.name}</h2><form class="stack" id="pw-form">
        <label>Nieuw wachtwoord (minstens 12 tekens) <input type="password" name="password" data-field="password" autocomplete="new-password" required></label>
        <div class="error" role="alert"></div><button type="submit">Wachtwoord instellen</button></form>`);
      const f = /** @type {HTMLFormElement} */ (document.getElementById('pw-form'));
      /** @type {HTMLInputElement} */ (f.querySelector('input')).focus();
      onSubmit(f, async (v) => {
        await api(`/users/${b.dataset.id}`, { method: 'PATCH', body: { password: v.password } });
        box.hidden = true;
        toast('Wachtwoord ingesteld; de gebruiker moet opnieuw inloggen.');
      });
    };
  });
}
