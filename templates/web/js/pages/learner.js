// @ts-check
/* One learner: personal data with the masked BSN ("Toon BSN" for coordinators, audited), levels, trajectories. */
import { api } from '../api.js';
import { fmtDate, fmtHours, fmtNum, fullName, link, or, pct, statusBadge } from '../format.js';
import { append, html, mount } from '../html.js';
import { municipalityNames } from '../lookups.js';
import { problemNl } from '../problems.js';
import { isRole } from '../session.js';
import { levelsTable } from '../tables.js';
import { $app, bindRowLinks, setTitle, toast } from '../ui.js';
import { certificatesPanel } from './certificates.js';
import { assessments, progressNotes } from './learner-work.js';
import { portfolioPanel } from './portfolio.js';

/** @typedef {import('../types.js').Learner} Learner */
/** @typedef {import('../types.js').Trajectory} Trajectory */

/** @param {Trajectory[]} items */
function trajectoryTable(items) {
  if (!items.length) return html`<p>Geen trajecten.</p>`;
  return html`<table><thead><tr><th scope="col">Product</th><th scope="col">Gemeente</th><th scope="col">Status</th><th scope="col">Start</th><th scope="col">Gepland einde</th><th scope="col">Einddatum</th></tr></thead><tbody>
    ${items.map((t) => html`<tr class="clickable" data-href="#/trajectories/${t.id}"><td>${link(`#/trajectories/${t.id}`, t.product?.name || 'traject')}</td><td>${or(t.municipality?.name)}</td><td>${statusBadge(t.status)}</td><td>${or(fmtDate(t.startDate))}</td><td>${or(fmtDate(t.plannedEndDate))}</td><td>${or(fmtDate(t.endDate))}</td></tr>`)}
    </tbody></table>`;
}

