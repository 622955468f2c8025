// @ts-check
/* Read-only tables shown on more than one page: a learner's levels and a trajectory's absence signals. */
import { RULE_NL, SKILL_NL, SKILL_TITLE } from './labels.js';
import { dash, fmtDate, fmtHours, link, or, statusBadge } from './format.js';
import { html } from './html.js';

/** The rule in words, with the figures that made it fire. @param {import('./types.js').Signal} s */
export const ruleText = (s) => {
  /** @type {Record<string, any>} */
  const d = s.details || {};
  if (s.rule === 'R1') return d.consecutiveLessons ? `R1: ${d.consecutiveLessons} lessen achter elkaar ongeoorloofd afwezig` : RULE_NL.R1;
  if (s.rule === 'R2') return d.windowDays && d.thresholdMinutes ? `R2: ${fmtHours(d.unauthorisedMinutes)} uur ongeoorloofd afwezig binnen ${d.windowDays} dagen (grens ${fmtHours(d.thresholdMinutes)} uur)` : RULE_NL.R2;
  return String(s.rule);
};

/** "over tijd" when the signal was not reported to the municipality within 5 working days. @param {import('./types.js').Signal} s */
export const overdueBadge = (s) => (s.overdue
  ? html`<span class="badge bad" title="Niet binnen 5 werkdagen aan de gemeente gemeld (uiterlijk ${fmtDate(s.reportDueOn)})">over tijd</span>` : '');

/** Days since the signal was raised, in words. @param {import('./types.js').Signal} s */
export const signalAge = (s) => (s.ageDays === 0 ? 'vandaag' : s.ageDays === 1 ? '1 dag' : `${s.ageDays} dagen`);

/** @param {import('./types.js').Signal[]} items */
export function signalsTable(items) {
  if (!items.length) return html`<p>Geen verzuimsignalen.</p>`;
  return html`<table><thead><tr><th scope="col">Regel</th><th scope="col">Datum</th><th scope="col">Status</th><th scope="col">Gemeld aan de gemeente op</th></tr></thead><tbody>${items
    .map((s) => html`<tr class="clickable" data-href="#/signals/${s.id}"><td>${link(`#/signals/${s.id}`, ruleText(s))}</td><td>${fmtDate(s.triggeredOn)}</td><td>${statusBadge(s.status)} ${overdueBadge(s)}</td><td>${or(fmtDate(s.reportedToMunicipalityOn))}</td></tr>`)}</tbody></table>`;
}

/**
 * Levels per skill; without the levels endpoint's answer, only the intake levels recorded on the learner.
 * @param {import('./types.js').LearnerLevels | null} levels
 * @param {Record<string, unknown>} [intakeLevels]
 */
export function levelsTable(levels, intakeLevels) {
  const skills = levels?.skills;
  if (!skills) {
    const entries = Object.entries(intakeLevels || {});
    if (!entries.length) return html`<p>Geen niveaugegevens.</p>`;
    return html`<table><thead><tr><th scope="col">Vaardigheid</th><th scope="col">Instroomniveau</th></tr></thead><tbody>${entries
      .map(([k, v]) => html`<tr><td>${SKILL_NL[k] || k}</td><td>${String(v)}</td></tr>`)}</tbody></table>`;
  }
  const rows = skills.map((s) => {
    const pf = s.scale === 'pass_fail';
    const current = pf ? (s.passed ? 'behaald' : 'niet behaald') : or(s.current);
    const target = pf ? (s.target ? 'behalen' : dash) : or(s.target);
    const reached = s.reached == null ? dash : s.reached ? html`<span class="badge good">ja</span>` : 'nee';
    const skill = SKILL_TITLE[s.skill] ? html`<abbr title="${SKILL_TITLE[s.skill]}">${SKILL_NL[s.skill]}</abbr>` : SKILL_NL[s.skill] || s.skill;
    return html`<tr><td>${skill}</td><td>${pf ? dash : or(s.intake)}</td><td>${current}</td><td>${target}</td><td>${reached}</td><td>${pf ? '' : levelBar(s)}</td></tr>`;
  });
  return html`<div class="table-wrap" tabindex="0"><table class="levels"><thead><tr><th scope="col">Vaardigheid</th><th scope="col">Instroomniveau</th><th scope="col">Niveau nu</th><th scope="col">Streefniveau</th><th scope="col">Bereikt</th><th scope="col"><span class="sr-only">Grafiek</span></th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

const CEFR = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
/** A small chart A0..C2: the bar is the level now, the marks the intake (|) and target (◆) levels; the table beside it says the same in words. @param {import('./types.js').SkillLevel} s */
function levelBar(s) {
  const now = CEFR.indexOf(s.current || s.intake || '');
  const intake = CEFR.indexOf(s.intake || '');
  const target = CEFR.indexOf(String(s.target || ''));
  return html`<span class="lvl" aria-hidden="true">${CEFR.map((l, i) => html`<span class="lvl-step${i <= now ? ' on' : ''}${i === intake ? ' intake' : ''}${i === target ? ' target' : ''}" title="${l}">${l}</span>`)}</span>`;
}
