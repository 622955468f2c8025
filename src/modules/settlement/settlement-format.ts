/** Dutch words and amounts for lines on screen, in sheets, CSV and e-invoices. Money is integer cents throughout. */

export const MILESTONE_NL: Record<string, string> = {
  start: 'start',
  halfway: 'halverwege',
  completion: 'afronding',
  exam_bonus: 'examenbonus',
  dropout: 'uitval (pro rata)',
  hours: 'uren',
  correction: 'correctie',
};

export const BASIS_NL: Record<string, string> = { per_trajectory: 'per traject', per_attended_hour: 'per gevolgd uur' };

/** 123456 → "1.234,56" (no currency sign); negative with a minus. */
export function euroText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "1234.56" (UBL and other machine formats). */
export function euroDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Minutes as hours with two decimals, Dutch: 90 → "1,50". */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const rest = Math.round(((minutes % 60) / 60) * 100);
  return `${h},${String(rest).padStart(2, '0')}`;
}

/** 2025-03-31 → 31-03-2025. */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

export interface BasisInput {
  kind: string;
  eventKey: string;
  percent: number | null;
  minutes: number | null;
  priceCents: number;
  hourlyRateCents: number;
  contractedHours: number;
  corrects?: { invoiceNumber: string | null; lineNo: number } | null;
}

/** How a line's amount follows from the contract. */
export function basisText(l: BasisInput): string {
  switch (l.kind) {
    case 'start':
    case 'halfway':
      return `${l.percent ?? 0}% van € ${euroText(l.priceCents)}`;
    case 'completion':
      return `€ ${euroText(l.priceCents)} min eerdere mijlpalen`;
    case 'dropout':
      return `pro rata ${hoursText(l.minutes ?? 0)} van ${l.contractedHours} uur × € ${euroText(l.priceCents)}, min eerdere mijlpalen`;
    case 'exam_bonus':
      return 'vast bedrag eerste behaalde examen';
    case 'hours':
      return `${hoursText(l.minutes ?? 0)} uur × € ${euroText(l.hourlyRateCents)} (${l.eventKey.slice(6)})`;
    case 'correction': {
      const what = MILESTONE_NL[l.eventKey.startsWith('hours:') ? 'hours' : l.eventKey] ?? l.eventKey;
      const where = l.corrects ? ` op factuur ${l.corrects.invoiceNumber ?? '?'} regel ${l.corrects.lineNo}` : '';
      return `correctie ${what}${l.eventKey.startsWith('hours:') ? ` ${l.eventKey.slice(6)}` : ''}${where}`;
    }
    default:
      return l.kind;
  }
}
