import { isDateString, ValidateBy, ValidateIf } from 'class-validator';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A `date` column value: exactly YYYY-MM-DD and a real day (no 2025-02-30, no time part); one message. */
export const IsCalendarDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && DATE_RE.test(value) && isDateString(value, { strict: true }),
      defaultMessage: () => 'must be a calendar date YYYY-MM-DD',
    },
  });

/** Optional, but when present it must be valid: `null` is refused (IsOptional would let it through to a NOT NULL column). */
export const IsOptionalNotNull = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/** Today's calendar date in Europe/Amsterdam. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `date` + n weeks, as YYYY-MM-DD (calendar arithmetic in UTC, so no DST shifts). */
export function addWeeks(date: string, weeks: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
}
