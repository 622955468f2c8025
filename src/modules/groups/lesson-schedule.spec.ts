import { daysInRange, isoWeekday, dayNumber, lessonOccurrences, WeeklySlot } from './lesson-schedule';

const monWed: WeeklySlot[] = [
  { weekday: 3, startTime: '13:30', minutes: 120, mode: 'online' },
  { weekday: 1, startTime: '09:00', minutes: 180, mode: 'physical' },
];

describe('lessonOccurrences', () => {
  it('maps ISO weekdays (1 = Monday, 7 = Sunday)', () => {
    expect(isoWeekday(dayNumber('2025-03-03'))).toBe(1); // Monday
    expect(isoWeekday(dayNumber('2025-03-09'))).toBe(7); // Sunday
    expect(isoWeekday(dayNumber('1970-01-01'))).toBe(4);
    expect(isoWeekday(dayNumber('1969-12-28'))).toBe(7);
    const all = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '10:00', minutes: 60, mode: 'physical' }));
    const week = lessonOccurrences(all, '2025-03-03', '2025-03-09');
    expect(week.map((o) => o.date)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09']);
  });

  it('yields each slot on its weekday, ordered by date and time, with minutes and mode', () => {
    const got = lessonOccurrences(monWed, '2025-03-03', '2025-03-12');
    expect(got).toEqual([
      { date: '2025-03-03', startTime: '09:00', minutes: 180, mode: 'physical' },
      { date: '2025-03-05', startTime: '13:30', minutes: 120, mode: 'online' },
      { date: '2025-03-10', startTime: '09:00', minutes: 180, mode: 'physical' },
      { date: '2025-03-12', startTime: '13:30', minutes: 120, mode: 'online' },
    ]);
  });

  it('orders two slots on the same day by start time', () => {
    const got = lessonOccurrences(
      [
        { weekday: 2, startTime: '18:00', minutes: 90, mode: 'online' },
        { weekday: 2, startTime: '08:30', minutes: 90, mode: 'physical' },
      ],
      '2025-03-04',
      '2025-03-04',
    );
    expect(got.map((o) => o.startTime)).toEqual(['08:30', '18:00']);
  });

  it('includes both ends of the range', () => {
    expect(lessonOccurrences(monWed, '2025-03-03', '2025-03-03')).toHaveLength(1);
    expect(lessonOccurrences(monWed, '2025-03-05', '2025-03-05')).toHaveLength(1);
  });

  it('keeps dates and local times across the spring DST change (2025-03-30)', () => {
    const sunday: WeeklySlot[] = [{ weekday: 7, startTime: '02:30', minutes: 60, mode: 'physical' }];
    const got = lessonOccurrences([...monWed, ...sunday], '2025-03-24', '2025-04-06');
    expect(got.map((o) => `${o.date} ${o.startTime}`)).toEqual([
      '2025-03-24 09:00',
      '2025-03-26 13:30',
      '2025-03-30 02:30', // a wall-clock time that does not exist that night still stays the written local time
      '2025-03-31 09:00',
      '2025-04-02 13:30',
      '2025-04-06 02:30',
    ]);
  });

  it('keeps dates and local times across the autumn DST change (2025-10-26)', () => {
    const got = lessonOccurrences(monWed, '2025-10-20', '2025-11-02');
    expect(got.map((o) => `${o.date} ${o.startTime}`)).toEqual(['2025-10-20 09:00', '2025-10-22 13:30', '2025-10-27 09:00', '2025-10-29 13:30']);
  });

  it('counts a full year: 52 or 53 of each weekday', () => {
    expect(lessonOccurrences(monWed, '2025-01-01', '2025-12-31')).toHaveLength(52 + 53); // 2025: 52 Mondays, 53 Wednesdays
    expect(lessonOccurrences(monWed, '2024-02-26', '2024-03-04').map((o) => o.date)).toEqual(['2024-02-26', '2024-02-28', '2024-03-04']); // leap day in between
  });

  it('yields nothing for an empty schedule, a range without matching days, or to < from', () => {
    expect(lessonOccurrences([], '2025-01-01', '2025-12-31')).toEqual([]);
    expect(lessonOccurrences(monWed, '2025-03-04', '2025-03-04')).toEqual([]); // a Tuesday
    expect(lessonOccurrences(monWed, '2025-03-12', '2025-03-03')).toEqual([]);
    expect(daysInRange('2025-03-12', '2025-03-03')).toBe(0);
    expect(daysInRange('2025-03-03', '2025-03-03')).toBe(1);
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => lessonOccurrences(monWed, '2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(() => lessonOccurrences(monWed, '2025-3-1', '2025-03-01')).toThrow(RangeError);
  });
});
