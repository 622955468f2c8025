// @ts-check
/* One trajectory: plan, agreements, attendance figures and signals; with `mine`, the learner's own view ("Mijn traject"). */
import { api } from '../api.js';
import { DOMAIN_NL, DROPOUT_NL, REGIME_NL, SKILL_NL } from '../labels.js';
import { dash, fmtDate, fmtHours, fmtNum, fullName, link, nl, or, pct, statusBadge } from '../format.js';
import { referralsSection } from './referrals.js';
import { html, mount } from '../html.js';
import { isRole } from '../session.js';
import { signalsTable } from '../tables.js';
import { $app, bindRowLinks, setTitle } from '../ui.js';
import { myLevels } from './my-levels.js';
import { upcomingLessons } from './my-upcoming-lessons.js';
import { planEditor, trajectoryActions } from './trajectory-actions.js';
import { portfolioPanel } from './portfolio.js';

/** @param {Record<string, unknown> | null | undefined} obj */
function domainList(obj) {
  const entries = Object.entries(obj || {}).filter(([, v]) => v != null && v !== '');
  if (!entries.length) return dash;
  return html`<ul class="plain">${entries.map(([k, v]) => html`<li><strong>${DOMAIN_NL[k] || k}:</strong> ${String(v)}</li>`)}</ul>`;
}

/** @param {import('../types.js').TrajectoryAttendance | null} a */
function attendanceSummary(a) {
  const pn = a?.participationNorm;
  const bar = (/** @type {unknown} */ v, /** @type {number} */ max) => html`<progress max="${max}" value="${Math.min(Number(v) || 0, max)}"></progress>`;
  const norm = (/** @type {string} */ label, /** @type {number} */ hours, /** @type {number} */ max, /** @type {boolean} */ met) =>
    html`<p>${label}: ${bar(hours, max)} ${fmtNum(hours)} van ${fmtNum(max, 0)} uur ${met ? html`<span class="badge good">gehaald</span>` : html`<span class="badge">nog niet gehaald</span>`}</p>`;
  // Z-route: language lessons and participation at network partners (referrals' hours), each against its norm.
  const zRoute = pn ? html`<h3>Z-route-norm</h3>${norm('Taal', pn.languageHours, pn.languageNormHours, pn.languageMet)}
    ${norm('Participatie', pn.participationHours, pn.participationNormHours, pn.participationMet)}` : '';
  if (!a || !a.registeredMinutes) return html`<p>Nog geen aanwezigheid geregistreerd.</p>${zRoute}`;
  const se = a.substantialEffort;
  return html`<dl>
    <dt>Geregistreerde lesuren</dt><dd>${fmtHours(a.registeredMinutes)} uur</dd>
    <dt>Aanwezig</dt><dd>${fmtHours(a.attendedMinutes)} uur</dd>
    <dt>Aanwezigheid</dt><dd><strong>${pct(a.attendanceRate)}</strong></dd>
    <dt>Aanwezigheid zonder geoorloofd afwezig</dt><dd>${pct(a.attendanceRateExclAuthorised)}</dd>
    <dt>Geoorloofd afwezig</dt><dd>${fmtNum(a.absentAuthorisedHours)} uur</dd>
    <dt>Ongeoorloofd afwezig</dt><dd>${fmtNum(a.absentUnauthorisedHours)} uur</dd>
    <dt>Aanwezig fysiek / online</dt><dd>${fmtNum(a.attendedHoursPhysical)} / ${fmtNum(a.attendedHoursOnline)} uur</dd></dl>
    ${se ? html`<h3>Aantoonbare inspanning (${fmtNum(se.normHours, 0)} uur)</h3>
      <p>${bar(se.attendedHours, se.normHours)} ${fmtNum(se.attendedHours)} van ${fmtNum(se.normHours, 0)} uur, waarvan ${pct(se.physicalShare)} fysiek (minimaal ${pct(se.requiredPhysicalShare)}).
      ${se.met ? html`<span class="badge good">gehaald</span>` : html`<span class="badge">nog niet gehaald</span>`}</p>` : ''}
    ${zRoute}`;
}

