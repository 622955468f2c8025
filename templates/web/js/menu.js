/* The header: the menu each role sees, who is logged in, and logging out. */
import { ROLE_NL } from './labels.js';
import { esc } from './format.js';
import { navigate } from './navigate.js';
import { clearSession, role, state } from './session.js';

const NAV = [
  { href: '#/learners', label: 'Deelnemers', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality'] },
  { href: '#/trajectories', label: 'Trajecten', roles: ['admin', 'coordinator', 'teacher', 'finance', 'municipality'] },
  { href: '#/lessons', label: 'Lessen en presentielijsten', roles: ['admin', 'coordinator', 'teacher'] },
  { href: '#/signals', label: 'Verzuimsignalen', roles: ['admin', 'coordinator', 'teacher', 'municipality'] },
  { href: '#/me', label: 'Mijn traject', roles: ['learner'] },
];

/** Where a role lands after logging in, and after a page it may not see. */
export const homeOf = (r) => (r === 'learner' ? '#/me' : '#/learners');

function logout() {
  clearSession();
  sessionStorage.removeItem('koers.notice');
  navigate('#/login');
}

export function renderChrome() {
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
