import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'stream';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { DomainException, NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { FILE_STORAGE, FileStorage, StoredObject } from '../../common/storage/file-storage';
import { AuditService } from '../audit/audit.service';
import { EvidenceView } from './dto/evidence.dto';
import { extensionForContentType } from './evidence/file-type-sniffer';
import { cleanOriginalName } from './evidence/safe-filename';
import { drain, UploadInspector } from './evidence/upload-inspector';
import { ItemNotEditableException, TrajectoryEndedException } from './portfolio.exception';
import { PortfolioEvidenceRepository } from './portfolio-evidence.repository';
import { PortfolioItemRepository } from './portfolio-item.repository';
import { EDITABLE_ITEM_STATUSES, ENDED_TRAJECTORY_STATUSES } from './portfolio-scope';

/** Same as MAX_UPLOAD_BYTES in create-app.ts, where the multipart limit truncates longer files. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** One incoming file part, independent of the HTTP library. */
export interface IncomingFile {
  fieldname: string;
  filename: string;
  stream: Readable & { truncated?: boolean };
  /** Set when the body held another file beyond the limit (no stream to read). */
  extra?: boolean;
}

export interface EvidenceDownload {
  stream: Readable;
  contentType: string;
  originalName: string;
  sizeBytes: number;
}

@Injectable()
export class PortfolioEvidenceService {
  private readonly logger = new Logger(PortfolioEvidenceService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly items: PortfolioItemRepository,
    private readonly evidence: PortfolioEvidenceRepository,
    private readonly audit: AuditService,
  ) {}

  async list(itemId: string, scope: Scope): Promise<EvidenceView[]> {
    if (!(await this.items.findViewInScope(itemId, scope))) throw new NotFoundException('Portfolio item', itemId);
    return (await this.evidence.listForItem(itemId)).map(toView);
  }

  /**
   * Checks access before reading the body, streams the file to storage while
   * hashing and sniffing it, then records it; storage keeps nothing on failure.
   */
  async upload(itemId: string, scope: Scope, nextFile: () => Promise<IncomingFile | undefined>): Promise<EvidenceView> {
    await this.assertEditable(this.db.manager, itemId, scope, false);
    const file = await nextFile();
    if (!file) throw ValidationFailedException.field('file', "is required: send one PDF, JPEG or PNG in the multipart field 'file'");
    if (file.fieldname !== 'file') {
      await drain(file.stream);
      throw ValidationFailedException.field('file', `is required: the file was sent in the field '${file.fieldname}' instead of 'file'`);
    }
    if (file.extra) throw tooManyFiles();
    const stored = await this.store(file);
    try {
      // One file per request: a second one is refused, not silently dropped.
      const more = await nextFile();
      if (more) {
        if (!more.extra) await drain(more.stream);
        throw tooManyFiles();
      }
      return await this.db.transaction(async (m) => {
        await this.assertEditable(m, itemId, scope, true);
        const id = await this.evidence.insert(m, {
          itemId,
          originalName: cleanOriginalName(file.filename, stored.contentType),
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.key,
          uploadedBy: scope.userId,
        });
        await this.audit.record(m, scope, {
          action: 'create',
          entityType: 'portfolio_evidence',
          entityId: id,
          fields: ['itemId', 'originalName', 'contentType', 'sizeBytes', 'sha256'],
        });
        const [row] = (await this.evidence.listForItem(itemId, m)).filter((e) => e.id === id);
        return toView(row);
      });
    } catch (e) {
      await this.deleteQuietly(stored.key);
      throw e;
    }
  }

  async download(id: string, scope: Scope): Promise<EvidenceDownload> {
    const row = await this.evidence.findInScope(id, scope);
    if (!row) throw new NotFoundException('Evidence', id);
    const stream = await this.storage.get(row.storageKey);
    return { stream, contentType: row.contentType, originalName: row.originalName, sizeBytes: row.sizeBytes };
  }

  async remove(id: string, scope: Scope): Promise<void> {
    const key = await this.db.transaction(async (m) => {
      const row = await this.evidence.findInScope(id, scope, m, true);
      if (!row) throw new NotFoundException('Evidence', id);
      if (ENDED_TRAJECTORY_STATUSES.includes(row.trajectoryStatus)) throw new TrajectoryEndedException(row.trajectoryStatus);
      if (!EDITABLE_ITEM_STATUSES.includes(row.itemStatus)) throw new ItemNotEditableException(row.itemStatus);
      await this.evidence.delete(m, id);
      await this.audit.record(m, scope, { action: 'delete', entityType: 'portfolio_evidence', entityId: id, fields: ['itemId', 'storageKey'] });
      return row.storageKey;
    });
    // The row is gone first: an orphan file is harmless, a row without its file is not.
    await this.deleteQuietly(key);
  }

  private async assertEditable(m: EntityManager, itemId: string, scope: Scope, lock: boolean): Promise<void> {
    const item = await this.items.lockInScope(m, itemId, scope, lock);
    if (!item) throw new NotFoundException('Portfolio item', itemId);
    if (ENDED_TRAJECTORY_STATUSES.includes(item.trajectoryStatus)) throw new TrajectoryEndedException(item.trajectoryStatus);
    if (!EDITABLE_ITEM_STATUSES.includes(item.status)) throw new ItemNotEditableException(item.status);
  }

  private async store(file: IncomingFile): Promise<StoredObject & { sha256: string; contentType: string }> {
    const inspector = new UploadInspector(() => file.stream.truncated === true, MAX_EVIDENCE_BYTES);
    let sourceFailed = false;
    file.stream.on('error', (e) => {
      sourceFailed = true;
      inspector.destroy(e);
    });
    file.stream.pipe(inspector);
    try {
      const stored = await this.storage.put(inspector, { prefix: 'portfolio' });
      return { ...stored, sha256: inspector.sha256, contentType: inspector.type!.contentType };
    } catch (e) {
      await drain(file.stream);
      if (e instanceof DomainException || (e as { statusCode?: number }).statusCode) throw e;
      // A broken multipart body is the client's problem; a disk error is ours.
      if (sourceFailed) throw ValidationFailedException.field('file', 'the upload was interrupted or malformed');
      throw e;
    }
  }

  private async deleteQuietly(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.logger.error({ err, key }, 'Could not delete a stored evidence file');
    }
  }
}

const tooManyFiles = () => ValidationFailedException.field('file', 'send exactly one file per request; this one has more than one');

function toView(row: Omit<EvidenceView, 'type' | 'downloadUrl'>): EvidenceView {
  return { ...row, type: extensionForContentType(row.contentType), downloadUrl: `/api/v1/evidence/${row.id}/download` };
}
