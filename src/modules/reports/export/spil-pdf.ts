import { createWriteStream, readFileSync } from 'fs';
import * as path from 'path';
import PDFDocument from 'pdfkit';
import { projectRoot } from '../../../common/startup/project-root';
import { DROPOUT_REASON_LABELS, SPIL_DEFINITIONS, SPIL_GENERAL_NOTES } from '../spil-definitions';
import { MonthlyPoint, SpilIndicators } from '../spil-indicators';
import { formatValue, metLabel, spilRows } from '../spil-rows';
import type { SpilReport } from '../spil-report.service';
import { barChart, ChartStyle, lineChart, monthLabel } from './spil-pdf-charts';

interface Layout {
  page: { width: number; height: number; margin: number };
  fonts: { regular: string; bold: string };
  colors: Record<'text' | 'muted' | 'accent' | 'rule' | 'met' | 'notMet' | 'neutral' | 'bar' | 'band', string>;
  texts: Record<string, string> & { columns: Record<'label' | 'value' | 'target' | 'met', string> };
  header: { titleSize: number; subSize: number; smallSize: number };
  table: { size: number; rowHeight: number; labelWidth: number; valueWidth: number; targetWidth: number; metWidth: number };
  charts: { height: number; gap: number; titleSize: number; labelSize: number };
  definitions: { nameSize: number; textSize: number; gap: number };
}

const TEMPLATE_DIR = () => path.join(projectRoot(), 'templates', 'reports');
let layout: Layout | undefined;
/** templates/reports/spil-quarterly.json, read once per process. */
export function spilPdfLayout(): Layout {
  layout ??= JSON.parse(readFileSync(path.join(TEMPLATE_DIR(), 'spil-quarterly.json'), 'utf8')) as Layout;
  return layout;
}

