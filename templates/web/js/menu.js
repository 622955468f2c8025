// @ts-check
/* The header: the menu each role sees, who is logged in, and logging out. */
import { ROLE_NL } from './labels.js';
import { html, mount } from './html.js';
import { navigate } from './navigate.js';
import { clearSession, role, state } from './session.js';

const NAV = [
  { href: '#/today', label: 'Vandaag', roles: ['teacher'] },
  { href: '#/learners', label: 'Deelnemers', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality'] },
  { href: '#/trajectories', label: 'Trajecten', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality'] },
  { href: '#/lessons', label: 'Lessen', roles: ['admin', 'coordinator', 'teacher'] },
  { href: '#/signals', label: 'Verzuimsignalen', roles: ['admin', 'coordinator', 'teacher', 'municipality'] },
  { href: '#/groups', label: 'Groepen', roles: ['admin', 'coordinator', 'teacher'] },
  { href: '#/spil', label: 'SPIL-rapportage', roles: ['admin', 'coordinator', 'municipality'] },
  { href: '#/settlement-runs', label: 'Afrekeningen', roles: ['admin', 'coordinator', 'finance', 'municipality'] },
  { href: '#/users', label: 'Gebruikers', roles: ['admin'] },
  { href: '#/audit', label: 'Audit', roles: ['admin'] },
  { href: '#/reference', label: 'Referentie', roles: ['admin', 'coordinator'] },
  { href: '#/me', label: 'Mijn traject', roles: ['learner'] },
  // The network page links to partners, volunteers, imports, the hours for DUO and the term worklist (a shorter menu).
  { href: '#/network', label: 'Netwerk', roles: ['admin', 'coordinator', 'municipality'] },
  { href: '#/network/partners', label: 'Netwerkpartners', roles: ['teacher'] },
  { href: '#/documents', label: 'Mijn documenten', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner'] },
  { href: '#/queues', label: 'Wachtrijen', roles: ['admin'] },
];

/** Where a role lands after logging in, and after a page it may not see. */
/** @param {string} r */
export const homeOf = (r) => (r === 'learner' ? '#/me' : r === 'teacher' ? '#/today' : '#/learners');

function logout() {
  clearSession();
  sessionStorage.removeItem('koers.notice');
  navigate('#/login');
}

export function renderChrome() {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!state.user) {
    nav.replaceChildren();
    who.replaceChildren();
    return;
  }
  const here = location.hash.split('?')[0];
  mount(nav, html`${NAV.filter((n) => n.roles.includes(role())).map((n) => html`<a href="${n.href}">${n.label}</a>`)}${moreMarkup}`);
  nav.querySelectorAll('a').forEach((a) => {
    const href = a.getAttribute('href');
    if (here === href || here.startsWith(`${href}/`)) {
      a.className = 'active';
      a.setAttribute('aria-current', 'page');
    }
  });
  bindMore(nav);
  fitNav();
  mount(who, html`<span class="who-name">${state.user.displayName || state.user.email} (${ROLE_NL[role()] || role()})</span><button id="logout" type="button">Uitloggen</button>`);
  document.getElementById('logout').onclick = logout;
}

/* The menu stays on one line at any width (a 1024 px tablet): the links that do not fit go, in order, under "Meer",
   a disclosure button (keyboard: Enter/Space opens, Tab walks the links, Escape closes and returns to the button). */
const moreMarkup = html`<div class="nav-more" hidden><button type="button" class="nav-more-btn" aria-expanded="false" aria-controls="nav-more-list">Meer <span aria-hidden="true">▾</span></button><div class="nav-more-list" id="nav-more-list" hidden></div></div>`;

/** @param {HTMLElement} nav */
function bindMore(nav) {
  const more = /** @type {HTMLElement} */ (nav.querySelector('.nav-more'));
  const btn = /** @type {HTMLButtonElement} */ (more.querySelector('.nav-more-btn'));
  const list = /** @type {HTMLElement} */ (more.querySelector('.nav-more-list'));
  const open = (/** @type {boolean} */ yes) => {
    list.hidden = !yes;
    btn.setAttribute('aria-expanded', String(yes));
  };
  btn.onclick = () => open(list.hidden);
  more.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !list.hidden) {
      open(false);
      btn.focus();
    }
  });
  // Focus or a click elsewhere closes it.
  more.addEventListener('focusout', (ev) => {
    if (!more.contains(/** @type {Node | null} */ (ev.relatedTarget))) open(false);
  });
  list.addEventListener('click', () => open(false));
}

/** Puts every link on the line, then moves the last ones under "Meer" until the line fits. */
export function fitNav() {
  const nav = document.getElementById('nav');
  const more = /** @type {HTMLElement | null} */ (nav?.querySelector('.nav-more'));
  if (!nav || !more) return;
  const list = /** @type {HTMLElement} */ (more.querySelector('.nav-more-list'));
  const links = [...nav.querySelectorAll('a')];
  links.forEach((a) => nav.insertBefore(a, more));
  more.hidden = true;
  const right = nav.getBoundingClientRect().right + 0.5;
  const overflows = () => {
    const last = /** @type {HTMLElement} */ (more.hidden ? links[links.length - 1] : more);
    return !!last && last.getBoundingClientRect().right > right;
  };
  if (!overflows()) return;
  more.hidden = false;
  for (let i = links.length - 1; i >= 0 && overflows(); i--) list.prepend(links[i]);
  more.querySelector('.nav-more-btn').classList.toggle('active', !!list.querySelector('a.active'));
}

let fitQueued = false;
window.addEventListener('resize', () => {
  if (fitQueued) return;
  fitQueued = true;
  requestAnimationFrame(() => {
    fitQueued = false;
    fitNav();
  });
});
document.fonts?.ready.then(() => fitNav());
