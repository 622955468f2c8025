/* Read-only tables shown on more than one page: a learner's levels and a trajectory's absence signals. */
import { SKILL_NL, SKILL_TITLE } from './labels.js';
import { dash, esc, fmtDate, fmtHours, link, or, statusBadge } from './format.js';

/** The rule in words, with the figures that made it fire. */
export const ruleText = (s) => {
  const d = s.details || {};
  if (s.rule === 'R1') return `R1: ${d.consecutiveLessons || 3} lessen achter elkaar ongeoorloofd afwezig`;
  if (s.rule === 'R2') return `R2: ${fmtHours(d.unauthorisedMinutes)} uur ongeoorloofd afwezig binnen ${d.windowDays || 28} dagen (grens ${fmtHours(d.thresholdMinutes || 960)} uur)`;
  return esc(s.rule);
};

export function signalsTable(items) {
  if (!items.length) return '<p>Geen verzuimsignalen.</p>';
  return `<table><thead><tr><th scope="col">Regel</th><th scope="col">Datum</th><th scope="col">Status</th><th scope="col">Gemeld aan de gemeente op</th></tr></thead><tbody>${items
    .map((s) => `<tr class="clickable" data-href="#/signals/${s.id}"><td>${link(`#/signals/${s.id}`, ruleText(s))}</td><td>${fmtDate(s.triggeredOn)}</td><td>${statusBadge(s.status)}</td><td>${or(fmtDate(s.reportedToMunicipalityOn))}</td></tr>`).join('')}</tbody></table>`;
}

/** Levels per skill; without the levels endpoint's answer, only the intake levels recorded on the learner. */
export function levelsTable(levels, intakeLevels) {
  const skills = levels?.skills;
  if (!skills) {
    const entries = Object.entries(intakeLevels || {});
    if (!entries.length) return '<p>Geen niveaugegevens.</p>';
    return `<table><thead><tr><th scope="col">Vaardigheid</th><th scope="col">Instroomniveau</th></tr></thead><tbody>${entries
      .map(([k, v]) => `<tr><td>${esc(SKILL_NL[k] || k)}</td><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
  }
  const rows = skills
    .map((s) => {
      const pf = s.scale === 'pass_fail';
      const current = pf ? (s.passed ? 'behaald' : 'niet behaald') : or(s.current);
      const target = pf ? (s.target ? 'behalen' : dash) : or(s.target);
      const reached = s.reached == null ? dash : s.reached ? '<span class="badge good">ja</span>' : 'nee';
      const skill = SKILL_TITLE[s.skill] ? `<abbr title="${SKILL_TITLE[s.skill]}">${SKILL_NL[s.skill]}</abbr>` : esc(SKILL_NL[s.skill] || s.skill);
      return `<tr><td>${skill}</td><td>${pf ? dash : or(s.intake)}</td><td>${current}</td><td>${target}</td><td>${reached}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th scope="col">Vaardigheid</th><th scope="col">Instroomniveau</th><th scope="col">Niveau nu</th><th scope="col">Streefniveau</th><th scope="col">Bereikt</th></tr></thead><tbody>${rows}</tbody></table>`;
}
