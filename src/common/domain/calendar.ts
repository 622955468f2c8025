import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Calendar days as `YYYY-MM-DD` strings (the shape of a PostgreSQL `date` column).
 *
 * Arithmetic works on the day itself in UTC, so a DST change can never shift a day;
 * only "today" depends on a time zone, and callers pass it (AppConfig.reportTimezone,
 * or COLLEGE_TIME_ZONE from src/config where that is fixed by the domain).
 */

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/**
 * Exactly `YYYY-MM-DD` and a day that exists: no time part, no zone, no 2025-02-30,
 * no 2025-13-01, no year 0000 (PostgreSQL has no year 0).
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * class-validator: a calendar day `YYYY-MM-DD` that exists (2025-02-30 and date-times are refused).
 * One message, starting with the property name (the validation factory turns it into a field error).
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? String(propertyName)} must be a calendar date YYYY-MM-DD`,
      },
    });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today (or the day of `now`) as `YYYY-MM-DD` on the wall calendar of `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, fmt);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of fmt.formatToParts(now)) parts[p.type] = p.value;
  return `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`;
}

/** `YYYY-MM-DD` → midnight UTC of that day. */
export const parseDay = (day: string): Date => new Date(`${day}T00:00:00Z`);
/** The UTC calendar day of a Date, `YYYY-MM-DD`. */
export const toDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Calendar day → days since 1970-01-01; throws RangeError when it is not a calendar date.
 */
export function dayNumber(day: string): number {
  if (!isCalendarDate(day)) throw new RangeError(`not a calendar date: ${day}`);
  return parseDay(day).getTime() / DAY_MS;
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export const dateOfDayNumber = (n: number): string => toDay(new Date(n * DAY_MS));

/** `day` + n days (n may be negative). */
export const addDays = (day: string, n: number): string => toDay(new Date(parseDay(day).getTime() + n * DAY_MS));
/** `day` + n weeks. */
export const addWeeks = (day: string, weeks: number): string => addDays(day, weeks * 7);
/** Whole days from `a` to `b` (negative when b is before a). */
export const daysBetween = (a: string, b: string): number => Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / DAY_MS);
/** ISO weekday of a day, 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => ((parseDay(day).getUTCDay() + 6) % 7) + 1;
/** The Monday on or before the day. */
export const mondayOf = (day: string): string => addDays(day, 1 - isoWeekday(day));
/** The earlier / later of two days (`YYYY-MM-DD` sorts as text). */
export const minDay = (a: string, b: string): string => (a < b ? a : b);
export const maxDay = (a: string, b: string): string => (a > b ? a : b);
