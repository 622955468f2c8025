import { DUO_LEVELS, DUO_NO_RESULT_REASONS, DUO_PARTS, DUO_RESULTS } from '../entities/duo-exam-result.entity';
import { ImportFileException } from './import-file.exception';
import { normaliseHeader, parseBsn, parseDutchDate } from './import-values';
import { RowProblem } from './learner-import.validator';
import { MAX_IMPORT_ROWS, readSpreadsheet } from './spreadsheet-reader';

/** DUO's exam parts and the skills they become (DOMAIN.md "Exchange with municipalities"). */
export const PART_SKILL: Record<(typeof DUO_PARTS)[number], string> = { LE: 'reading', LU: 'listening', SC: 'writing', SP: 'speaking', KNM: 'knm' };

export interface ExamValue {
  bsn: string;
  examDate: string;
  part: (typeof DUO_PARTS)[number];
  level: (typeof DUO_LEVELS)[number] | null;
  result: (typeof DUO_RESULTS)[number];
  noResultReason: (typeof DUO_NO_RESULT_REASONS)[number] | null;
}

export interface ExamRow {
  /** CSV: line in the sheet; JSON: the exam's position in the file (1, 2, ...). */
  line: number;
  value: ExamValue | null;
  problems: RowProblem[];
}

const CSV_COLUMNS = ['bsn', 'examendatum', 'onderdeel', 'niveau', 'resultaat', 'redengeenresultaat'] as const;

const ci = <T extends string>(list: readonly T[], raw: string): T | undefined => list.find((x) => x.toLowerCase() === raw.trim().toLowerCase());

/** Checks one exam as DUO's Examen interface gives it. */
export function checkExam(line: number, raw: Record<string, unknown>, bsnRaw: unknown): ExamRow {
  const problems: RowProblem[] = [];
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
  const b = parseBsn(text(bsnRaw));
  if ('error' in b) problems.push({ field: 'bsn', reason: b.error });
  const dateRaw = text(raw.examendatum);
  const examDate = dateRaw ? parseDutchDate(dateRaw.slice(0, 10)) : null;
  if (!dateRaw) problems.push({ field: 'examendatum', reason: 'Examendatum ontbreekt' });
  else if (!examDate) problems.push({ field: 'examendatum', reason: `Geen geldige datum: "${dateRaw}"` });
  const part = ci(DUO_PARTS, text(raw.onderdeel));
  if (!part) problems.push({ field: 'onderdeel', reason: `Onbekend onderdeel "${text(raw.onderdeel)}" (KNM, LE, LU, SC of SP)` });
  const levelRaw = text(raw.niveau);
  const level = levelRaw ? ci(DUO_LEVELS, levelRaw) ?? null : null;
  if (levelRaw && !level) problems.push({ field: 'niveau', reason: `Onbekend niveau "${levelRaw}" (A2, B1 of B2)` });
  const result = ci(DUO_RESULTS, text(raw.resultaat));
  if (!result) problems.push({ field: 'resultaat', reason: `Onbekend resultaat "${text(raw.resultaat)}" (Geslaagd, Gezakt of Geen)` });
  const reasonRaw = text(raw.redenGeenResultaat ?? raw.redengeenresultaat);
  const reason = reasonRaw ? ci(DUO_NO_RESULT_REASONS, reasonRaw) ?? null : null;
  if (result === 'Geen') {
    if (!reasonRaw) problems.push({ field: 'redenGeenResultaat', reason: 'Bij resultaat Geen hoort een reden (Verwijtbaar, Nietverwijtbaar, Afgemeld of Absent)' });
    else if (!reason) problems.push({ field: 'redenGeenResultaat', reason: `Onbekende reden "${reasonRaw}" (Verwijtbaar, Nietverwijtbaar, Afgemeld of Absent)` });
  } else if (result && reasonRaw) {
    problems.push({ field: 'redenGeenResultaat', reason: 'Een reden hoort alleen bij resultaat Geen' });
  }
  // A language part passed or failed is at a level; KNM has none.
  if (part && part !== 'KNM' && result && result !== 'Geen' && !levelRaw) problems.push({ field: 'niveau', reason: `Niveau ontbreekt voor ${part}` });
  if (part === 'KNM' && level) problems.push({ field: 'niveau', reason: 'KNM heeft geen niveau' });
  if (problems.length) return { line, value: null, problems };
  return { line, problems, value: { bsn: 'bsn' in b ? b.bsn : '', examDate: examDate!, part: part!, level: part === 'KNM' ? null : level, result: result!, noResultReason: result === 'Geen' ? reason : null } };
}

function fromJson(text: string): ExamRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportFileException('invalid_json', 'Het bestand is geen geldige JSON.');
  }
  if (!Array.isArray(data)) throw new ImportFileException('invalid_json', 'Verwacht een JSON-lijst [{ "bsn": "…", "examens": [ … ] }].');
  const rows: ExamRow[] = [];
  let n = 0;
  data.forEach((entry, i) => {
    const examens = (entry as { examens?: unknown })?.examens;
    if (!entry || typeof entry !== 'object' || !Array.isArray(examens)) {
      rows.push({ line: ++n, value: null, problems: [{ field: `[${i}].examens`, reason: 'Verwacht { "bsn": "…", "examens": [ … ] }' }] });
      return;
    }
    for (const ex of examens) {
      if (++n > MAX_IMPORT_ROWS) throw new ImportFileException('too_many_rows', `Het bestand heeft meer dan ${MAX_IMPORT_ROWS} examens; lever het aan in delen.`);
      rows.push(ex && typeof ex === 'object' ? checkExam(n, ex as Record<string, unknown>, (entry as { bsn?: unknown }).bsn) : { line: n, value: null, problems: [{ field: 'examens', reason: 'Verwacht een object per examen' }] });
    }
  });
  return rows;
}

/** An exam results file: DUO's JSON list, or a CSV/xlsx with the same columns. */
export async function parseExamResults(bytes: Buffer): Promise<ExamRow[]> {
  const head = bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  let rows: ExamRow[];
  if (head.startsWith('[') || head.startsWith('{')) rows = fromJson(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  else {
    const table = await readSpreadsheet(bytes);
    const index = new Map(table.headers.map((h, i) => [normaliseHeader(h), i]));
    const missing = CSV_COLUMNS.filter((c) => !index.has(c) && c !== 'redengeenresultaat');
    if (missing.length) throw new ImportFileException('missing_columns', `Kolommen ontbreken: ${missing.join(', ')}. Verwachte kolommen: bsn, examendatum, onderdeel, niveau, resultaat, redenGeenResultaat.`);
    rows = table.rows
      .filter((r) => r.cells.some((c) => c !== ''))
      .map((r) => {
        const get = (c: string) => (index.has(c) ? r.cells[index.get(c)!] ?? '' : '');
        return checkExam(r.line, { examendatum: get('examendatum'), onderdeel: get('onderdeel'), niveau: get('niveau'), resultaat: get('resultaat'), redenGeenResultaat: get('redengeenresultaat') }, get('bsn'));
      });
  }
  if (!rows.length) throw new ImportFileException('no_rows', 'Het bestand bevat geen examens.');
  // The same exam twice in one file: the later one is refused.
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.value) continue;
    const key = `${r.value.bsn}|${r.value.part}|${r.value.examDate}`;
    const first = seen.get(key);
    if (first !== undefined) {
      r.problems.push({ field: 'examendatum', reason: `Dit examen staat al in rij ${first} van dit bestand` });
      r.value = null;
    } else seen.set(key, r.line);
  }
  return rows;
}
