import { validateSync } from 'class-validator';
import {
  addDays,
  addWeeks,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  isCalendarDate,
  IsCalendarDate,
  isoWeekday,
  maxDay,
  minDay,
  mondayOf,
  todayIn,
} from './calendar';
import { COLLEGE_TIME_ZONE } from '../../config/time-zones';

const AMS = COLLEGE_TIME_ZONE;

describe('isCalendarDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '1999-12-31', '2025-03-30', '2025-10-26', '0001-01-01', '9999-12-31'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  it.each([
    ['day past the end of the month', '2025-02-30'],
    ['29 February in a common year', '2025-02-29'],
    ['29 February in a century that is not a leap year', '1900-02-29'],
    ['31 April', '2025-04-31'],
    ['month 13', '2025-13-01'],
    ['month 00', '2025-00-10'],
    ['day 00', '2025-01-00'],
    ['year 0000', '0000-01-01'],
    ['a date-time', '2025-03-01T10:00:00Z'],
    ['a trailing newline', '2025-03-01\n'],
    ['no leading zeros', '2025-3-1'],
    ['another separator', '2025/03/01'],
    ['a five-digit year', '12025-03-01'],
    ['words', 'next week'],
    ['empty', ''],
  ])('refuses %s', (_why, d) => {
    expect(isCalendarDate(d)).toBe(false);
  });

  it.each([[20250301], [null], [undefined], [new Date('2025-03-01')], [['2025-03-01']]])('refuses non-strings (%p)', (v) => {
    expect(isCalendarDate(v)).toBe(false);
  });
});

describe('@IsCalendarDate', () => {
  class Dto {
    @IsCalendarDate()
    startDate: unknown;
  }
  class Custom {
    @IsCalendarDate({ message: 'pick a real day' })
    day: unknown;
  }
  class Many {
    @IsCalendarDate({ each: true })
    days: unknown;
  }
  const check = <T extends object>(cls: new () => T, values: Partial<T>) => validateSync(Object.assign(new cls(), values));

  it('passes a real day', () => {
    expect(check(Dto, { startDate: '2024-02-29' })).toEqual([]);
  });

  it.each(['2025-02-30', '2025-13-01', '2025-03-01T10:00:00Z', 20250301, null])('refuses %p with one message naming the property', (v) => {
    const errors = check(Dto, { startDate: v });
    expect(errors).toHaveLength(1);
    expect(errors[0].property).toBe('startDate');
    expect(errors[0].constraints).toEqual({ isCalendarDate: 'startDate must be a calendar date YYYY-MM-DD' });
  });

  it('takes a custom message', () => {
    expect(check(Custom, { day: '2025-02-30' })[0].constraints).toEqual({ isCalendarDate: 'pick a real day' });
  });

  it('validates each element with { each: true }', () => {
    expect(check(Many, { days: ['2025-01-01', '2025-01-02'] })).toEqual([]);
    expect(check(Many, { days: ['2025-01-01', '2025-02-30'] })).toHaveLength(1);
  });
});

