import { FieldError } from '../../common/errors/domain.exception';
import { CEFR_LEVELS, LANGUAGE_SKILLS, PASS, PASS_FAIL_SKILLS } from '../../common/domain/vocabulary';

const isLanguageSkill = (k: string): boolean => (LANGUAGE_SKILLS as readonly string[]).includes(k);
const isPassFailSkill = (k: string): boolean => (PASS_FAIL_SKILLS as readonly string[]).includes(k);

/**
 * Default targets map a skill to a CEFR level (language skills) or 'pass'
 * (knm/map/ona). Errors name the key, e.g. `defaultTargets.reading`.
 */
export function validateDefaultTargets(targets: Record<string, unknown>, field = 'defaultTargets'): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(targets)) {
    const path = `${field}.${key}`;
    if (isLanguageSkill(key)) {
      if (typeof value !== 'string' || !(CEFR_LEVELS as readonly string[]).includes(value)) {
        errors.push({ field: path, message: `must be a CEFR level (${CEFR_LEVELS.join(', ')})` });
      }
    } else if (isPassFailSkill(key)) {
      if (value !== PASS) errors.push({ field: path, message: `must be '${PASS}'` });
    } else {
      errors.push({ field: path, message: `is not a skill; use one of: ${[...LANGUAGE_SKILLS, ...PASS_FAIL_SKILLS].join(', ')}` });
    }
  }
  return errors;
}
