// @ts-check
/* Wachtrijen (admins): opens Bull Board. The board is a separate page the bearer token cannot reach, so the API first
   sets a 15-minute cookie for it. */
import { api } from '../api.js';
import { html, mount } from '../html.js';
import { problemHtml } from '../problems.js';
import { $app, setTitle } from '../ui.js';

export async function queuesPage() {
  setTitle('Wachtrijen');
  mount(
    $app,
    html`<h1>Wachtrijen</h1>
    <p class="muted">Bull Board toont de wachtrijen van de worker: documenten, verzuimsignalen en onderhoud, met wachtende, lopende, mislukte en afgeronde taken. Alleen voor applicatiebeheer; de toegang geldt 15 minuten in deze browser.</p>
    <p><button type="button" id="open-board">Bull Board openen</button></p><div id="board-alert"></div>`,
  );
  const btn = /** @type {HTMLButtonElement} */ ($app.querySelector('#open-board'));
  btn.onclick = async () => {
    btn.disabled = true;
    try {
      await api('/admin/queue-board/session', { method: 'POST' });
      location.assign('/admin/queues');
    } catch (e) {
      mount(/** @type {HTMLElement} */ ($app.querySelector('#board-alert')), html`<div class="error" role="alert">${problemHtml(e)}</div>`);
      btn.disabled = false;
    }
  };
}
