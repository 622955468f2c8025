const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A calendar day YYYY-MM-DD as "17 mei 1990" (no time zone involved: it is a day, not an instant). */
export function dutchDate(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Minutes as hours with one decimal and a Dutch comma, rounded half up on tenths: 7290 → "121,5". */
export function dutchHours(minutes: number): string {
  const tenths = Math.floor((minutes * 10 + 30) / 60);
  return `${Math.floor(tenths / 10)},${tenths % 10}`;
}
