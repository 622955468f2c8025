import ExcelJS from 'exceljs';
import { detectDelimiter, parseCsv, TooManyRecordsError } from './csv';
import { ImportFileException } from './import-file.exception';
import { decodeText } from './windows-1252';

/** A file of at most this many data rows (under the header) is imported; 10,000 or more is refused. */
export const MAX_IMPORT_ROWS = 9_999;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface Table {
  format: 'xlsx' | 'csv';
  encoding?: 'utf-8' | 'windows-1252';
  headers: string[];
  /** Data rows as text, each with its line number in the sheet (the header is line 1). */
  rows: Array<{ line: number; cells: string[] }>;
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a user sees; dates as YYYY-MM-DD (Excel dates are UTC midnights in exceljs). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

function tooMany(): ImportFileException {
  return new ImportFileException('too_many_rows', `Het bestand heeft ${MAX_IMPORT_ROWS + 1} of meer rijen; lever het aan in delen van hoogstens ${MAX_IMPORT_ROWS} rijen.`);
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileException('not_a_spreadsheet', 'Het bestand is geen leesbaar Excel-bestand (.xlsx).');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ImportFileException('empty_file', 'Het Excel-bestand heeft geen werkblad.');
  const all: Array<{ line: number; cells: string[] }> = [];
  let tooLarge = false;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (all.length > MAX_IMPORT_ROWS + 1) {
      tooLarge = true;
      return;
    }
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
    all.push({ line, cells });
  });
  if (tooLarge || all.length > MAX_IMPORT_ROWS + 1) throw tooMany();
  const [header, ...rows] = all;
  if (!header) throw new ImportFileException('empty_file', 'Het bestand is leeg.');
  return { format: 'xlsx', headers: header.cells, rows };
}

function readCsv(bytes: Buffer): Table {
  // A text file has no NUL bytes; a PDF, image or executable does.
  if (bytes.subarray(0, 4096).includes(0)) throw new ImportFileException('not_a_spreadsheet', 'Het bestand is geen spreadsheet: lever een .xlsx- of CSV-bestand aan.');
  const { text, encoding } = decodeText(bytes);
  if (!text.trim()) throw new ImportFileException('empty_file', 'Het bestand is leeg.');
  let records: string[][];
  try {
    records = parseCsv(text, detectDelimiter(text), MAX_IMPORT_ROWS + 1);
  } catch (e) {
    if (e instanceof TooManyRecordsError) throw tooMany();
    throw e;
  }
  const withLines = records.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }));
  const nonEmpty = withLines.filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) throw new ImportFileException('empty_file', 'Het bestand is leeg.');
  if (rows.length > MAX_IMPORT_ROWS) throw tooMany();
  return { format: 'csv', encoding, headers: header.cells, rows };
}

/** Reads an uploaded spreadsheet (xlsx, or CSV with `;` or `,` in UTF-8 or Windows-1252) into text cells. */
export async function readSpreadsheet(bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileException('empty_file', 'Het bestand is leeg.');
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileException('file_too_large', 'Het bestand is groter dan 10 MB.');
  if (isOle(bytes)) throw new ImportFileException('old_excel_format', 'Oude Excel-bestanden (.xls) worden niet gelezen: sla het bestand op als .xlsx of CSV.');
  if (isZip(bytes)) return readXlsx(bytes);
  return readCsv(bytes);
}
