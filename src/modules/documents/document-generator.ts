import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { WriteStream } from 'fs';
import { EntityManager } from 'typeorm';
import { Role } from '../../common/domain/vocabulary';
import { Scope } from '../../common/auth/scope';
import { DocumentKindName, DocumentParams } from './document-kinds';

export const DOCUMENT_GENERATOR = 'koers:document-generator';

/** Who, besides the requester and admins/coordinators, may see documents of a kind (within their own scope). */
export type DocumentAudience = 'municipality' | 'learner';

export interface DocumentKindOptions<K extends DocumentKindName = DocumentKindName> {
  kind: K;
  /** Dutch name of the kind, shown in lists ("Certificaat", "SPIL-overzicht"). */
  label: string;
  /**
   * `municipality`: users of the document's municipality (document.municipality_id) see it;
   * `learner`: the learner of document.learner_id sees it. Default: requester and staff only.
   */
  audience?: DocumentAudience[];
  /** true: never removed by the retention cleanup (certificates). */
  keep?: boolean;
  /** Opt in to the generic `POST /api/v1/documents { kind, params }`: the roles that may, and how to check the params. */
  request?: {
    roles: Role[];
    prepare(raw: unknown, scope: Scope, manager: EntityManager): Promise<PreparedDocumentRequest<K>>;
  };
}

/** What a kind's `prepare` answers for the generic POST: checked params and the scope the document belongs to. */
export interface PreparedDocumentRequest<K extends DocumentKindName = DocumentKindName> {
  params: DocumentParams[K];
  municipalityId?: string | null;
  learnerId?: string | null;
  fileName?: string;
}

/** The row as a generator sees it. */
export interface DocumentJobView<K extends DocumentKindName = DocumentKindName> {
  id: string;
  kind: K;
  params: DocumentParams[K];
  requestedBy: string | null;
  municipalityId: string | null;
  learnerId: string | null;
  fileName: string | null;
  attempt: number;
}

export interface GenerateContext {
  /** A manager on the primary (not in a transaction; open one with manager.transaction if you need it). */
  manager: EntityManager;
  /** Absolute path of this attempt's temp file on the storage's disk; write the whole file there (pdfkit, exceljs, archiver). */
  tempPath: string;
  /** Opens tempPath for writing (a fresh WriteStream each call). */
  createWriteStream(): WriteStream;
  /** 0-100; throttled; throws DocumentAttemptLostError when the row is no longer this attempt's (stop then). */
  reportProgress(percent: number): Promise<void>;
  /** Aborted when the worker shuts down or the attempt lost its lease: stop soon. */
  signal: AbortSignal;
}

export interface GeneratedDocument {
  contentType: string;
  /** Dutch file name offered on download; defaults to the name given at request time. */
  fileName?: string;
}

export interface DocumentGenerator<K extends DocumentKindName = DocumentKindName> {
  generate(doc: DocumentJobView<K>, ctx: GenerateContext): Promise<GeneratedDocument>;
}

/** Marks a provider as the generator of a document kind; the registry finds it at startup (API and worker). */
export const DocumentGenerator = <K extends DocumentKindName>(options: DocumentKindOptions<K>) =>
  applyDecorators(Injectable(), SetMetadata(DOCUMENT_GENERATOR, options));
