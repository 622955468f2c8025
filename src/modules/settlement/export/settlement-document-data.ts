import type { ProductSubtotalView, SettlementRunView, VatRateView } from '../dto/settlement-run.dto';
import type { LineRow } from '../settlement-read.repository';

/** What every settlement file states: the run's header and totals, and its lines a batch at a time. */
export interface SettlementDocumentData {
  run: SettlementRunView;
  products: ProductSubtotalView[];
  vat: VatRateView[];
  lines: AsyncIterable<LineRow[]>;
}

/** The college that sends the invoices (the seller in the e-invoice). */
export const SUPPLIER = {
  name: 'ROC van Twente',
  street: 'Gieterij 200',
  city: 'Hengelo',
  postalCode: '7553 VZ',
  country: 'NL',
  /** KvK number (Peppol scheme 0106) */
  kvk: '41025473',
  vatNumber: 'NL004521456B01',
  iban: 'NL91ABNA0417164300',
  email: 'debiteuren@rocvantwente.nl',
} as const;

/** Dutch name of the file: afrekening-<gemeente>-<number or concept>.<ext> */
export function settlementFileName(run: SettlementRunView, ext: string): string {
  const muni = run.municipality.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `afrekening-${muni}-${run.invoiceNumber ?? `concept-${run.periodFrom}-${run.periodTo}`}.${ext}`;
}

export const vatPercentText = (bp: number): string => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2).replace('.', ',')}%`;
