import { dateOfDayNumber, dayNumber } from '../../common/domain/calendar';
import { LessonMode } from '../../common/domain/vocabulary';

/** One weekly slot: ISO weekday (1 = Monday … 7 = Sunday), local start time HH:MM. */
export interface WeeklySlot {
  weekday: number;
  startTime: string;
  minutes: number;
  mode: LessonMode | string;
}

export interface LessonOccurrence {
  date: string;
  startTime: string;
  minutes: number;
  mode: string;
}

/*
 * Day numbers (days since the epoch) work on the date itself (UTC arithmetic), so a DST
 * change in the college's time zone can never shift a lesson to another day or hour: start times
 * are local wall-clock times and stay as written.
 */
export { dateOfDayNumber, dayNumber };

/** ISO weekday of a day number (1970-01-01 was a Thursday = 4). */
export const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** Days in [from, to] inclusive; 0 when to < from. */
export const daysInRange = (from: string, to: string): number => Math.max(0, dayNumber(to) - dayNumber(from) + 1);

/**
 * The lessons a weekly schedule yields in [from, to] (inclusive, local calendar dates),
 * ordered by date and start time. An empty schedule or to < from yields none.
 */
export function lessonOccurrences(slots: readonly WeeklySlot[], from: string, to: string): LessonOccurrence[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const out: LessonOccurrence[] = [];
  if (last < first || !slots.length) return out;
  const sorted = [...slots].sort((a, b) => a.startTime.localeCompare(b.startTime));
  for (let day = first; day <= last; day++) {
    const weekday = isoWeekday(day);
    for (const s of sorted) {
      if (s.weekday !== weekday) continue;
      out.push({ date: dateOfDayNumber(day), startTime: s.startTime.slice(0, 5), minutes: s.minutes, mode: s.mode });
    }
  }
  return out;
}
