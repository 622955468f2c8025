import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches } from 'class-validator';

/** A calendar day `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsDateString({ strict: true }, { message: '$property must be a valid calendar date' }),
  );

/** Today as `YYYY-MM-DD` in the given time zone (reports and "not in the future" use Europe/Amsterdam). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
