import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { isUUID } from 'class-validator';
import { AppConfig } from '../../../config/app-config';
import { DocumentJobPayload, DOCUMENTS_QUEUE } from '../../../jobs/job-types';
import { redisConnectionOptions } from '../../../jobs/redis-connection';
import { SHUTDOWN_DEADLINE_MS } from '../../../common/startup/shutdown-deadline';

/** Running documents may finish this long after SIGTERM; then they hand back, well before the process deadline. */
const SHUTDOWN_GRACE_MS = Math.max(1_000, SHUTDOWN_DEADLINE_MS - 3_000);
import { DocumentRunner, RunOutcome } from './document-runner';

/** Worker process only: the BullMQ worker of the documents queue. */
@Injectable()
export class DocumentWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DocumentWorker');
  private worker?: Worker<DocumentJobPayload, RunOutcome>;

  constructor(
    private readonly runner: DocumentRunner,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const lease = this.config.documentLeaseMs;
    this.worker = new Worker<DocumentJobPayload, RunOutcome>(DOCUMENTS_QUEUE, (job) => this.process(job), {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.queuePrefix,
      concurrency: this.config.documentConcurrency,
      // BullMQ's own stalled-job detection follows the row's lease: a killed worker's job is back in line soon.
      lockDuration: lease,
      stalledInterval: lease,
      maxStalledCount: 10,
    });
    this.worker.on('error', (e) => this.logger.warn({ err: e.message }, 'Documents worker error'));
  }

  /** SIGTERM: take no new jobs; running attempts get a grace period, then hand their rows back; then exit. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    const closing = this.worker.close();
    const grace = setTimeout(() => this.runner.shutdown.abort(), SHUTDOWN_GRACE_MS);
    await closing;
    clearTimeout(grace);
  }

  private async process(job: Job<DocumentJobPayload>): Promise<RunOutcome> {
    const id = job.data?.documentId;
    if (typeof id !== 'string' || !isUUID(id)) return 'skipped';
    return this.runner.run(id);
  }
}
