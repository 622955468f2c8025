// @ts-check
/* The teacher's and coordinator's work on a learner's current trajectory: progress conversations and assessments. */
import { api } from '../api.js';
import { SKILL_NL } from '../labels.js';
import { fmtDate, today } from '../format.js';
import { html, mount } from '../html.js';
import { isRole } from '../session.js';
import { fieldError, onSubmit, toast } from '../ui.js';

/** @typedef {import('../types.js').Schemas} S */
const CEFR = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const PASS_FAIL = ['knm', 'map', 'ona'];
const canWrite = () => isRole('admin', 'coordinator', 'teacher');

/** @param {HTMLElement} box @param {string} trajectoryId */
export async function progressNotes(box, trajectoryId) {
  const r = /** @type {S['ProgressNotePageDto']} */ (await api(`/trajectories/${trajectoryId}/progress-notes?pageSize=50`));
  mount(box, html`<h2>Voortgangsgesprekken</h2>
    ${r.items.length ? html`<ul class="notes">${r.items.map((n) => html`<li><strong>${fmtDate(n.date)}</strong> <span class="muted">${n.authorName || ''}</span><p>${n.summary}</p>
      ${n.agreements ? html`<p><em>Afspraken:</em> ${n.agreements}</p>` : ''}${n.followUpDate ? html`<p class="muted">Vervolg op ${fmtDate(n.followUpDate)}</p>` : ''}</li>`)}</ul>` : html`<p>Nog geen voortgangsgesprekken.</p>`}
    ${canWrite() ? html`<details><summary>Gesprek vastleggen</summary><form class="stack" id="note-form">
      <label>Datum van het gesprek <input type="date" name="date" data-field="date" value="${today()}" max="${today()}" required></label>
      <label>Samenvatting <textarea name="summary" data-field="summary" rows="3" maxlength="4000" required></textarea></label>
      <label>Afspraken <textarea name="agreements" data-field="agreements" rows="2" maxlength="4000"></textarea></label>
      <label>Vervolggesprek op <input type="date" name="followUpDate" data-field="followUpDate" min="${today()}"></label>
      <div class="error" role="alert"></div><button type="submit">Gesprek opslaan</button></form></details>` : ''}`);
  const form = /** @type {HTMLFormElement | null} */ (box.querySelector('#note-form'));
  if (form) {
    onSubmit(form, async (v) => {
      if (!v.summary) throw fieldError('summary', 'vul een samenvatting in');
      /** @type {S['CreateProgressNoteDto']} */
      const body = { date: v.date, summary: v.summary };
      if (v.agreements) body.agreements = v.agreements;
      if (v.followUpDate) body.followUpDate = v.followUpDate;
      await api(`/trajectories/${trajectoryId}/progress-notes`, { method: 'POST', body });
      toast('Voortgangsgesprek opgeslagen');
      await progressNotes(box, trajectoryId);
    });
  }
}

/** @param {HTMLElement} box @param {string} learnerId @param {string | null} trajectoryId @param {() => unknown} [changed] */
export async function assessments(box, learnerId, trajectoryId, changed) {
  const r = /** @type {S['AssessmentPageDto']} */ (await api(`/learners/${learnerId}/assessments?pageSize=50`));
  const result = (/** @type {S['AssessmentDto']} */ a) => (a.level ? a.level : a.passed == null ? '—' : a.passed ? 'behaald' : 'niet behaald');
  mount(box, html`<h2>Toetsen en examens</h2>
    ${r.items.length ? html`<div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Datum</th><th scope="col">Vaardigheid</th><th scope="col">Instrument</th><th scope="col">Uitslag</th></tr></thead><tbody>${r.items.map((a) => html`<tr><td>${fmtDate(a.date)}</td><td>${SKILL_NL[a.skill] || a.skill}</td><td>${a.instrument}${a.isExam ? html` <span class="badge">examen</span>` : ''}</td><td>${result(a)}</td></tr>`)}</tbody></table></div>` : html`<p>Nog geen toetsen vastgelegd.</p>`}
    ${canWrite() ? html`<details><summary>Toets vastleggen</summary><form class="stack" id="assessment-form">
      <label>Vaardigheid <select name="skill" data-field="skill">${Object.entries(SKILL_NL).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select></label>
      <label>Datum <input type="date" name="date" data-field="date" value="${today()}" max="${today()}" required></label>
      <label>Instrument (toets of examen) <input name="instrument" data-field="instrument" maxlength="200" required placeholder="bijv. TOA lezen"></label>
      <label class="check"><input type="checkbox" name="isExam"> Dit is een examen</label>
      <label class="level-field">Niveau <select name="level" data-field="level"><option value="">kies</option>${CEFR.map((l) => html`<option>${l}</option>`)}</select></label>
      <label class="passed-field" hidden>Uitslag <select name="passed" data-field="passed"><option value="">kies</option><option value="true">behaald</option><option value="false">niet behaald</option></select></label>
      <div class="error" role="alert"></div><button type="submit">Toets opslaan</button></form></details>` : ''}`);
  const form = /** @type {HTMLFormElement & Record<string, any> | null} */ (box.querySelector('#assessment-form'));
  if (!form) return;
  const sync = () => {
    const pf = PASS_FAIL.includes(form.skill.value);
    /** @type {HTMLElement} */ (form.querySelector('.level-field')).hidden = pf;
    /** @type {HTMLElement} */ (form.querySelector('.passed-field')).hidden = !pf;
  };
  form.skill.onchange = sync;
  sync();
  onSubmit(form, async (v) => {
    const pf = PASS_FAIL.includes(v.skill);
    if (!v.instrument) throw fieldError('instrument', 'vul in met welke toets of welk examen');
    if (!pf && !v.level) throw fieldError('level', 'kies het behaalde niveau');
    if (pf && !v.passed) throw fieldError('passed', 'kies de uitslag');
    /** @type {S['CreateAssessmentDto']} */
    const body = { skill: /** @type {any} */ (v.skill), date: v.date, instrument: v.instrument, isExam: v.isExam === 'on' };
    if (pf) body.passed = v.passed === 'true';
    else body.level = /** @type {any} */ (v.level);
    if (trajectoryId) body.trajectoryId = trajectoryId;
    await api(`/learners/${learnerId}/assessments`, { method: 'POST', body });
    toast('Toets opgeslagen');
    await assessments(box, learnerId, trajectoryId, changed);
    if (changed) await changed();
  });
}

