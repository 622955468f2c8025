import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'stream';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { Page, pageOf } from '../../common/http/page-query.dto';
import { FILE_STORAGE, FileStorage } from '../../common/storage/file-storage';
import { DocumentAccess } from './document-access';
import { DocumentKindName, DocumentParams } from './document-kinds';
import { DocumentQueue } from './document-queue';
import { DocumentRegistry } from './document-registry';
import { DocumentListFilter, DocumentRepository } from './document.repository';
import { DocumentExpiredException, DocumentNotReadyException, IdempotencyKeyReusedException, KindNotRequestableException } from './documents.exception';
import { DocumentRecord } from './entities/document.entity';
import { paramsHash } from './params-hash';

export interface DocumentRequest<K extends DocumentKindName = DocumentKindName> {
  kind: K;
  params: DocumentParams[K];
  /** The user asking (null: the system itself, e.g. a scheduled export). */
  requestedBy: string | null;
  /** Which municipality and/or learner the document is about: decides who else may see it (DocumentAccess). */
  scope?: { municipalityId?: string | null; learnerId?: string | null };
  /** Dutch file name for the download; the generator may still set it. */
  fileName?: string;
  /** The client's Idempotency-Key: the same key again answers the same row. */
  idempotencyKey?: string | null;
}

export interface DownloadableDocument {
  stream: Readable;
  contentType: string;
  fileName: string;
  sizeBytes: number;
}

/** Requests, reads and downloads documents. request() is the one way any module asks for a file. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly documents: DocumentRepository,
    private readonly registry: DocumentRegistry,
    private readonly access: DocumentAccess,
    private readonly queue: DocumentQueue,
  ) {}

  /**
   * Writes the request row with the caller's manager (so inside its transaction) and enqueues the job after that
   * transaction commits. Redis being down does not fail the request: the worker's reconciler enqueues it later.
   * The same open request (same kind, requester and params), or the same idempotency key, answers the existing row.
   */
  async request<K extends DocumentKindName>(manager: EntityManager, req: DocumentRequest<K>): Promise<{ document: DocumentRecord; created: boolean }> {
    if (!this.registry.get(req.kind)) throw ValidationFailedException.field('kind', `${req.kind} is not a document kind`);
    const params = (req.params ?? {}) as Record<string, unknown>;
    const hash = paramsHash(req.kind, req.requestedBy, params);
    const { doc, created } = await this.documents.insertOrFindOpen(manager, {
      kind: req.kind,
      params,
      paramsHash: hash,
      requestedBy: req.requestedBy,
      municipalityId: req.scope?.municipalityId ?? null,
      learnerId: req.scope?.learnerId ?? null,
      fileName: req.fileName ?? null,
      idempotencyKey: req.idempotencyKey ?? null,
    });
    if (!created && req.idempotencyKey && doc.idempotencyKey === req.idempotencyKey && doc.paramsHash !== hash) {
      throw new IdempotencyKeyReusedException();
    }
    if (created) this.queue.enqueueAfterCommit(manager, doc.id);
    return { document: doc, created };
  }

  /** The generic POST: kinds that opted in (`request` in their @DocumentGenerator options) check their own params. */
  async requestGeneric(scope: Scope, kind: string, rawParams: unknown, idempotencyKey: string | null): Promise<{ document: DocumentRecord; created: boolean }> {
    const registered = this.registry.requestable(kind, scope);
    if (!registered?.options.request) throw new KindNotRequestableException(kind);
    const prepare = registered.options.request.prepare;
    return this.db.transaction(async (m) => {
      const prepared = await prepare(rawParams ?? {}, scope, m);
      return this.request(m, {
        kind: kind as DocumentKindName,
        params: prepared.params,
        requestedBy: scope.userId,
        scope: { municipalityId: prepared.municipalityId ?? null, learnerId: prepared.learnerId ?? null },
        fileName: prepared.fileName,
        idempotencyKey,
      });
    });
  }

  /** The document if the caller may see it; otherwise 404 (as if it did not exist). */
  async get(scope: Scope, id: string, manager: EntityManager = this.db.manager): Promise<DocumentRecord> {
    const doc = await this.documents.findById(manager, id);
    if (!doc || !this.access.canSee(scope, doc)) throw new NotFoundException('Document', id);
    return doc;
  }

  async list(scope: Scope, filter: DocumentListFilter & { page: number; pageSize: number; mine?: boolean }): Promise<Page<DocumentRecord>> {
    const params: unknown[] = [];
    const visible = this.access.whereVisible(scope, params, { all: !filter.mine });
    const { total, items } = await this.documents.listVisible(this.db.manager, visible, params, filter, {
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    });
    return pageOf(items, total, filter);
  }

  async download(scope: Scope, id: string): Promise<DownloadableDocument> {
    const doc = await this.get(scope, id);
    if (doc.status === 'expired') throw new DocumentExpiredException();
    if (doc.status !== 'done' || !doc.storageKey) throw new DocumentNotReadyException(doc.status);
    const stream = await this.storage.get(doc.storageKey);
    return {
      stream,
      contentType: doc.contentType ?? 'application/octet-stream',
      fileName: doc.fileName ?? `${this.registry.label(doc.kind)}`,
      sizeBytes: doc.sizeBytes ?? 0,
    };
  }

  label(kind: string): string {
    return this.registry.label(kind);
  }
}
