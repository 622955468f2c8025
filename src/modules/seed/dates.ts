/** Calendar-day arithmetic on YYYY-MM-DD strings (no time zones involved once "today" is known). */
const DAY_MS = 86_400_000;

/** Today as a calendar day in Europe/Amsterdam. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const toDay = (d: Date): string => d.toISOString().slice(0, 10);
export const parseDay = (s: string): Date => new Date(`${s}T00:00:00Z`);
export const addDays = (s: string, n: number): string => toDay(new Date(parseDay(s).getTime() + n * DAY_MS));
export const daysBetween = (a: string, b: string): number => Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / DAY_MS);
/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const isoWeekday = (s: string): number => ((parseDay(s).getUTCDay() + 6) % 7) + 1;
/** The Monday on or before the day. */
export const mondayOf = (s: string): string => addDays(s, 1 - isoWeekday(s));
export const minDay = (a: string, b: string): string => (a < b ? a : b);
export const maxDay = (a: string, b: string): string => (a > b ? a : b);
