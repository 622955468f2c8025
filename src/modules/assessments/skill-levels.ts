import { LANGUAGE_SKILLS, PASS_FAIL_SKILLS, Skill } from '../../common/domain/vocabulary';

export type SkillScale = 'cefr' | 'pass_fail';

export interface SkillLevelAtDate {
  skill: Skill;
  scale: SkillScale;
  intake: string | null;
  current: string | null;
  target: string | null;
  gain: number | null;
  passed: boolean | null;
  reached: boolean | null;
}

export const isPassFailSkill = (skill: string): boolean => (PASS_FAIL_SKILLS as readonly string[]).includes(skill);
export const isLanguageSkill = (skill: string): boolean => (LANGUAGE_SKILLS as readonly string[]).includes(skill);
