import ExcelJS from 'exceljs';
import { BASIS_NL, MILESTONE_NL } from '../settlement-format';
import { SettlementDocumentData, vatPercentText } from './settlement-document-data';

const EURO = '"€" #,##0.00;-"€" #,##0.00';
const DATE = 'dd-mm-yyyy';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } } as const;
const HEADER_FONT = { bold: true, color: { argb: 'FFFFFFFF' } } as const;
const CONCEPT_FONT = { bold: true, size: 14, color: { argb: 'FFC00000' } } as const;

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export const LINE_COLUMNS = ['Regel', 'Deelnemernummer', 'Naam', 'Product', 'Mijlpaal', 'Datum', 'Grondslag', 'Bedrag', 'Nagekomen', 'Correctie op'];
/** Row of the column headers on the sheet "Afrekening"; lines start below it. */
export const LINE_HEADER_ROW = 9;

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

function headerBlock(ws: Sheet, d: SettlementDocumentData): void {
  const { run } = d;
  const draft = run.status !== 'final';
  const title = ws.addRow([draft ? 'CONCEPT – afrekening inburgering (geen factuur)' : 'Afrekening inburgering']);
  title.font = draft ? CONCEPT_FONT : { bold: true, size: 14 };
  title.commit();
  const pairs: [string, ExcelJS.CellValue, string?][] = [
    ['Gemeente', `${run.municipality.name} (${run.municipality.cbsCode})`],
    ['Debiteurnummer', run.municipality.debtorNumber ?? ''],
    ['Periode van', day(run.periodFrom), DATE],
    ['Periode tot en met', day(run.periodTo), DATE],
    ['Factuurnummer', run.invoiceNumber ?? 'CONCEPT'],
    ['Factuurdatum', run.invoiceDate ? day(run.invoiceDate) : '', DATE],
  ];
  for (const [label, value, fmt] of pairs) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (fmt && value instanceof Date) row.getCell(2).numFmt = fmt;
    row.commit();
  }
  ws.addRow([]).commit();
}

function columnHeader(ws: Sheet): void {
  const row = ws.addRow(LINE_COLUMNS);
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
  });
  row.commit();
}

function amountRow(ws: Sheet, label: string, cents: number, bold = true): void {
  const row = ws.addRow([null, null, null, null, null, null, label, cents / 100]);
  row.getCell(8).numFmt = EURO;
  if (bold) row.font = { bold: true };
  row.commit();
}

async function linesSheet(wb: Writer, d: SettlementDocumentData, onProgress?: (done: number) => Promise<void>): Promise<void> {
  const ws = wb.addWorksheet('Afrekening', { views: [{ state: 'frozen', ySplit: LINE_HEADER_ROW }] });
  ws.columns = [8, 16, 28, 18, 18, 12, 48, 14, 11, 22].map((width) => ({ width }));
  headerBlock(ws, d);
  columnHeader(ws);
  let product: string | null = null;
  let sum = 0;
  let done = 0;
  const closeProduct = () => {
    if (product !== null) amountRow(ws, `Subtotaal ${product}`, sum);
  };
  for await (const batch of d.lines) {
    for (const l of batch) {
      if (l.product.name !== product) {
        closeProduct();
        product = l.product.name;
        sum = 0;
      }
      sum += l.amountCents;
      const corrects = l.corrects ? `factuur ${l.corrects.invoiceNumber ?? '?'} regel ${l.corrects.lineNo}` : '';
      const row = ws.addRow([
        l.lineNo,
        l.learnerNumber,
        l.learnerName,
        l.product.name,
        MILESTONE_NL[l.kind] ?? l.kind,
        day(l.eventDate),
        `${BASIS_NL[l.billingBasis] ?? l.billingBasis}: ${l.basis}`,
        l.amountCents / 100,
        l.late ? 'nagekomen' : '',
        corrects,
      ]);
      row.getCell(6).numFmt = DATE;
      row.getCell(8).numFmt = EURO;
      row.commit();
    }
    done += batch.length;
    if (onProgress) await onProgress(done);
  }
  closeProduct();
  ws.addRow([]).commit();
  amountRow(ws, 'Totaal exclusief btw', d.run.subtotalCents);
  for (const v of d.vat) amountRow(ws, `Btw ${vatPercentText(v.rateBasisPoints)} over € ${(v.netCents / 100).toFixed(2).replace('.', ',')}`, v.vatCents, false);
  amountRow(ws, 'Totaal', d.run.totalCents);
  ws.commit();
}

/** The part finance pastes into the ledger: one row per product, VAT and total. */
function summarySheet(wb: Writer, d: SettlementDocumentData): void {
  const ws = wb.addWorksheet('Samenvatting');
  ws.columns = [{ width: 30 }, { width: 14 }, { width: 16 }];
  headerBlock(ws, d);
  const head = ws.addRow(['Product', 'Regels', 'Bedrag']);
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
  });
  head.commit();
  const money = (label: string, count: number | null, cents: number, bold = false) => {
    const row = ws.addRow([label, count, cents / 100]);
    row.getCell(3).numFmt = EURO;
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for (const p of d.products) money(p.product.name, p.lineCount, p.subtotalCents);
  money('Totaal exclusief btw', d.run.lineCount, d.run.subtotalCents, true);
  for (const v of d.vat) money(`Btw ${vatPercentText(v.rateBasisPoints)}`, null, v.vatCents);
  money('Totaal', null, d.run.totalCents, true);
  ws.commit();
}

/**
 * The settlement sheet (xlsx) with exceljs's streaming writer: rows go to disk as they are committed, so a region's
 * run (100,000 lines) never sits in memory. A draft is marked CONCEPT in its title and has no invoice number.
 */
export async function writeSettlementWorkbook(d: SettlementDocumentData, filename: string, onProgress?: (done: number) => Promise<void>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  wb.creator = 'Koers';
  wb.title = d.run.invoiceNumber ? `Afrekening ${d.run.invoiceNumber}` : 'CONCEPT afrekening';
  await linesSheet(wb, d, onProgress);
  summarySheet(wb, d);
  await wb.commit();
}
