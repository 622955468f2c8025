import { SYSTEM_SCOPE } from '../../../common/auth/scope';
import { DocumentGenerator, DocumentJobView, GenerateContext, GeneratedDocument } from '../../documents/document-generator';
import { DocumentGenerationError } from '../../documents/documents.exception';
import { SettlementReadRepository } from '../settlement-read.repository';
import { SettlementDocumentData, settlementFileName } from './settlement-document-data';
import { writeSettlementCsv } from './settlement-csv';
import { writeSettlementUbl } from './settlement-ubl';
import { writeSettlementWorkbook } from './settlement-workbook';

type Kind = 'settlement.xlsx' | 'settlement.csv' | 'settlement.ubl';

/** The run as it is now; a draft recomputed since the request would state other lines, so it fails instead. */
export async function settlementData(doc: DocumentJobView<Kind>, read: SettlementReadRepository, finalOnly: boolean): Promise<SettlementDocumentData> {
  const run = await read.findOneInScope(doc.params.runId, SYSTEM_SCOPE);
  if (!run) throw new DocumentGenerationError('run_not_found', 'Deze afrekening bestaat niet meer (concept verwijderd).');
  if (finalOnly && run.status !== 'final') throw new DocumentGenerationError('run_not_final', 'Alleen een definitieve afrekening heeft dit bestand.');
  if (run.status !== 'final' && new Date(run.computedAt).toISOString() !== doc.params.computedAt) {
    throw new DocumentGenerationError('run_recomputed', 'Het concept is intussen opnieuw berekend; vraag het bestand opnieuw aan.');
  }
  const [products, vat] = await Promise.all([read.productSubtotals(run.id), read.vatRates(run.id)]);
  return { run, products, vat, lines: read.lineBatches(run.id) };
}

@DocumentGenerator({ kind: 'settlement.xlsx', label: 'Afrekening (spreadsheet)', audience: ['municipality'] })
export class SettlementWorkbookGenerator implements DocumentGenerator<'settlement.xlsx'> {
  constructor(private readonly read: SettlementReadRepository) {}

  async generate(doc: DocumentJobView<'settlement.xlsx'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const data = await settlementData(doc, this.read, false);
    const total = Math.max(1, data.run.lineCount);
    await writeSettlementWorkbook(data, ctx.tempPath, (done) => ctx.reportProgress(Math.min(95, Math.round((done / total) * 95))));
    return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: settlementFileName(data.run, 'xlsx') };
  }
}

@DocumentGenerator({ kind: 'settlement.csv', label: 'Afrekening (csv voor de boekhouding)', audience: ['municipality'] })
export class SettlementCsvGenerator implements DocumentGenerator<'settlement.csv'> {
  constructor(private readonly read: SettlementReadRepository) {}

  async generate(doc: DocumentJobView<'settlement.csv'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const data = await settlementData(doc, this.read, true);
    await writeSettlementCsv(data, ctx.tempPath);
    return { contentType: 'text/csv; charset=utf-8', fileName: settlementFileName(data.run, 'csv') };
  }
}

@DocumentGenerator({ kind: 'settlement.ubl', label: 'Afrekening (e-factuur UBL)', audience: ['municipality'] })
export class SettlementUblGenerator implements DocumentGenerator<'settlement.ubl'> {
  constructor(private readonly read: SettlementReadRepository) {}

  async generate(doc: DocumentJobView<'settlement.ubl'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const data = await settlementData(doc, this.read, true);
    await writeSettlementUbl(data, ctx.tempPath);
    return { contentType: 'application/xml', fileName: settlementFileName(data.run, 'xml') };
  }
}
