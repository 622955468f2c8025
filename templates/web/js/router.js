// @ts-check
/* Hash routes → pages, each limited to the roles that may see it; unknown or forbidden routes go to the role's home. */
import { html, mount } from './html.js';
import { mayLeave, setLeaveGuard } from './leave-guard.js';
import { problemHtml } from './problems.js';
import { homeOf, renderChrome } from './menu.js';
import { role, state } from './session.js';
import { $app, setTitle } from './ui.js';
import { documentsPage } from './pages/documents.js';
import { groupCertificatesPage } from './pages/certificates.js';
import { groupPage } from './pages/group.js';
import { groupFormPage, groupsPage } from './pages/groups.js';
import { learnerPage } from './pages/learner.js';
import { learnersPage } from './pages/learners.js';
import { newLearnerPage, newTrajectoryPage } from './pages/learner-new.js';
import { lessonsPage } from './pages/lessons.js';
import { loginPage } from './pages/login.js';
import { mePage } from './pages/me.js';
import { queuesPage } from './pages/queues.js';
import { registerPage } from './pages/register.js';
import { signalPage } from './pages/signal.js';
import { signalsPage } from './pages/signals.js';
import { settlementRunPage, settlementRunsPage, trajectorySettlementPage } from './pages/settlement.js';
import { spilPage } from './pages/spil.js';
import { todayPage } from './pages/today.js';
import { trajectoriesPage } from './pages/trajectories.js';
import { usersPage } from './pages/users.js';
import { auditPage } from './pages/audit.js';
import { referencePage } from './pages/reference.js';
import { trajectoryPage } from './pages/trajectory.js';
import { networkOverviewPage, partnersPage, volunteersPage } from './pages/network.js';
import { duoHoursPage, importPage, importsPage, termWorklistPage } from './pages/exchange.js';

const STAFF = ['admin', 'coordinator', 'teacher', 'finance', 'municipality'];
/** @type {[RegExp, (m: RegExpMatchArray, p: URLSearchParams) => unknown, string[]][]} */
const ROUTES = [
  [/^#\/learners\/new$/, () => newLearnerPage(), ['admin', 'coordinator']],
  [/^#\/learners\/([\w-]+)\/trajectories\/new$/, (m) => newTrajectoryPage(m[1]), ['admin', 'coordinator']],
  [/^#\/learners\/([\w-]+)$/, (m) => learnerPage(m[1]), STAFF],
  [/^#\/learners$/, (m, p) => learnersPage(p), STAFF],
  [/^#\/trajectories\/([\w-]+)\/settlement$/, (m) => trajectorySettlementPage(m[1]), ['admin', 'coordinator', 'finance', 'municipality']],
  [/^#\/trajectories\/([\w-]+)$/, (m) => trajectoryPage(m[1]), STAFF],
  [/^#\/settlement-runs\/([\w-]+)$/, (m, p) => settlementRunPage(m[1], p), ['admin', 'coordinator', 'finance', 'municipality']],
  [/^#\/settlement-runs$/, (m, p) => settlementRunsPage(p), ['admin', 'coordinator', 'finance', 'municipality']],
  [/^#\/trajectories$/, (m, p) => trajectoriesPage(p), STAFF],
  [/^#\/lessons\/([\w-]+)\/register$/, (m) => registerPage(m[1]), ['admin', 'coordinator', 'teacher']],
  [/^#\/lessons$/, (m, p) => lessonsPage(p), ['admin', 'coordinator', 'teacher']],
  [/^#\/signals\/([\w-]+)$/, (m) => signalPage(m[1]), ['admin', 'coordinator', 'teacher', 'municipality']],
  [/^#\/signals$/, (m, p) => signalsPage(p), ['admin', 'coordinator', 'teacher', 'municipality']],
  [/^#\/spil$/, (m, p) => spilPage(p), ['admin', 'coordinator', 'municipality']],
  [/^#\/groups\/new$/, () => groupFormPage(), ['admin', 'coordinator']],
  [/^#\/groups\/([\w-]+)\/edit$/, (m) => groupFormPage(m[1]), ['admin', 'coordinator']],
  [/^#\/groups\/([\w-]+)$/, (m) => groupPage(m[1]), ['admin', 'coordinator', 'teacher']],
  [/^#\/groups$/, (m, p) => groupsPage(p), ['admin', 'coordinator', 'teacher']],
  [/^#\/groups\/([\w-]+)\/certificates$/, (m) => groupCertificatesPage(m[1]), ['admin', 'coordinator', 'teacher']],
  [/^#\/me$/, () => mePage(), ['learner']],
  [/^#\/today$/, () => todayPage(), ['teacher']],
  [/^#\/users$/, (m, p) => usersPage(p), ['admin']],
  [/^#\/audit$/, (m, p) => auditPage(p), ['admin']],
  [/^#\/reference$/, () => referencePage(), ['admin', 'coordinator']],
  [/^#\/documents$/, (m, p) => documentsPage(p), [...STAFF, 'learner']],
  [/^#\/queues$/, () => queuesPage(), ['admin']],
  [/^#\/network\/partners$/, (m, p) => partnersPage(p), ['admin', 'coordinator', 'teacher', 'municipality']],
  [/^#\/network\/volunteers$/, (m, p) => volunteersPage(p), ['admin', 'coordinator', 'municipality']],
  [/^#\/network$/, (m, p) => networkOverviewPage(p), ['admin', 'coordinator', 'municipality']],
  [/^#\/imports\/([\w-]+)$/, (m) => importPage(m[1]), ['admin', 'coordinator', 'municipality']],
  [/^#\/imports$/, (m, p) => importsPage(p), ['admin', 'coordinator', 'municipality']],
  [/^#\/duo-hours$/, () => duoHoursPage(), ['admin', 'coordinator', 'municipality']],
  [/^#\/term-worklist$/, (m, p) => termWorklistPage(p), ['admin', 'coordinator']],
];

// A slow page that finishes after the user has moved on must not steal focus or show its error.
let renderSeq = 0;
let shownHash = location.hash;
export async function render() {
  // Unsaved changes: stay on the page (and put its address back) unless the user agrees to leave.
  if (location.hash !== shownHash && !mayLeave()) {
    history.replaceState(null, '', shownHash);
    return;
  }
  shownHash = location.hash;
  setLeaveGuard(null);
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
  mount($app, html`<p class="loading">Laden…</p>`);
  try {
    await route[1](path.match(route[0]), params);
    if (seq === renderSeq) $app.focus({ preventScroll: true });
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e.problem?.code === 'session_expired') return;
    // A record that does not exist, or an address with a malformed id: "niet gevonden", not a form error.
    const p = e.problem || {};
    if (p.status === 404 || (p.status === 400 && (p.errors || []).length > 0 && p.errors.every((f) => f.message === 'is geen geldige verwijzing' || f.message === 'must be a UUID'))) {
      setTitle('Niet gevonden');
      mount($app, html`<h1>Niet gevonden</h1><p role="alert">Dit gegeven bestaat niet (meer), of u heeft er geen toegang toe. Controleer het adres.</p><p><a href="${homeOf(role())}">Terug naar het overzicht</a></p>`);
      return;
    }
    setTitle('Dat lukte niet');
    mount($app, html`<h1>Dat lukte niet</h1><div class="error" role="alert">${problemHtml(e)}</div><p><a href="${homeOf(role())}">Terug naar het overzicht</a></p>`);
  }
}
