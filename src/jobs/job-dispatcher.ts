import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JOB_HANDLER } from './job-handler.decorator';
import { JOB_QUEUE, JobName, QUEUES } from './job-types';
import { redisConnectionOptions } from './redis-connection';

type Handler = (payload: unknown, job: Job) => Promise<unknown>;

/** Worker side: one BullMQ worker per queue, dispatching to @JobHandler methods. Startup fails if a job has no handler. */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobDispatcher');
  private readonly handlers = new Map<string, Handler>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.collectHandlers();
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
    for (const queue of QUEUES) {
      const worker = new Worker(queue, (job) => this.run(job), {
        connection: redisConnectionOptions(this.config.redisUrl),
        prefix: this.config.queuePrefix,
        concurrency: this.config.workerConcurrency,
      });
      worker.on('failed', (job, err) => this.logger.warn({ job: job?.name, jobId: job?.id, err: err.message }, 'Job failed'));
      this.workers.push(worker);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }

  private async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler(job.data, job);
  }

  private collectHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<string>(JOB_HANDLER, proto[method]);
        if (name) this.handlers.set(name, (proto[method] as Handler).bind(instance));
      }
    }
  }
}
