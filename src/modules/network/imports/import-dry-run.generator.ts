import { Inject } from '@nestjs/common';
import { Readable } from 'stream';
import { todayIn } from '../../../common/domain/calendar';
import { FILE_STORAGE, FileStorage } from '../../../common/storage/file-storage';
import { AppConfig } from '../../../config/app-config';
import { DocumentGenerator, DocumentJobView, GenerateContext, GeneratedDocument } from '../../documents/document-generator';
import { DocumentGenerationError } from '../../documents/documents.exception';
import { writeDryRunWorkbook } from './dry-run-workbook';
import { ExamImportService } from './exam-import.service';
import { parseExamResults } from './exam-results.parser';
import { ImportFileException } from './import-file.exception';
import { ImportRepository, ImportRowRecord } from './import.repository';
import { LearnerImportService } from './learner-import.service';
import { readSpreadsheet } from './spreadsheet-reader';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const TITLE = { learners: 'Proefimport nieuwe deelnemers', exam_results: 'Proefimport DUO-examenuitslagen' } as const;

/**
 * The dry run of an import, in the worker: reads the uploaded file once, checks each row against the database,
 * stores the per-row result (what the commit will apply) and removes the upload; then writes the result as an xlsx.
 * A second attempt finds the rows stored and only writes the sheet again.
 */
@DocumentGenerator({ kind: 'import.dry-run', label: 'Proefimport', audience: ['municipality'] })
export class ImportDryRunGenerator implements DocumentGenerator<'import.dry-run'> {
  constructor(
    private readonly imports: ImportRepository,
    private readonly learners: LearnerImportService,
    private readonly exams: ExamImportService,
    private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async generate(doc: DocumentJobView<'import.dry-run'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const m = ctx.manager;
    let imp = await this.imports.find(doc.params.importId, null, m);
    if (!imp) throw new DocumentGenerationError('import_missing', 'De import bestaat niet meer.', true);
    if (imp.status === 'uploaded' && imp.storageKey) {
      const key = imp.storageKey;
      const bytes = await readAll(await this.storage.get(key));
      await ctx.reportProgress(10);
      const today = todayIn(this.config.reportTimezone);
      let rows: ImportRowRecord[] | null = null;
      let fileError: string | null = null;
      try {
        rows =
          imp.kind === 'learners'
            ? await this.learners.dryRun(m, imp, await readSpreadsheet(bytes), today)
            : await this.exams.dryRun(m, imp, await parseExamResults(bytes));
      } catch (e) {
        if (!(e instanceof ImportFileException)) throw e;
        fileError = e.detail ?? e.title;
      }
      await ctx.reportProgress(70);
      await m.transaction(async (tx) => {
        const current = await this.imports.find(imp!.id, null, tx, true);
        if (current?.status !== 'uploaded') return; // another attempt finished it
        if (rows) {
          await this.imports.replaceRows(tx, imp!.id, rows);
          const summary = { new: 0, known: 0, refused: 0 } as Record<string, number>;
          for (const r of rows) summary[r.outcome]++;
          await this.imports.markChecked(tx, imp!.id, summary);
        } else await this.imports.markRefused(tx, imp!.id, fileError!);
      });
      await this.storage.delete(key).catch(() => undefined);
      imp = (await this.imports.find(imp.id, null, m))!;
    }
    await writeDryRunWorkbook(ctx.tempPath, {
      title: TITLE[imp.kind],
      fileName: imp.fileName,
      fileError: imp.fileError,
      rows: await this.imports.rows(imp.id, m),
    });
    return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
}