/** @param {string} id */
export async function learnerPage(id) {
  const l = /** @type {Learner} */ (await api(`/learners/${id}`));
  // The side panels are extras: the page still shows the learner when one of them is refused.
  const [trajectories, levels, names] = await Promise.all([
    /** @type {Promise<import('../types.js').TrajectoryPage>} */ (api(`/trajectories?learnerId=${id}&pageSize=20`).catch(() => ({ items: [] }))),
    /** @type {Promise<import('../types.js').LearnerLevels | null>} */ (api(`/learners/${id}/levels`).catch(() => null)),
    municipalityNames(),
  ]);
  const name = fullName(l);
  setTitle(name);
  const canReveal = isRole('admin', 'coordinator') && l.bsnMasked;
  const address = [l.street, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  // A field the API leaves out for this role (its field rule) is not shown at all, not shown empty.
  const has = (/** @type {keyof Learner} */ k) => k in l;
  mount($app, html`<p class="crumbs">${isRole('learner') ? '' : link('#/learners', '← Deelnemers')}</p>
    <h1>${name} <span class="badge">${l.learnerNumber}</span></h1>
    <div class="grid"><section class="card"><h2>Gegevens</h2><dl>
      <dt>Deelnemernummer</dt><dd>${l.learnerNumber}</dd>
      ${has('dateOfBirth') ? html`<dt>Geboortedatum</dt><dd>${or(fmtDate(l.dateOfBirth))}</dd>` : ''}
      ${has('bsnMasked') ? html`<dt>BSN</dt><dd><span id="bsn">${or(l.bsnMasked, 'niet bekend')}</span> ${canReveal ? html`<button class="secondary small" id="reveal" type="button">Toon BSN</button>` : ''}</dd>` : ''}
      <dt>Gemeente</dt><dd>${or(names[l.municipalityId] || l.municipality?.name)}</dd>
      ${has('countryOfOrigin') ? html`<dt>Land van herkomst</dt><dd>${or(l.countryOfOrigin)}</dd><dt>Moedertaal</dt><dd>${or(l.nativeLanguage)}</dd>` : ''}
      ${has('intakeDate') ? html`<dt>Instroomdatum</dt><dd>${or(fmtDate(l.intakeDate))}</dd>` : ''}</dl>
      ${has('email') ? html`<div id="contact"><h3>Contactgegevens</h3><dl><dt>Adres</dt><dd>${or(address)}</dd>
        <dt>E-mail</dt><dd>${or(l.email)}</dd><dt>Telefoon</dt><dd>${or(l.phone)}</dd></dl></div>` : ''}</section>
    <section class="card"><h2>Niveaus</h2>${levelsTable(levels, l.intakeLevels)}</section></div>
    <section class="card"><h2>Trajecten</h2>${trajectoryTable(trajectories.items)}
      ${isRole('admin', 'coordinator') && !trajectories.items.some((t) => ['planned', 'active', 'suspended'].includes(t.status)) ? html`<p><a class="button" href="#/learners/${id}/trajectories/new">Nieuw traject</a></p>` : ''}</section>`);
  bindRowLinks();
  await workPanels(l, trajectories.items);
  if (!isRole('finance')) {
    const card = document.createElement('section');
    card.className = 'card';
    card.id = 'certificates';
    $app.append(card);
    await certificatesPanel(card, l.id, trajectories.items).catch(() => card.remove());
  }
  const btn = /** @type {HTMLButtonElement | null} */ (document.getElementById('reveal'));
  if (btn) {
    btn.onclick = async () => {
      btn.disabled = true;
      try {
        const r = /** @type {import('../types.js').RevealedBsn} */ (await api(`/learners/${id}/bsn/reveal`, { method: 'POST' }));
        document.getElementById('bsn').textContent = r.bsn;
        btn.remove();
        toast('BSN getoond; dit is vastgelegd in de audit.');
      } catch (e) {
        btn.disabled = false;
        toast(problemNl(e).summary);
      }
    };
  }
}

/**
 * For the learner's current trajectory, the daily work of teachers and coordinators: attendance, progress
 * conversations, assessments and the portfolio (DOMAIN.md: never for the municipality or finance).
 * @param {Learner} l @param {Trajectory[]} items
 */
async function workPanels(l, items) {
  const current = items.find((t) => t.status === 'active' || t.status === 'suspended') || items.find((t) => t.status === 'planned') || items[0];
  const staff = isRole('admin', 'coordinator', 'teacher');
  if (!staff && !current) return;
  append($app, html`<div class="grid">${current ? html`<section class="card" id="att"><h2>Aanwezigheid (huidig traject)</h2><p>Laden…</p></section>` : ''}
    ${staff ? html`<section class="card" id="assessments"><h2>Toetsen en examens</h2><p>Laden…</p></section>` : ''}</div>
    ${staff && current ? html`<div class="grid"><section class="card" id="notes"><h2>Voortgangsgesprekken</h2><p>Laden…</p></section><section class="card" id="portfolio"><h2>Portfolio</h2><p>Laden…</p></section></div>` : ''}`);
  const box = (/** @type {string} */ id) => document.getElementById(id);
  const tasks = [];
  if (current) tasks.push(attendanceBox(box('att'), current.id));
  if (staff) tasks.push(assessments(box('assessments'), l.id, current?.id || null));
  if (staff && current) tasks.push(progressNotes(box('notes'), current.id), portfolioPanel(box('portfolio'), current.id));
  // One refused panel shows its own message; the others still load.
  await Promise.all(tasks.map((p) => p.catch(() => undefined)));
}

/** @param {HTMLElement} el @param {string} trajectoryId */
async function attendanceBox(el, trajectoryId) {
  const a = /** @type {import('../types.js').TrajectoryAttendance} */ (await api(`/trajectories/${trajectoryId}/attendance`));
  mount(el, html`<h2>Aanwezigheid (huidig traject)</h2>${a.registeredMinutes
    ? html`<dl><dt>Aanwezigheid</dt><dd><strong>${pct(a.attendanceRate)}</strong> van ${fmtHours(a.registeredMinutes)} lesuur</dd>
      <dt>Ongeoorloofd afwezig</dt><dd>${fmtNum(a.absentUnauthorisedHours)} uur</dd><dt>Geoorloofd afwezig</dt><dd>${fmtNum(a.absentAuthorisedHours)} uur</dd></dl>
      <p>${link(`#/trajectories/${trajectoryId}`, 'Naar het traject')}</p>`
    : html`<p>Nog geen aanwezigheid geregistreerd.</p>`}`);
}
