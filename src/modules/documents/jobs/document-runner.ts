import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'crypto';
import { createReadStream, createWriteStream } from 'fs';
import { pipeline } from 'stream/promises';
import { DataSource } from 'typeorm';
import { FILE_STORAGE, FileStorage } from '../../../common/storage/file-storage';
import { AppConfig } from '../../../config/app-config';
import { DocumentJobView, GenerateContext } from '../document-generator';
import { DocumentKindName, DocumentParams } from '../document-kinds';
import { DocumentRegistry } from '../document-registry';
import { DocumentAttemptLostError, DocumentGenerationError, DUTCH_MESSAGES } from '../documents.exception';
import { DocumentRecord } from '../entities/document.entity';
import { DocumentAttemptsRepository } from './document-attempts.repository';

const PROGRESS_MIN_INTERVAL_MS = 250;

export type RunOutcome = 'done' | 'failed' | 'skipped';

/** Thrown to BullMQ when an attempt is handed back or will be retried: the job goes back to the queue. */
export class DocumentRetryError extends Error {}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Runs one attempt at one document: claim, generate into a temp file, fsync + rename, mark done if still ours. */
@Injectable()
export class DocumentRunner {
  private readonly logger = new Logger('DocumentRunner');
  /** Aborted when the worker shuts down: running attempts hand their rows back. */
  readonly shutdown = new AbortController();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly attempts: DocumentAttemptsRepository,
    private readonly registry: DocumentRegistry,
    private readonly config: AppConfig,
  ) {}

  async run(documentId: string): Promise<RunOutcome> {
    const m = this.db.manager;
    const token = randomUUID();
    const leaseMs = this.config.documentLeaseMs;
    const doc = await this.attempts.claim(m, documentId, token, leaseMs, this.config.documentMaxAttempts);
    if (!doc) return 'skipped';
    const kind = this.registry.get(doc.kind);
    if (!kind) {
      await this.attempts.fail(m, doc.id, token, 'generation_failed', DUTCH_MESSAGES.generation_failed);
      return 'failed';
    }
    const maxAttempts = this.config.documentMaxAttempts;
    const attempt = new AbortController();
    let lost = false;
    const loseRow = () => {
      lost = true;
      attempt.abort(new DocumentAttemptLostError(doc.id));
    };
    const onShutdown = () => attempt.abort(new DocumentRetryError('worker shutting down'));
    this.shutdown.signal.addEventListener('abort', onShutdown);
    const heartbeat = setInterval(() => {
      this.attempts.renew(m, doc.id, token, leaseMs).then((ok) => ok || loseRow(), () => undefined);
    }, Math.max(500, Math.floor(leaseMs / 3)));
    const tempPath = await this.storage.createTemp();
    let lastProgressAt = 0;
    let lastProgress = -1;
    const ctx: GenerateContext = {
      manager: m,
      tempPath,
      createWriteStream: () => createWriteStream(tempPath),
      signal: attempt.signal,
      reportProgress: async (percent: number) => {
        if (lost) throw new DocumentAttemptLostError(doc.id);
        const p = Math.max(0, Math.min(99, Math.round(percent)));
        const now = Date.now();
        if (p === lastProgress || now - lastProgressAt < PROGRESS_MIN_INTERVAL_MS) return;
        lastProgressAt = now;
        lastProgress = p;
        if (!(await this.attempts.progress(m, doc.id, token, leaseMs, p))) {
          loseRow();
          throw new DocumentAttemptLostError(doc.id);
        }
      },
    };
    try {
      const result = await kind.generator.generate(this.view(doc), ctx);
      // Finished despite a shutdown: keep the work. Only a lost row is given up.
      if (lost) throw new DocumentAttemptLostError(doc.id);
      const sha256 = await sha256Of(tempPath);
      const storageKey = `documents/${doc.id}/${token}`;
      const stored = await this.storage.commitTemp(tempPath, storageKey);
      const fileName = result.fileName ?? doc.fileName ?? kind.options.label;
      const ok = await this.attempts.finish(m, doc.id, token, { storageKey, contentType: result.contentType, fileName, sizeBytes: stored.sizeBytes, sha256 });
      if (!ok) {
        await this.storage.delete(storageKey);
        return 'skipped';
      }
      await this.removeOtherFiles(doc.id, storageKey);
      return 'done';
    } catch (e) {
      await this.storage.discardTemp(tempPath).catch(() => undefined);
      if (lost || e instanceof DocumentAttemptLostError) return 'skipped';
      if (this.shutdown.signal.aborted) {
        await this.attempts.release(m, doc.id, token, false);
        throw new DocumentRetryError(`Document ${doc.id} handed back at shutdown`);
      }
      const permanent = e instanceof DocumentGenerationError && e.permanent;
      const code = e instanceof DocumentGenerationError ? e.code : 'generation_failed';
      const message = e instanceof DocumentGenerationError ? e.dutchMessage : DUTCH_MESSAGES.generation_failed;
      this.logger.warn({ documentId: doc.id, kind: doc.kind, attempt: doc.attempts, err: (e as Error).message }, 'Document attempt failed');
      if (permanent || doc.attempts >= maxAttempts) {
        await this.attempts.fail(m, doc.id, token, code, message);
        await this.removeOtherFiles(doc.id, null);
        return 'failed';
      }
      await this.attempts.release(m, doc.id, token, true, { code, message });
      throw new DocumentRetryError(`Document ${doc.id} attempt ${doc.attempts} failed; retrying`);
    } finally {
      clearInterval(heartbeat);
      this.shutdown.signal.removeEventListener('abort', onShutdown);
    }
  }

  /** What an interrupted attempt may have left under the document's prefix. */
  private async removeOtherFiles(id: string, keep: string | null): Promise<void> {
    try {
      for (const key of await this.storage.list(`documents/${id}/`)) if (key !== keep) await this.storage.delete(key);
    } catch (e) {
      this.logger.warn({ documentId: id, err: (e as Error).message }, 'Could not remove files of earlier attempts');
    }
  }

  private view(doc: DocumentRecord): DocumentJobView {
    return {
      id: doc.id,
      kind: doc.kind as DocumentKindName,
      params: doc.params as DocumentParams[DocumentKindName],
      requestedBy: doc.requestedBy,
      municipalityId: doc.municipalityId,
      learnerId: doc.learnerId,
      fileName: doc.fileName,
      attempt: doc.attempts,
    };
  }
}