/** @param {string} id @param {{ mine?: boolean }} [opts] */
export async function trajectoryPage(id, { mine = false } = {}) {
  const t = /** @type {import('../types.js').Trajectory} */ (await api(`/trajectories/${id}`));
  const canSignals = isRole('admin', 'coordinator', 'teacher', 'municipality');
  const [att, signals, levels] = await Promise.all([
    /** @type {Promise<import('../types.js').TrajectoryAttendance | null>} */ (api(`/trajectories/${id}/attendance`).catch(() => null)),
    /** @type {Promise<import('../types.js').SignalPage | null>} */ (canSignals ? api(`/signals?trajectoryId=${id}&pageSize=20`).catch(() => null) : null),
    /** @type {Promise<import('../types.js').LearnerLevels | null>} */ (mine ? api(`/learners/${t.learnerId}/levels`).catch(() => null) : null),
  ]);
  const learner = fullName(t.learner);
  setTitle(mine ? 'Mijn traject' : `Traject ${learner}`);
  const targets = Object.entries(t.targetLevels || {}).map(([k, v]) => `${SKILL_NL[k] || k}: ${v === 'pass' ? 'behalen' : v}`).join(', ');
  /** @type {Partial<import('../types.js').Schemas['IntegrationAgreementDto']>} */
  const ia = t.integrationAgreement || {};
  // The API leaves out what the role may not see (its field rule): finance gets no plan, a municipality its goals only.
  mount($app, html`${mine ? '' : html`<p class="crumbs">${link('#/trajectories', '← Trajecten')}</p>`}
    <h1>${mine ? 'Mijn traject' : `Traject van ${learner}`} <span class="sub">${t.product?.name || ''}</span> ${statusBadge(t.status)}</h1>
    ${mine ? '' : html`<section class="card" id="tr-actions" hidden></section>`}
    <div class="grid"><section class="card"><h2>Traject</h2><dl>
      <dt>Deelnemer</dt><dd>${mine ? learner : link(`#/learners/${t.learnerId}`, learner || 'deelnemer')} <span class="muted">${t.learner?.learnerNumber || ''}</span></dd>
      <dt>Product</dt><dd>${or(t.product?.name)}</dd>
      <dt>Gemeente</dt><dd>${or(t.municipality?.name)}</dd>
      <dt>Regime</dt><dd>${or(REGIME_NL[t.legalRegime] || t.legalRegime)}</dd>
      <dt>Status</dt><dd>${nl(t.status)}</dd>
      <dt>Startdatum</dt><dd>${or(fmtDate(t.startDate))}</dd><dt>Geplande einddatum</dt><dd>${or(fmtDate(t.plannedEndDate))}</dd>
      ${t.endDate ? html`<dt>Einddatum</dt><dd>${fmtDate(t.endDate)}</dd>` : ''}
      ${t.pipDate ? html`<dt>PIP-datum</dt><dd>${fmtDate(t.pipDate)}</dd>` : ''}
      ${t.termEndDate ? html`<dt>Inburgeringstermijn eindigt</dt><dd>${fmtDate(t.termEndDate)}</dd>` : ''}
      <dt>Gecontracteerde uren</dt><dd>${or(t.contractedHours)}</dd>
      ${t.dropoutReason ? html`<dt>Reden van uitval</dt><dd>${DROPOUT_NL[t.dropoutReason] || t.dropoutReason}${t.dropoutNote ? ` — ${t.dropoutNote}` : ''}</dd>` : ''}
      ${t.targetLevels === undefined ? '' : html`<dt>Streefniveaus</dt><dd>${targets || dash}</dd>`}</dl>
      ${!mine && ['admin', 'coordinator', 'finance', 'municipality'].some((r) => isRole(r)) ? html`<p>${link(`#/trajectories/${id}/settlement`, 'Facturering (mijlpalen en uren)')}</p>` : ''}</section>
    <section class="card" id="tr-attendance"><h2>Aanwezigheid</h2>${attendanceSummary(att)}</section></div>
    ${mine ? html`<section class="card"><h2>Mijn niveaus</h2>${myLevels(levels)}</section>` : ''}
    <div class="grid">${t.plan === undefined ? '' : html`<section class="card" id="plan"><h2>Trajectplan</h2><h3>Doelen per domein</h3>${domainList(t.plan.goals)}
      ${t.plan.agreements ? html`<h3>Afspraken</h3><p>${t.plan.agreements}</p>` : ''}</section>`}
    ${t.integrationAgreement === undefined ? '' : html`<section class="card" id="integration-agreement"><h2>Integratieafspraken</h2><h3>Wensen</h3>${domainList(ia.wishes)}<h3>Behoeften</h3>${domainList(ia.needs)}<h3>Mogelijkheden</h3>${domainList(ia.abilities)}</section>`}</div>
    ${mine ? '' : html`<section class="card" id="tr-edit" hidden></section>`}
    ${signals ? html`<section class="card"><h2>Verzuimsignalen</h2>${signalsTable(signals.items)}</section>` : ''}
    ${isRole('finance') ? '' : html`<section class="card" id="referrals"><h2>Koppelingen met het netwerk</h2><p>Laden…</p></section>`}
    ${mine ? html`<section class="card" id="upcoming"><h2>Mijn komende lessen</h2><p>Laden…</p></section><section class="card" id="my-portfolio"><h2>Mijn portfolio</h2><p>Laden…</p></section>` : ''}`);
  bindRowLinks();
  const refs = document.getElementById('referrals');
  // A change to participation hours changes the Z-route figures: the attendance card is read again.
  const attendanceCard = document.getElementById('tr-attendance');
  const refreshAttendance = async () => {
    const a = /** @type {import('../types.js').TrajectoryAttendance | null} */ (await api(`/trajectories/${id}/attendance`).catch(() => null));
    mount(attendanceCard, html`<h2>Aanwezigheid</h2>${attendanceSummary(a)}`);
  };
  if (refs) await referralsSection(refs, t, refreshAttendance).catch(() => refs.remove());
  if (mine) await Promise.all([upcomingLessons(t), portfolioPanel(document.getElementById('my-portfolio'), t.id)]);
  if (!mine && isRole('admin', 'coordinator')) {
    const reload = () => trajectoryPage(id);
    const actions = document.getElementById('tr-actions');
    const edit = document.getElementById('tr-edit');
    trajectoryActions(actions, t, reload);
    actions.hidden = !actions.childElementCount;
    await planEditor(edit, t, reload);
    edit.hidden = !edit.childElementCount;
  }
}
