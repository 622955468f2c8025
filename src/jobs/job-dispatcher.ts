import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { collectJobHandlers, JobHandlerFn } from './job-handlers';
import { QueueName, QUEUES } from './job-types';
import { redisConnectionOptions } from './redis-connection';

/**
 * Worker side: one BullMQ worker per queue of src/jobs/job-types.ts, each with its own concurrency, dispatching to
 * @JobHandler methods. Startup fails if a job has no handler or more than one.
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobDispatcher');
  private handlers = new Map<string, JobHandlerFn>();
  private readonly workers = new Map<QueueName, Worker>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = collectJobHandlers(this.discovery.getProviders().map((w) => w.instance));
    for (const queue of QUEUES) {
      const worker = new Worker(queue, (job) => this.run(job), {
        connection: redisConnectionOptions(this.config.redisUrl),
        prefix: this.config.queuePrefix,
        concurrency: this.config.workerConcurrency(queue),
      });
      worker.on('failed', (job, err) => this.logger.warn({ job: job?.name, jobId: job?.id, err: err.message }, 'Job failed'));
      this.workers.set(queue, worker);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.close()));
  }

  /** The running worker of a queue (for health checks and tests). */
  worker(queue: QueueName): Worker | undefined {
    return this.workers.get(queue);
  }

  private async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler(job.data, job);
  }
}
