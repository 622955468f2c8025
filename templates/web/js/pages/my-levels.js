// @ts-check
/* "Mijn niveaus" for the learner, in plain Dutch (A2 words): what the level means, the goal, and whether it is reached. */
import { SKILL_NL, SKILL_TITLE } from '../labels.js';
import { html } from '../html.js';
import { levelsTable } from '../tables.js';

/** What a level means, in short, easy words. @type {Record<string, string>} */
export const LEVEL_WORDS = {
  A0: 'u begint nog',
  A1: 'u kent de eerste woorden en zinnen',
  A2: 'u kunt eenvoudig Nederlands',
  B1: 'u kunt zich goed redden',
  B2: 'u kunt goed Nederlands, ook op werk of school',
  C1: 'u kunt heel goed Nederlands',
  C2: 'u kunt Nederlands bijna zo goed als uw eigen taal',
};

/** A level with its words: "A2 (u kunt eenvoudig Nederlands)". @param {string | null | undefined} level */
const said = (level) => (level ? `${level} (${LEVEL_WORDS[level] || level})` : 'nog niet bekend');

/** @param {import('../types.js').LearnerLevels | null} levels */
export function myLevels(levels) {
  const skills = levels?.skills || [];
  if (!skills.length) return html`<p>Er zijn nog geen niveaus van u bekend.</p>`;
  const items = skills.map((s) => {
    const name = SKILL_TITLE[s.skill] ? `${SKILL_NL[s.skill]} (${SKILL_TITLE[s.skill]})` : SKILL_NL[s.skill] || s.skill;
    if (s.scale === 'pass_fail') {
      return html`<li><strong>${name}:</strong> ${s.passed ? html`<span class="badge good">gehaald</span>` : 'nog niet gehaald'}${s.target && !s.passed ? '. Dit moet u nog halen.' : ''}</li>`;
    }
    const goal = s.target ? html` Uw doel is ${said(String(s.target))}. ${s.reached ? html`<span class="badge good">Doel gehaald!</span>` : 'U bent er nog niet.'}` : '';
    return html`<li><strong>${name}:</strong> nu ${said(s.current || s.intake)}.${goal}</li>`;
  });
  return html`<ul class="plain my-levels">${items}</ul>
    <details><summary>Alle niveaus in een tabel</summary>${levelsTable(levels)}</details>`;
}
