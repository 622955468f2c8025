import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's 0-4 scale; 3 is "safely unguessable: moderate protection from an offline slow-hash scenario". */
const MIN_SCORE = 3;

// Built once: ranking the dictionary is the expensive part.
const zxcvbn = new ZxcvbnFactory({ dictionary: { common: [...COMMON_PASSWORDS] } });

/** Pieces of the user's own e-mail and name long enough to matter ("jan" in "janssen" is no clue). */
function personalWords(email: string, displayName: string): string[] {
  const local = email.toLowerCase().split('@')[0] ?? '';
  const words = [local, ...local.split(/[._+-]+/), ...displayName.toLowerCase().split(/[\s.'-]+/), displayName.toLowerCase().replace(/\s+/g, '')];
  return [...new Set(words.filter((w) => w.length >= 4))];
}

/**
 * Why a new password is refused, or null: at least MIN_PASSWORD_LENGTH characters, not built on the user's e-mail
 * or name, and not a common password or an easy pattern of one (zxcvbn with a shipped list of common passwords).
 */
export function passwordProblem(password: string, user: { email: string; displayName: string }): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const personal = personalWords(user.email, user.displayName);
  if (lower.includes(user.email.toLowerCase()) || personal.some((w) => lower.includes(w))) return 'must not contain your e-mail address or name';
  const result = zxcvbn.check(password, personal);
  if (result.score < MIN_SCORE) return 'is too easy to guess (a common password or a simple pattern); use a longer phrase of unrelated words';
  return null;
}
