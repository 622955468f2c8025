import ExcelJS from 'exceljs';
import { DROPOUT_REASON_LABELS, SPIL_DEFINITIONS, SPIL_GENERAL_NOTES, SpilUnit } from '../spil-definitions';
import { SpilIndicators, MonthlyPoint } from '../spil-indicators';
import { metLabel, spilRows } from '../spil-rows';
import type { SpilReport } from '../spil-report.service';

/** Number formats per unit: rates as percentages, hours with two decimals. */
const FORMATS: Record<SpilUnit, string> = { rate: '0.0%', count: '#,##0', hours: '#,##0.00', minutes: '#,##0', levels: '0.00' };
const MET_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } } as const;
const NOT_MET_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } } as const;
const HEADER_FONT = { bold: true, color: { argb: 'FFFFFFFF' } } as const;
const NONE = '–';

type Sheet = ExcelJS.Worksheet;

/** A sheet with its header row frozen (the streaming writer takes views only when the sheet is added). */
const addSheet = (wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string): Sheet =>
  wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });

/** Overview columns: one per headline indicator. */
const OVERVIEW = ['in_scope', 'started', 'completed', 'dropped_out', 'dropped_out_neutral', 'dropout_rate', 'rendement', 'attendance_rate', 'attendance_rate_excl_authorised', 'registration_completeness', 'target_reached_rate', 'exam_pass_rate', 'portfolio_completeness', 'signals_raised'] as const;

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

function header(ws: Sheet, columns: { header: string; key: string; width: number; fmt?: string }[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.fmt ? { numFmt: c.fmt } : {} }));
  const row = ws.getRow(1);
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
  row.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** Writes a value typed: a number with its unit's format, or "–" when there is none. */
function setValue(cell: ExcelJS.Cell, unit: SpilUnit, value: number | null): void {
  if (value === null) {
    cell.value = NONE;
    cell.alignment = { horizontal: 'right' };
  } else {
    cell.value = value;
    cell.numFmt = FORMATS[unit];
  }
}

function setMet(cell: ExcelJS.Cell, met: boolean | null): void {
  cell.value = metLabel(met) || null;
  if (met !== null) cell.fill = met ? MET_FILL : NOT_MET_FILL;
}

function overviewSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, r: SpilReport): void {
  const ws = addSheet(wb, 'Overzicht');
  const defs = OVERVIEW.map((n) => SPIL_DEFINITIONS.find((d) => d.name === n)!);
  header(ws, [
    { header: 'Gemeente', key: 'name', width: 22 },
    { header: 'CBS-code', key: 'cbs', width: 10 },
    { header: 'Van', key: 'from', width: 12, fmt: 'dd-mm-yyyy' },
    { header: 'Tot en met', key: 'to', width: 12, fmt: 'dd-mm-yyyy' },
    ...defs.map((d) => ({ header: d.label, key: d.name, width: Math.max(12, Math.min(28, d.label.length + 2)) })),
  ]);
  const line = (name: string, cbs: string, ind: SpilIndicators) => {
    const row = ws.addRow({ name, cbs, from: day(r.from), to: day(r.to) });
    defs.forEach((d, i) => {
      const cell = row.getCell(5 + i);
      const v = ind[d.name as keyof SpilIndicators] as { value: number | null; met: boolean | null };
      setValue(cell, d.unit, v.value);
      if (v.met !== null) cell.fill = v.met ? MET_FILL : NOT_MET_FILL;
    });
    row.commit();
  };
  for (const m of r.municipalities) line(m.municipality.name, m.municipality.cbsCode, m.indicators);
  if (r.total) line('Regio Twente (totaal)', '', r.total.indicators);
  ws.commit();
}

function indicatorSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, title: string, r: SpilReport, ind: SpilIndicators, contract: string): void {
  const ws = addSheet(wb, sheetName(title));
  header(ws, [
    { header: 'Indicator', key: 'code', width: 34 },
    { header: 'Omschrijving', key: 'label', width: 46 },
    { header: 'Waarde', key: 'value', width: 12 },
    { header: 'Norm', key: 'target', width: 10 },
    { header: 'Gehaald', key: 'met', width: 14 },
    { header: 'Teller', key: 'num', width: 12 },
    { header: 'Noemer', key: 'den', width: 12 },
    { header: 'Periode van', key: 'from', width: 12, fmt: 'dd-mm-yyyy' },
    { header: 'Periode tot en met', key: 'to', width: 12, fmt: 'dd-mm-yyyy' },
    { header: 'Contract', key: 'contract', width: 24 },
  ]);
  for (const line of spilRows(ind)) {
    const i = line.indicator;
    const row = ws.addRow({ code: line.code, label: line.label, from: day(r.from), to: day(r.to), contract });
    setValue(row.getCell(3), line.unit, i.value);
    if (i.target !== null) {
      row.getCell(4).value = i.target;
      row.getCell(4).numFmt = FORMATS[line.unit];
    }
    setMet(row.getCell(5), i.met);
    if (i.numerator !== null) row.getCell(6).value = i.numerator;
    if (i.denominator !== null) row.getCell(7).value = i.denominator;
    if (line.detail) row.getCell(2).alignment = { indent: 1 };
    row.commit();
  }
  ws.commit();
}

function reasonsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, parts: { name: string; ind: SpilIndicators }[]): void {
  const ws = addSheet(wb, 'Uitval per reden');
  header(ws, [
    { header: 'Gemeente', key: 'name', width: 22 },
    { header: 'Reden', key: 'reason', width: 22 },
    { header: 'Omschrijving', key: 'label', width: 30 },
    { header: 'Neutraal', key: 'neutral', width: 10 },
    { header: 'Aantal', key: 'n', width: 10, fmt: '#,##0' },
  ]);
  for (const p of parts) {
    for (const [reason, v] of Object.entries(p.ind.dropouts_by_reason)) {
      ws.addRow({ name: p.name, reason, label: DROPOUT_REASON_LABELS[reason as keyof typeof DROPOUT_REASON_LABELS] ?? reason, neutral: v.neutral ? 'ja' : 'nee', n: v.value }).commit();
    }
  }
  ws.commit();
}

function monthlySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, parts: { name: string; monthly: MonthlyPoint[] }[]): void {
  const ws = addSheet(wb, 'Maandreeks');
  header(ws, [
    { header: 'Gemeente', key: 'name', width: 22 },
    { header: 'Van', key: 'from', width: 12, fmt: 'dd-mm-yyyy' },
    { header: 'Tot en met', key: 'to', width: 12, fmt: 'dd-mm-yyyy' },
    { header: 'Aanwezigheid', key: 'rate', width: 14 },
    { header: 'Aanwezige uren', key: 'hours', width: 15, fmt: '#,##0.00' },
    { header: 'Geregistreerde uren', key: 'reg', width: 18, fmt: '#,##0.00' },
    { header: 'Gestart', key: 'started', width: 10, fmt: '#,##0' },
    { header: 'Afgerond', key: 'completed', width: 10, fmt: '#,##0' },
    { header: 'Uitgevallen', key: 'dropped', width: 12, fmt: '#,##0' },
  ]);
  for (const p of parts) {
    for (const m of p.monthly) {
      const row = ws.addRow({ name: p.name, from: day(m.from), to: day(m.to), hours: m.attended_hours, reg: m.registered_hours, started: m.started, completed: m.completed, dropped: m.dropped_out });
      setValue(row.getCell(4), 'rate', m.attendance_rate.value);
      row.commit();
    }
  }
  ws.commit();
}

function definitionsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = addSheet(wb, 'Definities');
  header(ws, [
    { header: 'Indicator', key: 'code', width: 32 },
    { header: 'Omschrijving', key: 'label', width: 40 },
    { header: 'Definitie', key: 'def', width: 110 },
  ]);
  for (const d of SPIL_DEFINITIONS) {
    const row = ws.addRow({ code: d.name, label: d.label, def: d.definition });
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  for (const note of SPIL_GENERAL_NOTES) {
    const row = ws.addRow({ code: '', label: 'Algemeen', def: note });
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  ws.commit();
}

/**
 * Writes the SPIL spreadsheet (exceljs streaming writer: rows go to disk as they are committed) to `filename`:
 * an overview, a sheet per municipality (and the region total), dropouts per reason, the monthly series and the
 * definitions in Dutch. The same numbers as the JSON of the same request.
 */
export async function writeSpilWorkbook(r: SpilReport, filename: string, onProgress?: (percent: number) => Promise<void>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: true });
  wb.creator = 'Koers';
  wb.lastModifiedBy = 'Koers';
  wb.title = `SPIL-rapportage ${r.from} t/m ${r.to}`;
  wb.subject = 'SPIL-indicatoren per gemeente';
  wb.company = 'Koers';
  wb.created = new Date();
  overviewSheet(wb, r);
  const parts = r.municipalities.map((m) => ({ name: m.municipality.name, ind: m.indicators, monthly: m.monthly, contract: m.contract?.reference ?? 'geen contract' }));
  if (r.total) parts.push({ name: 'Regio Twente (totaal)', ind: r.total.indicators, monthly: r.total.monthly, contract: '' });
  for (const [i, p] of parts.entries()) {
    indicatorSheet(wb, p.name, r, p.ind, p.contract);
    await onProgress?.(Math.round(((i + 1) / parts.length) * 80));
  }
  reasonsSheet(wb, parts);
  monthlySheet(wb, parts);
  definitionsSheet(wb);
  await wb.commit();
}