const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export const dutchDate = (iso: string): string => `${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const fill = (t: string, v: Record<string, string>): string => t.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? `{${k}}`);

interface Section {
  heading: string;
  contract: string;
  indicators: SpilIndicators;
  monthly: MonthlyPoint[];
  attendanceTarget: number | null;
}

/** Writes the quarterly PDF of the report to `filename`: a section per municipality (and the total), definitions last. */
export async function writeSpilPdf(r: SpilReport, filename: string, generatedOn: string): Promise<void> {
  const L = spilPdfLayout();
  const doc = new PDFDocument({
    size: 'A4',
    margin: L.page.margin,
    bufferPages: true,
    info: { Title: fill(L.texts.documentTitle, { from: dutchDate(r.from), to: dutchDate(r.to) }), Author: 'Koers', Subject: 'SPIL-indicatoren', Creator: 'Koers' },
  });
  doc.registerFont('regular', path.join(TEMPLATE_DIR(), L.fonts.regular));
  doc.registerFont('bold', path.join(TEMPLATE_DIR(), L.fonts.bold));
  const out = createWriteStream(filename);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);

  const sections: Section[] = r.municipalities.map((m) => ({
    heading: fill(L.texts.municipality, { name: m.municipality.name, cbs: m.municipality.cbsCode }),
    contract: m.contract ? fill(L.texts.contract, { reference: m.contract.reference, to: dutchDate(r.to) }) : fill(L.texts.noContract, { to: dutchDate(r.to) }),
    indicators: m.indicators,
    monthly: m.monthly,
    attendanceTarget: m.indicators.attendance_rate.target,
  }));
  if (r.total) sections.push({ heading: L.texts.region, contract: '', indicators: r.total.indicators, monthly: r.total.monthly, attendanceTarget: null });

  sections.forEach((s, i) => {
    if (i > 0) doc.addPage();
    drawSection(doc, L, r, s, generatedOn);
  });
  drawDefinitions(doc, L);

  const range = doc.bufferedPageRange();
  for (let n = range.start; n < range.start + range.count; n++) {
    doc.switchToPage(n);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(L.header.smallSize).fillColor(L.colors.muted)
      .text(fill(L.texts.page, { n: String(n + 1), total: String(range.count) }), L.page.margin, L.page.height - 30, { width: L.page.width - 2 * L.page.margin, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
}

function drawHeader(doc: PDFKit.PDFDocument, L: Layout, r: SpilReport, s: Section, generatedOn: string): number {
  const m = L.page.margin;
  const w = L.page.width - 2 * m;
  doc.rect(0, 0, L.page.width, 118).fillColor(L.colors.band).fill();
  doc.font('regular').fontSize(L.header.smallSize).fillColor(L.colors.muted).text(L.texts.college, m, 24, { width: w });
  doc.font('bold').fontSize(L.header.titleSize).fillColor(L.colors.accent).text(L.texts.title, m, 40, { width: w });
  doc.font('bold').fontSize(L.header.subSize + 2).fillColor(L.colors.text).text(s.heading, m, 66, { width: w });
  doc.font('regular').fontSize(L.header.subSize).fillColor(L.colors.text)
    .text(fill(L.texts.period, { from: dutchDate(r.from), to: dutchDate(r.to) }), m, 86, { width: w });
  doc.font('regular').fontSize(L.header.smallSize).fillColor(L.colors.muted)
    .text([s.contract, fill(L.texts.generated, { date: dutchDate(generatedOn) })].filter(Boolean).join(' · '), m, 102, { width: w });
  return 134;
}

function drawSection(doc: PDFKit.PDFDocument, L: Layout, r: SpilReport, s: Section, generatedOn: string): void {
  const m = L.page.margin;
  const T = L.table;
  let y = drawHeader(doc, L, r, s, generatedOn);
  const cols = [m, m + T.labelWidth, m + T.labelWidth + T.valueWidth, m + T.labelWidth + T.valueWidth + T.targetWidth];
  const headerRow = () => {
    doc.font('bold').fontSize(T.size).fillColor(L.colors.text);
    doc.text(L.texts.columns.label, cols[0], y, { width: T.labelWidth, lineBreak: false });
    doc.text(L.texts.columns.value, cols[1], y, { width: T.valueWidth - 8, align: 'right', lineBreak: false });
    doc.text(L.texts.columns.target, cols[2], y, { width: T.targetWidth - 8, align: 'right', lineBreak: false });
    doc.text(L.texts.columns.met, cols[3], y, { width: T.metWidth, lineBreak: false });
    y += T.rowHeight;
    doc.moveTo(m, y - 4).lineTo(L.page.width - m, y - 4).lineWidth(0.7).strokeColor(L.colors.rule).stroke();
  };
  headerRow();
  // Dropouts per reason are the bar chart's; the table keeps the headline figures.
  for (const row of spilRows(s.indicators).filter((x) => !x.code.startsWith('dropouts_by_reason.'))) {
    if (y > L.page.height - m - T.rowHeight) {
      doc.addPage();
      y = m;
      headerRow();
    }
    const i = row.indicator;
    doc.font('regular').fontSize(T.size).fillColor(row.detail ? L.colors.muted : L.colors.text);
    doc.text(row.label, cols[0] + (row.detail ? 10 : 0), y, { width: T.labelWidth - 10, lineBreak: false, ellipsis: true });
    doc.font('bold').fillColor(L.colors.text).text(formatValue(row.unit, i.value), cols[1], y, { width: T.valueWidth - 8, align: 'right', lineBreak: false });
    doc.font('regular').text(i.target === null ? '' : formatValue(row.unit, i.target), cols[2], y, { width: T.targetWidth - 8, align: 'right', lineBreak: false });
    if (i.met !== null) doc.font('bold').fillColor(i.met ? L.colors.met : L.colors.notMet).text(metLabel(i.met), cols[3], y, { width: T.metWidth, lineBreak: false });
    y += T.rowHeight;
  }

  doc.addPage();
  y = m;
  const style: ChartStyle = { font: 'regular', labelSize: L.charts.labelSize, text: L.colors.text, muted: L.colors.muted, rule: L.colors.rule, line: L.colors.accent, target: L.colors.notMet };
  const width = L.page.width - 2 * m;
  doc.font('bold').fontSize(L.charts.titleSize).fillColor(L.colors.accent).text(`${L.texts.attendanceChart} · ${s.heading}`, m, y, { width });
  y += 22;
  lineChart(doc, { x: m, y, width, height: L.charts.height }, s.monthly.map((p) => ({ label: monthLabel(p.from), value: p.attendance_rate.value })), s.attendanceTarget, style);
  y += L.charts.height + L.charts.gap;
  doc.font('bold').fontSize(L.charts.titleSize).fillColor(L.colors.accent).text(L.texts.dropoutChart, m, y, { width });
  y += 20;
  const bars = Object.entries(s.indicators.dropouts_by_reason).map(([reason, v]) => ({
    label: DROPOUT_REASON_LABELS[reason as keyof typeof DROPOUT_REASON_LABELS] ?? reason,
    value: v.value ?? 0,
    muted: v.neutral,
  }));
  barChart(doc, { x: m, y, width, height: bars.length * 16 }, bars, { ...style, bar: L.colors.bar, mutedBar: L.colors.neutral });
  y += bars.length * 16 + 8;
  doc.font('regular').fontSize(L.charts.labelSize).fillColor(L.colors.muted)
    .text(bars.some((b) => b.value > 0) ? L.texts.neutralLegend : L.texts.noDropouts, m, y, { width });
}

function drawDefinitions(doc: PDFKit.PDFDocument, L: Layout): void {
  doc.addPage();
  const m = L.page.margin;
  const width = L.page.width - 2 * m;
  doc.font('bold').fontSize(L.header.titleSize - 4).fillColor(L.colors.accent).text(L.texts.definitions, m, m, { width });
  doc.moveDown(0.5);
  for (const d of SPIL_DEFINITIONS) {
    doc.font('bold').fontSize(L.definitions.nameSize).fillColor(L.colors.text).text(`${d.label} (${d.name})`, { width });
    doc.font('regular').fontSize(L.definitions.textSize).fillColor(L.colors.text).text(d.definition, { width });
    doc.moveDown(L.definitions.gap);
  }
  doc.font('bold').fontSize(L.definitions.nameSize).text(L.texts.general, { width });
  for (const note of SPIL_GENERAL_NOTES) doc.font('regular').fontSize(L.definitions.textSize).text(`• ${note}`, { width });
}
