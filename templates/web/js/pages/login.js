// @ts-check
/* Log in; afterwards back to the page the session expired on, or the role's home page. */
import { api } from '../api.js';
import { html, mount } from '../html.js';
import { homeOf } from '../menu.js';
import { navigate } from '../navigate.js';
import { startSession } from '../session.js';
import { $app, clearFormErrors, setTitle, showFormErrors } from '../ui.js';

export function loginPage() {
  setTitle('Inloggen');
  const notice = sessionStorage.getItem('koers.notice');
  mount($app, html`<div class="login card"><h1>Inloggen bij Koers</h1>
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
    <form id="login-form" novalidate>
      <label>E-mailadres <input name="email" type="email" autocomplete="username" required data-field="email"></label>
      <label>Wachtwoord <input name="password" type="password" autocomplete="current-password" required data-field="password"></label>
      <button type="submit">Inloggen</button>
      <div class="error" id="login-error" role="alert"></div>
    </form></div>`);
  const form = /** @type {HTMLFormElement & { email: HTMLInputElement, password: HTMLInputElement }} */ (document.getElementById('login-form'));
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
    const btn = /** @type {HTMLButtonElement} */ (form.querySelector('button'));
    btn.disabled = true;
    try {
      const r = /** @type {import('../types.js').LoginResult} */ (await api('/auth/login', { method: 'POST', body: { email, password } }));
      startSession(r.accessToken, r.user);
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