describe('todayIn', () => {
  it('is the Amsterdam day, not the UTC day, just after midnight in winter (UTC+1)', () => {
    const now = new Date('2025-01-14T23:30:00Z'); // 00:30 on the 15th in Amsterdam
    expect(todayIn(AMS, now)).toBe('2025-01-15');
    expect(todayIn('UTC', now)).toBe('2025-01-14');
  });

  it('is the Amsterdam day just after midnight in summer (UTC+2)', () => {
    const now = new Date('2025-06-30T22:30:00Z'); // 00:30 on 1 July in Amsterdam
    expect(todayIn(AMS, now)).toBe('2025-07-01');
    expect(todayIn('UTC', now)).toBe('2025-06-30');
  });

  it('stays on the same day just before local midnight', () => {
    expect(todayIn(AMS, new Date('2025-01-14T22:59:59Z'))).toBe('2025-01-14'); // 23:59:59 CET
    expect(todayIn(AMS, new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30'); // 23:59:59 CEST
  });

  it('crosses the year at local midnight', () => {
    expect(todayIn(AMS, new Date('2024-12-31T23:00:00Z'))).toBe('2025-01-01');
    expect(todayIn(AMS, new Date('2024-12-31T22:59:59Z'))).toBe('2024-12-31');
    expect(todayIn('UTC', new Date('2024-12-31T23:00:00Z'))).toBe('2024-12-31');
  });

  it('follows the DST switches (last Sunday of March and of October)', () => {
    // 2025-03-30: 02:00 CET → 03:00 CEST (01:00 UTC). Midnight of the 31st is then 22:00 UTC on the 30th.
    expect(todayIn(AMS, new Date('2025-03-30T21:59:59Z'))).toBe('2025-03-30');
    expect(todayIn(AMS, new Date('2025-03-30T22:00:00Z'))).toBe('2025-03-31');
    // 2025-10-26: 03:00 CEST → 02:00 CET (01:00 UTC). Midnight of the 27th is then 23:00 UTC on the 26th.
    expect(todayIn(AMS, new Date('2025-10-26T22:59:59Z'))).toBe('2025-10-26');
    expect(todayIn(AMS, new Date('2025-10-26T23:00:00Z'))).toBe('2025-10-27');
    // Midnight at the start of the switch days is still before the switch (UTC+1 / UTC+2).
    expect(todayIn(AMS, new Date('2025-03-29T23:00:00Z'))).toBe('2025-03-30');
    expect(todayIn(AMS, new Date('2025-10-25T22:00:00Z'))).toBe('2025-10-26');
  });

  it('defaults to now and always returns a calendar date', () => {
    const today = todayIn(AMS);
    expect(isCalendarDate(today)).toBe(true);
    expect(Math.abs(daysBetween(new Date().toISOString().slice(0, 10), today))).toBeLessThanOrEqual(1);
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-10', 0)).toBe('2025-03-10');
  });

  it('is not shifted by DST: whole days over the Amsterdam switches', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
    expect(daysBetween('2025-10-01', '2025-11-01')).toBe(31);
    expect(addWeeks('2025-03-24', 1)).toBe('2025-03-31');
    expect(addWeeks('2025-10-20', 1)).toBe('2025-10-27');
  });

  it('adds weeks', () => {
    expect(addWeeks('2025-02-03', 0)).toBe('2025-02-03');
    expect(addWeeks('2025-02-03', 52)).toBe('2026-02-02');
    expect(addWeeks('2025-01-06', -1)).toBe('2024-12-30');
  });

  it('counts days between, signed', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2025-03-10', '2025-03-03')).toBe(-7);
    expect(daysBetween('2025-03-10', '2025-03-10')).toBe(0);
  });

  it('knows ISO weekdays and Mondays', () => {
    expect(isoWeekday('2025-03-03')).toBe(1);
    expect(isoWeekday('2025-03-09')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(mondayOf('2025-03-09')).toBe('2025-03-03');
    expect(mondayOf('2025-03-03')).toBe('2025-03-03');
    expect(mondayOf('2025-01-01')).toBe('2024-12-30');
  });

  it('picks the earlier and the later day', () => {
    expect(minDay('2025-03-01', '2024-12-31')).toBe('2024-12-31');
    expect(maxDay('2025-03-01', '2024-12-31')).toBe('2025-03-01');
  });

  it('round-trips day numbers and refuses non-dates', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2025-03-30') - dayNumber('2025-03-29')).toBe(1);
    for (const d of ['1969-12-28', '2024-02-29', '2025-10-26', '0050-06-15']) expect(dateOfDayNumber(dayNumber(d))).toBe(d);
    expect(() => dayNumber('2025-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2025-03-01T00:00:00Z')).toThrow(RangeError);
  });
});
