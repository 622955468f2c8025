import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { DOCUMENT_JOB_NAME, DocumentJobPayload, DOCUMENTS_QUEUE, JOB_BACKOFF_MS, JOB_KEEP_COMPLETED, JOB_KEEP_FAILED } from '../../jobs/job-types';
import { redisConnectionOptions } from '../../jobs/redis-connection';

/** A Redis command that does not answer within this is given up; the reconciler enqueues later. */
const ENQUEUE_TIMEOUT_MS = 2_000;
/** BullMQ retries beyond the row's own attempt count; the row (DOCUMENT_MAX_ATTEMPTS) decides when to stop. */
const QUEUE_ATTEMPTS = 25;

type AfterCommitData = { koersAfterCommit?: Array<() => void> };

/** Runs queued callbacks once the outermost transaction of a query runner commits; drops them on rollback. */
const afterCommitSubscriber: EntitySubscriberInterface = {
  afterTransactionCommit(e: TransactionCommitEvent) {
    if (e.queryRunner.isTransactionActive) return;
    const data = e.queryRunner.data as AfterCommitData;
    const list = data.koersAfterCommit ?? [];
    data.koersAfterCommit = [];
    for (const fn of list) fn();
  },
  afterTransactionRollback(e: TransactionRollbackEvent) {
    if (!e.queryRunner.isTransactionActive) (e.queryRunner.data as AfterCommitData).koersAfterCommit = [];
  },
};

/** Calls `fn` after the manager's transaction commits, or now when the manager is not in one. */
export function afterCommit(manager: EntityManager, fn: () => void): void {
  const qr = manager.queryRunner;
  if (qr && qr.isTransactionActive) {
    const data = qr.data as AfterCommitData;
    (data.koersAfterCommit ??= []).push(fn);
  } else {
    fn();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then((v) => (clearTimeout(t), resolve(v)), (e) => (clearTimeout(t), reject(e)));
  });
}

/**
 * The documents queue, on its own Redis connection that fails fast (nothing is sent while it is not ready): a request made while Redis is down is still
 * accepted (the row is the request) and the worker's reconciler enqueues it when Redis is back.
 */
@Injectable()
export class DocumentQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DocumentQueue');
  private redis!: Redis;
  private queueInstance!: Queue<DocumentJobPayload>;
  private lastErrorLog = 0;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    // Commands are sent only while the connection is ready (see `available`); one retry, then they fail.
    this.redis = new Redis({ ...redisConnectionOptions(this.config.redisUrl), maxRetriesPerRequest: 1 });
    this.redis.on('error', (e: Error) => {
      if (Date.now() - this.lastErrorLog < 30_000) return;
      this.lastErrorLog = Date.now();
      this.logger.warn({ err: e.message }, 'Redis unreachable for the documents queue; requests are kept and enqueued later');
    });
    this.queueInstance = new Queue<DocumentJobPayload>(DOCUMENTS_QUEUE, { connection: this.redis, prefix: this.config.queuePrefix });
    this.queueInstance.on('error', () => undefined);
    if (!this.db.subscribers.includes(afterCommitSubscriber)) this.db.subscribers.push(afterCommitSubscriber);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queueInstance?.close().catch(() => undefined);
    this.redis?.disconnect();
  }

  get queue(): Queue<DocumentJobPayload> {
    return this.queueInstance;
  }

  get available(): boolean {
    return this.redis?.status === 'ready';
  }

  /** Adds the job for a new row; false when Redis is not reachable now (never throws: the row is already safe). */
  async enqueue(documentId: string): Promise<boolean> {
    if (!this.available) return false;
    try {
      await withTimeout(
        this.queueInstance.add(DOCUMENT_JOB_NAME, { documentId }, {
          jobId: documentId,
          attempts: QUEUE_ATTEMPTS,
          backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
          removeOnComplete: JOB_KEEP_COMPLETED,
          removeOnFail: JOB_KEEP_FAILED,
        }),
        ENQUEUE_TIMEOUT_MS,
      );
      return true;
    } catch (e) {
      this.logger.warn({ documentId, err: (e as Error).message }, 'Could not enqueue a document; the reconciler will');
      return false;
    }
  }

  /** Enqueues once the caller's transaction has committed (fire and forget). */
  enqueueAfterCommit(manager: EntityManager, documentId: string): void {
    afterCommit(manager, () => void this.enqueue(documentId));
  }

  /**
   * For a row that is pending: make sure a job will run it. A job that already finished or failed in BullMQ (a
   * hand-back, a lost worker) is removed first, since a job id can be added only once.
   */
  async ensureJob(documentId: string): Promise<'added' | 'present' | 'unavailable'> {
    if (!this.available) return 'unavailable';
    try {
      const job = await withTimeout(this.queueInstance.getJob(documentId), ENQUEUE_TIMEOUT_MS);
      if (job) {
        const state = await withTimeout(job.getState(), ENQUEUE_TIMEOUT_MS);
        if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return 'present';
        await withTimeout(job.remove(), ENQUEUE_TIMEOUT_MS);
      }
      return (await this.enqueue(documentId)) ? 'added' : 'unavailable';
    } catch (e) {
      this.logger.warn({ documentId, err: (e as Error).message }, 'Could not check a document job');
      return 'unavailable';
    }
  }
}
