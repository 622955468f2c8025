import { dutchDate, dutchHours } from './pdf/dutch-format';
import { VerificationRow } from './certificate.repository';
import { COLLEGE_TIME_ZONE } from '../../config/time-zones';

/** What the public verification shows: validity, kind, dates, levels or hours, and the holder as initials + surname. */
export interface VerificationView {
  status: 'valid' | 'revoked';
  revokedOn: string | null;
  number: string;
  kind: string;
  issueDate: string;
  periodFrom: string | null;
  periodTo: string | null;
  holder: string;
  product: string;
  levels?: Array<{ skill: string; level: string | null; passed: boolean | null }>;
  hours?: { physical: number; online: number; total: number };
  endDate?: string;
}

const KIND_NL: Record<string, string> = { level: 'Certificaat taalniveau', participation: 'Bewijs van deelname', completion: 'Certificaat inburgeringstraject afgerond' };
const SKILL_NL: Record<string, string> = {
  reading: 'Lezen', listening: 'Luisteren', writing: 'Schrijven', speaking: 'Spreken',
  knm: 'Kennis van de Nederlandse Maatschappij (KNM)', map: 'Module Arbeidsmarkt en Participatie (MAP)', ona: 'Oriëntatie op de Nederlandse Arbeidsmarkt (ONA)',
};

/** "Şahin Ali Çelik" → "Ş.A. Çelik": initials of every given name, the surname in full; nothing else of the person. */
export function initialsAndSurname(firstName: string, lastName: string): string {
  const initials = firstName
    .normalize('NFC')
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((part) => `${Array.from(part)[0].toLocaleUpperCase('nl-NL')}.`)
    .join('');
  return [initials, lastName.normalize('NFC')].filter(Boolean).join(' ');
}

/** The date of an instant on the college's (Amsterdam) calendar. */
const amsterdamDay = (t: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: COLLEGE_TIME_ZONE }).format(t);

export function verificationView(row: VerificationRow): VerificationView {
  const h = row.facts.hours;
  return {
    status: row.revokedAt ? 'revoked' : 'valid',
    revokedOn: row.revokedAt ? amsterdamDay(new Date(row.revokedAt)) : null,
    number: row.number,
    kind: row.kind,
    issueDate: row.issueDate,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    holder: initialsAndSurname(row.firstName, row.lastName),
    product: row.facts.product.name,
    ...(row.facts.levels ? { levels: row.facts.levels } : {}),
    ...(h ? { hours: { physical: h.physicalMinutes / 60, online: h.onlineMinutes / 60, total: (h.physicalMinutes + h.onlineMinutes) / 60 } } : {}),
    ...(row.facts.endDate ? { endDate: row.facts.endDate } : {}),
  };
}

const esc = (v: unknown): string =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${esc(title)} — Koers</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/style.css">
</head>
<body>
  <header><span class="brand">Koers</span><span>Echtheidscontrole certificaten</span></header>
  <main id="app">
${body}
  </main>
</body>
</html>
`;
}

/** The HTML answer for a found certificate (every value escaped; no scripts). */
export function verificationHtml(v: VerificationView): string {
  const status =
    v.status === 'valid'
      ? '<p class="notice"><span class="badge good">Geldig</span> Dit certificaat is echt en geldig.</p>'
      : `<p class="notice warn"><span class="badge bad">Ingetrokken</span> Dit certificaat is ingetrokken op ${esc(dutchDate(v.revokedOn as string))} en is niet meer geldig.</p>`;
  const rows: Array<[string, string]> = [
    ['Soort', KIND_NL[v.kind] ?? v.kind],
    ['Certificaatnummer', v.number],
    ['Houder', v.holder],
    ['Traject', v.product],
    ['Datum van uitgifte', dutchDate(v.issueDate)],
  ];
  if (v.periodFrom && v.periodTo) rows.push(['Periode', `${dutchDate(v.periodFrom)} tot en met ${dutchDate(v.periodTo)}`]);
  if (v.endDate) rows.push(['Afgerond op', dutchDate(v.endDate)]);
  let facts = '';
  if (v.levels?.length) {
    facts = `<h2>Behaalde niveaus</h2>
    <div class="table-wrap"><table><thead><tr><th scope="col">Onderdeel</th><th scope="col">Niveau</th></tr></thead><tbody>
${v.levels.map((l) => `      <tr><th scope="row">${esc(SKILL_NL[l.skill] ?? l.skill)}</th><td>${esc(l.level ?? 'behaald')}</td></tr>`).join('\n')}
    </tbody></table></div>`;
  }
  if (v.hours) {
    const hrs = (x: number) => `${dutchHours(Math.round(x * 60))} uur`;
    facts = `<h2>Gevolgde lesuren</h2>
    <dl><dt>Lessen op locatie</dt><dd>${esc(hrs(v.hours.physical))}</dd><dt>Online lessen</dt><dd>${esc(hrs(v.hours.online))}</dd><dt>Totaal</dt><dd>${esc(hrs(v.hours.total))}</dd></dl>`;
  }
  return page(
    `Certificaat ${v.number}`,
    `    <h1>Echtheidscontrole</h1>
    ${status}
    <div class="card">
    <dl>
${rows.map(([k, val]) => `      <dt>${esc(k)}</dt><dd>${esc(val)}</dd>`).join('\n')}
    </dl>
    </div>
    ${facts ? `<div class="card">${facts}</div>` : ''}
    <p class="muted">Van de houder tonen we alleen de voorletters en de achternaam. Vergelijk ze met het certificaat en een identiteitsbewijs.</p>`,
  );
}

/** The same answer for every unknown or malformed code: nothing tells which codes exist. */
export function notFoundHtml(): string {
  return page(
    'Niet gevonden',
    `    <h1>Niet gevonden</h1>
    <p class="notice warn">Er is geen certificaat met deze code gevonden. Controleer de code op het certificaat, of scan de QR-code opnieuw.</p>`,
  );
}

export function tooManyHtml(): string {
  return page('Te veel controles', `    <h1>Even geduld</h1>\n    <p class="notice warn">Er zijn te veel controles vanaf dit adres gedaan. Probeer het over een minuut opnieuw.</p>`);
}
