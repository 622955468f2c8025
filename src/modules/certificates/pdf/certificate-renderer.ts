import PDFDocument from 'pdfkit';
import { Writable } from 'stream';
import { CertificateFacts, CertificateKind } from '../entities/certificate.entity';
import { UnprintableTextException } from '../certificates.exception';
import { CertificateAssets, certificateAssets, TextBox } from './certificate-assets';
import { dutchDate, dutchHours } from './dutch-format';
import { describeCharacters, unprintableCharacters } from './printable';
import { qrRuns } from './qr-modules';

/** What one certificate page prints. */
export interface CertificatePrint {
  kind: CertificateKind;
  number: string;
  verificationCode: string;
  verifyUrl: string;
  issueDate: string;
  holder: { fullName: string; dateOfBirth: string };
  periodFrom: string | null;
  periodTo: string | null;
  facts: CertificateFacts;
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/** The code in groups of four, easier to read and type over: ABCD-EFGH-JKLM-NPQR. */
export const groupedCode = (code: string): string => code.replace(/(.{4})(?=.)/g, '$1-');

/** Refuses a certificate whose variable texts (name, product) the font cannot print: never empty boxes. */
export function assertPrintable(print: Pick<CertificatePrint, 'holder' | 'facts'>, assets = certificateAssets()): void {
  const checks: Array<[string, string]> = [['holder.fullName', print.holder.fullName], ['product', print.facts.product.name]];
  for (const [field, text] of checks) {
    const missing = unprintableCharacters(text, assets.fonts.regular, assets.fonts.bold);
    if (missing.length) throw new UnprintableTextException(field, describeCharacters(missing));
  }
}

/**
 * Draws one A4 certificate from templates/certificates/layout.json into `out` and resolves when the PDF is complete.
 * Fonts come parsed from `assets` (once per process); pdfkit embeds only the glyphs used (a subset).
 */
export function renderCertificatePdf(print: CertificatePrint, out: Writable, assets: CertificateAssets = certificateAssets()): Promise<void> {
  assertPrintable(print, assets);
  const { layout: L, fonts } = assets;
  const color = (c: string) => L.colors[c] ?? c;
  const doc = new PDFDocument({
    size: L.page.size,
    margin: 0,
    font: fonts.regular as never,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: `${L.title.texts[print.kind]} ${print.number}`, Author: L.college.name.text, Subject: print.holder.fullName, Creator: 'Koers' },
  });
  doc.registerFont('regular', fonts.regular as never);
  doc.registerFont('bold', fonts.bold as never);
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);

  const text = (box: TextBox, value: string, opts: PDFKit.Mixins.TextOptions = {}) => {
    doc.font(box.font).fontSize(box.size).fillColor(color(box.color));
    doc.text(value.normalize('NFC'), box.x, box.y, { width: box.width, align: box.align ?? 'left', lineBreak: box.width !== undefined, ...opts });
  };

  // Frame and letterhead.
  const inset = L.border.inset;
  doc.lineWidth(L.border.width).strokeColor(color(L.border.color)).rect(inset, inset, L.page.width - 2 * inset, L.page.height - 2 * inset).stroke();
  const [vx, vy, vw] = assets.logo.viewBox;
  doc.save().translate(L.logo.x, L.logo.y).scale(L.logo.size / vw).translate(-vx, -vy);
  for (const p of assets.logo.paths) doc.path(p.d).fill(p.fill);
  doc.restore();
  text(L.college.name, L.college.name.text);
  text(L.college.unit, L.college.unit.text);

  // Title and holder.
  text(L.title, L.title.texts[print.kind]);
  text(L.intro, L.intro.text);
  const name = print.holder.fullName.normalize('NFC');
  const nameBox = L.holderName;
  let size = nameBox.size;
  doc.font(nameBox.font);
  while (size > (nameBox.minSize ?? size) && doc.fontSize(size).widthOfString(name) > (nameBox.width ?? Infinity)) size -= 1;
  text({ ...nameBox, size }, name);
  text(L.holderBirth, fill(L.holderBirth.text, { dateOfBirth: dutchDate(print.holder.dateOfBirth) }));

  const f = print.facts;
  text(
    L.statement,
    fill(L.statement.texts[print.kind], {
      product: f.product.name,
      issueDate: dutchDate(print.issueDate),
      from: print.periodFrom ? dutchDate(print.periodFrom) : '',
      to: print.periodTo ? dutchDate(print.periodTo) : '',
      endDate: f.endDate ? dutchDate(f.endDate) : '',
      startDate: f.startDate ? dutchDate(f.startDate) : '',
    }),
  );

  // Levels or hours as label/value rows.
  const T = L.table;
  const rows: Array<[string, string]> = [];
  if (print.kind === 'level') {
    for (const l of f.levels ?? []) rows.push([T.skills[l.skill] ?? l.skill, l.level ?? T.passed]);
  } else if (print.kind === 'participation' && f.hours) {
    const { physicalMinutes: p, onlineMinutes: o } = f.hours;
    rows.push([T.hours.physical, `${dutchHours(p)} ${T.hours.unit}`], [T.hours.online, `${dutchHours(o)} ${T.hours.unit}`], [T.hours.total, `${dutchHours(p + o)} ${T.hours.unit}`]);
  }
  rows.forEach(([label, value], i) => {
    const y = T.y + i * T.rowHeight;
    doc.font(T.labelFont).fontSize(T.size).fillColor(color(T.color)).text(label, T.x, y, { width: T.width * T.labelShare, lineBreak: false });
    doc.font(T.valueFont).text(value, T.x + T.width * T.labelShare, y, { width: T.width * (1 - T.labelShare), align: 'right', lineBreak: false });
    doc.lineWidth(0.5).strokeColor(color(T.rule)).moveTo(T.x, y + T.rowHeight - 6).lineTo(T.x + T.width, y + T.rowHeight - 6).stroke();
  });

  // Issue date, number, code.
  const D = L.details;
  const details: Array<[string, string]> = [
    [D.labels.issueDate, dutchDate(print.issueDate)],
    [D.labels.number, print.number],
    [D.labels.code, groupedCode(print.verificationCode)],
  ];
  details.forEach(([label, value], i) => {
    const y = D.y + i * D.lineHeight;
    doc.font(D.labelFont).fontSize(D.size).fillColor(color(D.labelColor)).text(label, D.x, y, { lineBreak: false });
    doc.font(D.valueFont).fillColor(color(D.color)).text(value, D.x + D.labelWidth, y, { lineBreak: false });
  });
  text(L.verifyUrl, fill(L.verifyUrl.text, { url: print.verifyUrl }));

  // QR code, drawn as vector runs with a quiet zone of 4 modules.
  const Q = L.qr;
  const qr = qrRuns(print.verifyUrl);
  const cell = Q.size / (qr.size + 8);
  doc.save().fillColor(color(Q.color));
  for (const [r, c, n] of qr.runs) doc.rect(Q.x + (c + 4) * cell, Q.y + (r + 4) * cell, n * cell, cell);
  doc.fill().restore();
  doc.font('regular').fontSize(Q.caption.size).fillColor(color('muted')).text(Q.caption.text, Q.x, Q.y + Q.caption.dy, { width: Q.size, align: 'center', lineBreak: false });

  text(L.footer, L.footer.text);
  doc.end();
  return done;
}

/** The PDF as one buffer (tests, the benchmark's floor). */
export async function renderCertificateBuffer(print: CertificatePrint, assets?: CertificateAssets): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, cb) { chunks.push(chunk); cb(); } });
  await renderCertificatePdf(print, sink, assets);
  return Buffer.concat(chunks);
}
