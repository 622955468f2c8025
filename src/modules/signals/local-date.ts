/** Today's calendar date (YYYY-MM-DD) in the report time zone (Europe/Amsterdam by default). */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
