import { CEFR_LEVELS, PASS, SKILLS } from '../../common/domain/vocabulary';
import { isPassFailSkill, SkillLevelAtDate } from './skill-levels';

/**
 * Test oracle only: the TypeScript twin of src/modules/assessments/sql/koers_skill_results_at.sql, read through
 * koers_level_index_at.sql and koers_passed_at.sql (used through AssessmentLevelRepository).
 * test/sql-rule-twins.e2e-spec.ts compares the two on random histories. DOMAIN.md: a learner's level in a skill at a date is the highest level reached on or before that date,
 * or the intake level if none; a failed assessment never raises a level. An assessment below the intake level is the
 * level from then on (the intake only stands in while nothing has been assessed), so a gain can be negative.
 */
export interface AssessmentFact {
  skill: string;
  date: string;
  level: string | null;
  passed: boolean | null;
}

const levelIndex = (level: string | null | undefined): number | null => {
  const i = (CEFR_LEVELS as readonly string[]).indexOf(level ?? '');
  return i < 0 ? null : i;
};


/** Index 0..6 of the level at `date`, or null when there is neither an intake level nor a passed assessment. */
export function levelIndexAtDate(intake: string | null | undefined, facts: AssessmentFact[], skill: string, date: string): number | null {
  let best: number | null = null;
  for (const a of facts) {
    if (a.skill !== skill || a.date > date || a.passed === false) continue;
    const i = levelIndex(a.level);
    if (i !== null && (best === null || i > best)) best = i;
  }
  return best ?? levelIndex(intake);
}

/** A pass/fail skill counts as passed once any assessment on or before `date` passed. */
export function passedAtDate(facts: AssessmentFact[], skill: string, date: string): boolean {
  return facts.some((a) => a.skill === skill && a.date <= date && a.level === null && a.passed === true);
}

/** Every skill's intake, level at `date`, target, gain and whether the target is reached. */
export function levelsAtDate(
  input: { intakeLevels: Record<string, string>; targetLevels: Record<string, string>; facts: AssessmentFact[] },
  date: string,
): SkillLevelAtDate[] {
  return SKILLS.map((skill): SkillLevelAtDate => {
    const target = input.targetLevels[skill] ?? null;
    if (isPassFailSkill(skill)) {
      const passed = passedAtDate(input.facts, skill, date);
      return { skill, scale: 'pass_fail', intake: null, current: null, target, gain: null, passed, reached: target === PASS ? passed : null };
    }
    const intakeIdx = levelIndex(input.intakeLevels[skill]);
    const currentIdx = levelIndexAtDate(input.intakeLevels[skill], input.facts, skill, date);
    const targetIdx = levelIndex(target);
    return {
      skill,
      scale: 'cefr',
      intake: intakeIdx === null ? null : CEFR_LEVELS[intakeIdx],
      current: currentIdx === null ? null : CEFR_LEVELS[currentIdx],
      target: targetIdx === null ? null : CEFR_LEVELS[targetIdx],
      gain: intakeIdx === null || currentIdx === null ? null : currentIdx - intakeIdx,
      passed: null,
      reached: targetIdx === null ? null : currentIdx !== null && currentIdx >= targetIdx,
    };
  });
}
