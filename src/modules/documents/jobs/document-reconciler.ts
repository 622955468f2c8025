import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FILE_STORAGE, FileStorage } from '../../../common/storage/file-storage';
import { AppConfig } from '../../../config/app-config';
import { DocumentQueue } from '../document-queue';
import { DocumentRegistry } from '../document-registry';
import { DocumentAttemptsRepository } from './document-attempts.repository';

const PENDING_BATCH = 200;
const EXPIRE_BATCH = 500;
const CLEANUP_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Worker process only. On start and every DOCUMENT_RECONCILE_SECONDS: rows running past their lease go back to
 * pending (or fail once out of attempts), and pending rows without a live job get one (a request made while Redis
 * was down, or a Redis that lost its data). Hourly: files of done documents past retention are removed.
 */
@Injectable()
export class DocumentReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DocumentReconciler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly attempts: DocumentAttemptsRepository,
    private readonly queue: DocumentQueue,
    private readonly registry: DocumentRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.documentReconcileMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .then(() => (Date.now() - this.lastCleanup >= CLEANUP_EVERY_MS ? this.cleanup().then(() => void (this.lastCleanup = Date.now())) : undefined))
      .catch((e) => this.logger.warn({ err: (e as Error).message }, 'Document reconcile failed; trying again'))
      .finally(() => (this.running = undefined));
  }

  /** One pass; answers what it did (for tests and logs). */
  async reconcile(): Promise<{ takenBack: number; failed: number; enqueued: number }> {
    const back = await this.attempts.takeBackExpired(this.db.manager, this.config.documentMaxAttempts);
    const failed = back.filter((r) => r.status === 'failed').length;
    let enqueued = 0;
    if (this.queue.available) {
      const ids = await this.attempts.pendingIds(this.db.manager, Math.min(2_000, this.config.documentReconcileMs), PENDING_BATCH);
      for (const id of ids) if ((await this.queue.ensureJob(id)) === 'added') enqueued++;
    }
    if (back.length || enqueued) this.logger.log({ takenBack: back.length - failed, failed, enqueued }, 'Documents reconciled');
    return { takenBack: back.length - failed, failed, enqueued };
  }

  /** Removes the files of done documents older than DOCUMENT_RETENTION_DAYS (except kept kinds); rows become expired. */
  async cleanup(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.documentRetentionDays * DAY_MS);
    let total = 0;
    for (;;) {
      const expired = await this.attempts.expire(this.db.manager, before, this.registry.keptKinds(), EXPIRE_BATCH);
      for (const e of expired) if (e.storageKey) await this.storage.delete(e.storageKey).catch(() => undefined);
      total += expired.length;
      if (expired.length < EXPIRE_BATCH) break;
    }
    if (total) this.logger.log({ expired: total }, 'Expired document files removed');
    return total;
  }
}
