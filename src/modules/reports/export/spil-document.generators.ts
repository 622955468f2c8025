import { todayIn } from '../../../common/domain/calendar';
import { AppConfig } from '../../../config/app-config';
import { DocumentGenerator, DocumentJobView, GenerateContext, GeneratedDocument } from '../../documents/document-generator';
import { DocumentGenerationError } from '../../documents/documents.exception';
import { SpilReportRepository } from '../spil-report.repository';
import { SpilReport, SpilReportService } from '../spil-report.service';
import { writeSpilPdf } from './spil-pdf';
import { writeSpilWorkbook } from './spil-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The report a SPIL document states; its scope was checked when it was requested. */
async function reportFor(doc: DocumentJobView<'reports.spil.xlsx' | 'reports.spil.pdf'>, repo: SpilReportRepository, service: SpilReportService): Promise<SpilReport> {
  const { municipalityId, from, to } = doc.params;
  const list = await repo.municipalities(municipalityId ? [municipalityId] : null);
  if (!list.length) throw new DocumentGenerationError('municipality_not_found', 'De gemeente van dit rapport bestaat niet meer.');
  return service.compute(list, !municipalityId, from, to);
}

/** SPIL spreadsheet (xlsx), made by the worker. Municipality users see the documents of their own municipality. */
@DocumentGenerator({ kind: 'reports.spil.xlsx', label: 'SPIL-rapportage (spreadsheet)', audience: ['municipality'] })
export class SpilWorkbookGenerator implements DocumentGenerator<'reports.spil.xlsx'> {
  constructor(
    private readonly repo: SpilReportRepository,
    private readonly service: SpilReportService,
  ) {}

  async generate(doc: DocumentJobView<'reports.spil.xlsx'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const report = await reportFor(doc, this.repo, this.service);
    await ctx.reportProgress(10);
    await writeSpilWorkbook(report, ctx.tempPath, (p) => ctx.reportProgress(10 + Math.round(p * 0.85)));
    return { contentType: XLSX };
  }
}

/** SPIL quarterly PDF (kwartaalrapportage), made by the worker. */
@DocumentGenerator({ kind: 'reports.spil.pdf', label: 'SPIL-kwartaalrapportage (pdf)', audience: ['municipality'] })
export class SpilPdfGenerator implements DocumentGenerator<'reports.spil.pdf'> {
  constructor(
    private readonly repo: SpilReportRepository,
    private readonly service: SpilReportService,
    private readonly config: AppConfig,
  ) {}

  async generate(doc: DocumentJobView<'reports.spil.pdf'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const report = await reportFor(doc, this.repo, this.service);
    await ctx.reportProgress(30);
    await writeSpilPdf(report, ctx.tempPath, todayIn(this.config.reportTimezone));
    return { contentType: 'application/pdf' };
  }
}
