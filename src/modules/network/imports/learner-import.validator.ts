import { hasControlChars, isEmail, normaliseHeader, parseBsn, parseDutchDate } from './import-values';
import { ImportFileException } from './import-file.exception';
import { Table } from './spreadsheet-reader';

/** The columns of a municipality's list (README "Import of new learners"); header names are case-insensitive. */
export const LEARNER_IMPORT_COLUMNS = [
  { name: 'bsn', required: true },
  { name: 'voornamen', required: true },
  { name: 'achternaam', required: true },
  { name: 'geboortedatum', required: true },
  { name: 'e-mail', required: false },
  { name: 'telefoon', required: false },
  { name: 'leerroute', required: true },
  { name: 'pip-datum', required: false },
  { name: 'regime', required: true },
] as const;
type Column = (typeof LEARNER_IMPORT_COLUMNS)[number]['name'];

const ALIASES: Record<string, Column> = { email: 'e-mail', 'e-mailadres': 'e-mail', pipdatum: 'pip-datum', 'pip datum': 'pip-datum' };

/** leerroute → product code (the standard products). */
export const ROUTES: Record<string, string> = { 'b1-route': 'B1-ROUTE', onderwijsroute: 'ONDERWIJSROUTE', 'z-route': 'Z-ROUTE' };
export const REGIMES: Record<string, 'wi2021' | 'wi2013'> = { wi2021: 'wi2021', wi2013: 'wi2013' };

export interface LearnerImportValue {
  bsn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string | null;
  phone: string | null;
  productCode: string;
  pipDate: string | null;
  legalRegime: 'wi2021' | 'wi2013';
}

export interface RowProblem {
  field: string;
  reason: string;
}

export interface ValidatedRow {
  line: number;
  value: LearnerImportValue | null;
  problems: RowProblem[];
}

/** Maps header names to their column index; a missing required column refuses the file, naming every one missing. */
export function mapColumns(headers: string[]): Map<Column, number> {
  const map = new Map<Column, number>();
  const duplicates: string[] = [];
  headers.forEach((h, i) => {
    const n = normaliseHeader(h);
    const col = (LEARNER_IMPORT_COLUMNS.find((c) => c.name === n)?.name ?? ALIASES[n]) as Column | undefined;
    if (!col) return;
    if (map.has(col)) duplicates.push(col);
    else map.set(col, i);
  });
  const missing = LEARNER_IMPORT_COLUMNS.filter((c) => c.required && !map.has(c.name)).map((c) => c.name);
  if (missing.length) {
    throw new ImportFileException(
      'missing_columns',
      `${missing.length === 1 ? 'Kolom ontbreekt' : 'Kolommen ontbreken'}: ${missing.join(', ')}. Verwachte kolommen: ${LEARNER_IMPORT_COLUMNS.map((c) => c.name).join(', ')}.`,
    );
  }
  if (duplicates.length) throw new ImportFileException('duplicate_columns', `Kolom komt dubbel voor: ${duplicates.join(', ')}.`);
  return map;
}

/**
 * Checks every row of a learner list on its own (the database look-ups, known BSNs, come after). `today` bounds the
 * date of birth. A BSN that occurs twice in the file refuses the later rows.
 */
export function validateLearnerRows(table: Table, today: string): ValidatedRow[] {
  const cols = mapColumns(table.headers);
  const seen = new Map<string, number>();
  const out: ValidatedRow[] = [];
  for (const row of table.rows) {
    const cell = (c: Column) => {
      const i = cols.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    if (LEARNER_IMPORT_COLUMNS.every((c) => cell(c.name) === '')) continue;
    const problems: RowProblem[] = [];
    const bad = (field: string, reason: string) => problems.push({ field, reason });

    const b = parseBsn(cell('bsn'));
    const bsn = 'bsn' in b ? b.bsn : null;
    if ('error' in b) bad('bsn', b.error);

    const name = (c: Column, label: string) => {
      const v = cell(c);
      if (!v) bad(c, `${label} ontbreekt`);
      else if (v.length > 100) bad(c, `${label} is langer dan 100 tekens`);
      else if (hasControlChars(v)) bad(c, `${label} bevat ongeldige tekens`);
      return v;
    };
    const firstName = name('voornamen', 'Voornamen');
    const lastName = name('achternaam', 'Achternaam');

    const dobRaw = cell('geboortedatum');
    const dateOfBirth = dobRaw ? parseDutchDate(dobRaw) : null;
    if (!dobRaw) bad('geboortedatum', 'Geboortedatum ontbreekt');
    else if (!dateOfBirth) bad('geboortedatum', `Geen geldige datum: "${dobRaw}" (gebruik DD-MM-JJJJ of JJJJ-MM-DD)`);
    else if (dateOfBirth > today) bad('geboortedatum', 'Geboortedatum ligt in de toekomst');
    else if (dateOfBirth < '1900-01-01') bad('geboortedatum', 'Geboortedatum ligt voor 1900');

    const email = cell('e-mail') || null;
    if (email && !isEmail(email)) bad('e-mail', `Geen geldig e-mailadres: "${email}"`);
    const phone = cell('telefoon') || null;
    if (phone && (phone.length > 30 || !/^[+\d][\d\s()-]*$/.test(phone))) bad('telefoon', `Geen geldig telefoonnummer: "${phone}"`);

    const routeRaw = cell('leerroute');
    const productCode = ROUTES[routeRaw.toLowerCase().replace(/\s+/g, '')] ?? null;
    if (!routeRaw) bad('leerroute', 'Leerroute ontbreekt');
    else if (!productCode) bad('leerroute', `Onbekende leerroute "${routeRaw}" (B1-route, Onderwijsroute of Z-route)`);

    const pipRaw = cell('pip-datum');
    const pipDate = pipRaw ? parseDutchDate(pipRaw) : null;
    if (pipRaw && !pipDate) bad('pip-datum', `Geen geldige datum: "${pipRaw}" (gebruik DD-MM-JJJJ of JJJJ-MM-DD)`);
    else if (pipDate && dateOfBirth && pipDate < dateOfBirth) bad('pip-datum', 'PIP-datum ligt voor de geboortedatum');

    const regimeRaw = cell('regime');
    const legalRegime = REGIMES[regimeRaw.toLowerCase()] ?? null;
    if (!regimeRaw) bad('regime', 'Regime ontbreekt');
    else if (!legalRegime) bad('regime', `Onbekend regime "${regimeRaw}" (Wi2021 of Wi2013)`);

    if (bsn) {
      const first = seen.get(bsn);
      if (first !== undefined) bad('bsn', `Dit BSN staat al in rij ${first} van dit bestand`);
      else seen.set(bsn, row.line);
    }
    out.push({
      line: row.line,
      problems,
      value: problems.length
        ? null
        : { bsn: bsn!, firstName, lastName, dateOfBirth: dateOfBirth!, email, phone, productCode: productCode!, pipDate, legalRegime: legalRegime! },
    });
  }
  if (!out.length) throw new ImportFileException('no_rows', 'Het bestand heeft geen rijen onder de kopregel.');
  return out;
}
