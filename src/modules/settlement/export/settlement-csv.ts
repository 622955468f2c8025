import { createWriteStream } from 'fs';
import { once } from 'events';
import { MILESTONE_NL, dutchDate } from '../settlement-format';
import { SettlementDocumentData } from './settlement-document-data';

/** The ledger CSV's columns, in order (README "Settlement"). */
export const CSV_COLUMNS = [
  'factuurnummer',
  'factuurdatum',
  'debiteurnummer',
  'gemeente',
  'regel',
  'deelnemernummer',
  'naam',
  'product',
  'mijlpaal',
  'datum',
  'grondslag',
  'bedrag',
  'btw_percentage',
  'nagekomen',
  'correctie_op_factuur',
  'correctie_op_regel',
] as const;

/** Cents with a decimal comma and no thousands separator: -123456 → "-1234,56". */
export const csvAmount = (cents: number): string => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

const field = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The run for the ledger: UTF-8 with a BOM (Excel reads it as UTF-8), `;` separated, dates DD-MM-YYYY, CRLF. */
export async function writeSettlementCsv(d: SettlementDocumentData, filename: string): Promise<void> {
  const out = createWriteStream(filename, { encoding: 'utf8' });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('\uFEFF' + CSV_COLUMNS.join(';') + '\r\n');
  const { run } = d;
  for await (const batch of d.lines) {
    let chunk = '';
    for (const l of batch) {
      chunk +=
        [
          run.invoiceNumber ?? '',
          run.invoiceDate ? dutchDate(run.invoiceDate) : '',
          run.municipality.debtorNumber ?? '',
          run.municipality.name,
          String(l.lineNo),
          l.learnerNumber,
          l.learnerName,
          l.product.name,
          MILESTONE_NL[l.kind] ?? l.kind,
          dutchDate(l.eventDate),
          l.basis,
          csvAmount(l.amountCents),
          String(l.vatRateBasisPoints / 100).replace('.', ','),
          l.late ? 'ja' : 'nee',
          l.corrects?.invoiceNumber ?? '',
          l.corrects ? String(l.corrects.lineNo) : '',
        ]
          .map(field)
          .join(';') + '\r\n';
    }
    await write(chunk);
  }
  out.end();
  await once(out, 'finish');
}
