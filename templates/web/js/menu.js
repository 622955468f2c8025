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
  mount(nav, html`${NAV.filter((n) => n.roles.includes(role())).map((n) => html`<a href="${n.href}">${n.label}</a>`)}`);
  nav.querySelectorAll('a').forEach((a) => {
    const href = a.getAttribute('href');
    if (here === href || here.startsWith(`${href}/`)) {
      a.className = 'active';
      a.setAttribute('aria-current', 'page');
    }
  });
  mount(who, html`<span>${state.user.displayName || state.user.email} (${ROLE_NL[role()] || role()})</span><button id="logout" type="button">Uitloggen</button>`);
  document.getElementById('logout').onclick = logout;
}
