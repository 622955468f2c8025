import { isCalendarDate } from '../../../common/domain/calendar';
import { isValidBsn } from '../../learners/bsn/bsn';

/** Header as compared: lower case, single spaces. */
export const normaliseHeader = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** DD-MM-YYYY (also D-M-YYYY, with / or .) or YYYY-MM-DD → YYYY-MM-DD; null when it is no calendar day. */
export function parseDutchDate(raw: string): string | null {
  const s = raw.trim();
  let y: string, m: string, d: string;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [, y, m, d] = match;
  else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (!match) return null;
    [, d, m, y] = match;
  }
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * A BSN as a spreadsheet gives it: digits, maybe with spaces or dots; Excel drops a leading zero of a number, so
 * 8 digits get it back. Returns the 9 digits or a Dutch reason.
 */
export function parseBsn(raw: string): { bsn: string } | { error: string } {
  const digits = raw.replace(/[\s.]/g, '');
  if (!digits) return { error: 'BSN ontbreekt' };
  if (!/^\d+$/.test(digits)) return { error: 'BSN mag alleen cijfers bevatten' };
  const bsn = digits.length === 8 ? `0${digits}` : digits;
  if (bsn.length !== 9) return { error: 'BSN moet 9 cijfers hebben' };
  if (!isValidBsn(bsn)) return { error: 'BSN voldoet niet aan de elfproef' };
  return { bsn };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (s: string): boolean => EMAIL.test(s) && s.length <= 254;

/** Control characters have no place in a name (and PostgreSQL refuses NUL). */
export const hasControlChars = (s: string): boolean => /[\u0000-\u001F\u007F]/.test(s);
