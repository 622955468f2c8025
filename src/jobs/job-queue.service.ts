import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { JOB_DEFAULTS, JOB_QUEUE, JobName, JobPayloads, QueueName } from './job-types';

/** Enqueues typed jobs with deterministic ids (a second enqueue of the same id is a no-op). */
@Injectable()
export class JobQueueService {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, payload, { ...JOB_DEFAULTS, jobId: `${name}:${jobId}`.replace(/:/g, '_') });
  }

  /** The queue registered by JobsModule for each name in QUEUES, found by its token (no list to keep in step). */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
