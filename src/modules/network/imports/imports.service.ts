import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import { DataSource } from 'typeorm';
import { Scope } from '../../../common/auth/scope';
import { todayIn } from '../../../common/domain/calendar';
import { NotFoundException, RuleViolationException, ValidationFailedException } from '../../../common/errors/domain.exception';
import { Page } from '../../../common/http/page-query.dto';
import { NetworkConflictException, NetworkProblemCode } from '../network.exception';
import { FILE_STORAGE, FileStorage } from '../../../common/storage/file-storage';
import { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit/audit.service';
import { DocumentRegistry } from '../../documents/document-registry';
import { DocumentsService } from '../../documents/documents.service';
import { DocumentView } from '../../documents/dto/document.dto';
import { ExamImportService } from './exam-import.service';
import { parseExamResults } from './exam-results.parser';
import { ImportAcceptedView, ImportListItemView, ImportQueryDto, ImportView } from './import.dto';
import { ImportRepository } from './import.repository';
import { LearnerImportService } from './learner-import.service';
import { mapColumns } from './learner-import.validator';
import { readSpreadsheet } from './spreadsheet-reader';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly imports: ImportRepository,
    private readonly documents: DocumentsService,
    private readonly registry: DocumentRegistry,
    private readonly learners: LearnerImportService,
    private readonly exams: ExamImportService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Checks the file as a whole at once (a spreadsheet or JSON, the columns, at most 9,999 rows: a clear 422 now),
   * stores it and asks the worker for the dry run. The rows themselves are checked in the worker.
   */
  async upload(kind: 'learners' | 'exam_results', municipalityId: string | undefined, file: { fileName: string; bytes: Buffer }, scope: Scope): Promise<ImportAcceptedView> {
    if (!municipalityId || !UUID.test(municipalityId)) throw ValidationFailedException.field('municipalityId', 'must be the id (uuid) of a municipality');
    if ((await this.db.query(`SELECT 1 FROM municipality WHERE id = $1`, [municipalityId])).length === 0) {
      throw ValidationFailedException.field('municipalityId', 'no municipality with this id');
    }
    if (kind === 'learners') mapColumns((await readSpreadsheet(file.bytes)).headers);
    else await parseExamResults(file.bytes);
    const stored = await this.storage.put(file.bytes, { prefix: 'imports' });
    try {
      return await this.db.transaction(async (m) => {
        const id = await this.imports.insert(m, {
          kind,
          municipalityId,
          fileName: file.fileName.slice(0, 255) || 'bestand',
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          storageKey: stored.key,
          requestedBy: scope.userId,
        });
        const { document } = await this.documents.request(m, {
          kind: 'import.dry-run',
          params: { importId: id },
          requestedBy: scope.userId,
          scope: { municipalityId },
          fileName: `Proefimport ${kind === 'learners' ? 'deelnemers' : 'examenuitslagen'} ${file.fileName}.xlsx`.slice(0, 200),
        });
        await this.imports.setDocument(m, id, document.id);
        await this.audit.record(m, scope, { action: 'upload', entityType: 'data_import', entityId: id, fields: ['file', 'municipalityId'] });
        const view = (await this.get(id, scope, m))!;
        return { import: view, document: DocumentView.of(document, this.registry.label(document.kind)) };
      });
    } catch (e) {
      await this.storage.delete(stored.key).catch(() => undefined);
      throw e;
    }
  }

  list(q: ImportQueryDto, scope: Scope): Promise<Page<ImportListItemView>> {
    return this.imports.findPage(q, scope);
  }

  async get(id: string, scope: Scope, m = this.db.manager): Promise<ImportView> {
    const imp = await this.imports.find(id, scope, m);
    if (!imp) throw new NotFoundException('Import', id);
    const rows = await this.imports.rows(id, m);
    const { storageKey: _k, sha256: _s, requestedBy: _r, committedBy: _c, ...rest } = imp;
    return { ...rest, rows: rows.map(({ value: _v, ...r }) => r) };
  }

  /** Applies exactly the dry run, in one transaction, or nothing. */
  async commit(id: string, scope: Scope): Promise<ImportView> {
    return this.db.transaction(async (m) => {
      const imp = await this.imports.find(id, scope, m, true);
      if (!imp) throw new NotFoundException('Import', id);
      if (imp.status === 'committed') throw new NetworkConflictException('import_committed', 'Deze import is al verwerkt; hij wordt geen tweede keer toegepast');
      if (imp.status === 'uploaded') throw new RuleViolationException('dry_run_pending' satisfies NetworkProblemCode, 'De proefimport loopt nog; verwerk de import als de proefimport klaar is');
      if (imp.status === 'refused') throw new RuleViolationException('import_refused' satisfies NetworkProblemCode, `Het bestand is geweigerd: ${imp.fileError}`);
      const today = todayIn(this.config.reportTimezone);
      const result = imp.kind === 'learners' ? await this.learners.commit(m, imp, scope, today) : await this.exams.commit(m, imp, scope);
      await this.imports.markCommitted(m, id, scope.userId, Object.fromEntries(Object.entries(result).map(([k, v]) => [`committed_${k}`, v])));
      await this.audit.record(m, scope, { action: 'commit', entityType: 'data_import', entityId: id, fields: Object.keys(result) });
      return this.get(id, scope, m);
    });
  }
}
