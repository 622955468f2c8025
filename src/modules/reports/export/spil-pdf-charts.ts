import type PDFKit from 'pdfkit';
import { formatValue } from '../spil-rows';

/** Vector charts drawn with pdfkit's path operations (no raster images, so they print sharply and stay small). */

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartStyle {
  font: string;
  labelSize: number;
  text: string;
  muted: string;
  rule: string;
  line: string;
  target: string;
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
export const monthLabel = (iso: string): string => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ’${iso.slice(2, 4)}`;

/** A line chart of rates (0..1) per month; a month without value breaks the line; the target as a dashed line. */
export function lineChart(doc: PDFKit.PDFDocument, box: ChartBox, points: { label: string; value: number | null }[], target: number | null, s: ChartStyle): void {
  const left = box.x + 34;
  const bottom = box.y + box.height - 18;
  const top = box.y + 6;
  const width = box.x + box.width - left;
  const yOf = (v: number) => bottom - (bottom - top) * Math.max(0, Math.min(1, v));
  doc.save();
  doc.font(s.font).fontSize(s.labelSize);
  for (const g of [0, 0.25, 0.5, 0.75, 1]) {
    doc.moveTo(left, yOf(g)).lineTo(left + width, yOf(g)).lineWidth(0.5).strokeColor(s.rule).stroke();
    doc.fillColor(s.muted).text(`${g * 100}%`, box.x, yOf(g) - 4, { width: 30, align: 'right', lineBreak: false });
  }
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const xOf = (i: number) => (points.length > 1 ? left + i * step : left + width / 2);
  const every = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    if (i % every === 0) doc.fillColor(s.muted).text(p.label, xOf(i) - 20, bottom + 5, { width: 40, align: 'center', lineBreak: false });
  });
  if (target !== null) {
    doc.moveTo(left, yOf(target)).lineTo(left + width, yOf(target)).dash(4, { space: 3 }).lineWidth(1).strokeColor(s.target).stroke().undash();
  }
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    if (drawing) doc.lineTo(xOf(i), yOf(p.value));
    else doc.moveTo(xOf(i), yOf(p.value));
    drawing = true;
  });
  doc.lineWidth(1.8).strokeColor(s.line).stroke();
  points.forEach((p, i) => {
    if (p.value === null) return;
    doc.circle(xOf(i), yOf(p.value), 2.4).fillColor(s.line).fill();
    if (points.length <= 12) doc.fillColor(s.text).text(formatValue('rate', p.value), xOf(i) - 22, yOf(p.value) - 13, { width: 44, align: 'center', lineBreak: false });
  });
  doc.restore();
}

/** Horizontal bars with their counts; `muted` bars (neutral exits) in the muted colour. */
export function barChart(doc: PDFKit.PDFDocument, box: ChartBox, bars: { label: string; value: number; muted: boolean }[], s: ChartStyle & { bar: string; mutedBar: string }): void {
  const labelWidth = 150;
  const left = box.x + labelWidth + 6;
  const width = box.width - labelWidth - 36;
  const rowHeight = Math.min(16, box.height / Math.max(1, bars.length));
  const max = Math.max(1, ...bars.map((b) => b.value));
  doc.save();
  doc.font(s.font).fontSize(s.labelSize);
  bars.forEach((b, i) => {
    const y = box.y + i * rowHeight;
    doc.fillColor(s.text).text(b.label, box.x, y + rowHeight / 2 - 4, { width: labelWidth, align: 'right', lineBreak: false });
    const w = (width * b.value) / max;
    if (w > 0) doc.rect(left, y + 2, w, rowHeight - 4).fillColor(b.muted ? s.mutedBar : s.bar).fill();
    doc.fillColor(s.text).text(String(b.value), left + w + 4, y + rowHeight / 2 - 4, { width: 30, lineBreak: false });
  });
  doc.moveTo(left, box.y).lineTo(left, box.y + bars.length * rowHeight).lineWidth(0.5).strokeColor(s.rule).stroke();
  doc.restore();
}
