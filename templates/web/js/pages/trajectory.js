/* One trajectory: plan, agreements, attendance figures and signals; with `mine`, the learner's own view ("Mijn traject"). */
import { api } from '../api.js';
import { DOMAIN_NL, DROPOUT_NL, REGIME_NL, SKILL_NL } from '../labels.js';
import { dash, esc, fmtDate, fmtHours, fmtNum, fullName, link, nl, or, pct, statusBadge } from '../format.js';
import { isRole } from '../session.js';
import { levelsTable, signalsTable } from '../tables.js';
import { $app, bindRowLinks, setTitle } from '../ui.js';
import { upcomingLessons } from './my-upcoming-lessons.js';

function domainList(obj) {
  const entries = Object.entries(obj || {}).filter(([, v]) => v != null && v !== '');
  if (!entries.length) return dash;
  return `<ul class="plain">${entries.map(([k, v]) => `<li><strong>${esc(DOMAIN_NL[k] || k)}:</strong> ${esc(v)}</li>`).join('')}</ul>`;
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

export async function trajectoryPage(id, { mine = false } = {}) {
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
