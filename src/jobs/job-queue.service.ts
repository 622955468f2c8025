import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOB_DEFAULTS, JOB_QUEUE, JobName, JobPayloads } from './job-types';

/** Enqueues typed jobs with deterministic ids (a second enqueue of the same id is a no-op). */
@Injectable()
export class JobQueueService {
  private readonly queues: Record<string, Queue>;

  constructor(@InjectQueue('signals') signals: Queue, @InjectQueue('maintenance') maintenance: Queue) {
    this.queues = { signals, maintenance };
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    const queue = this.queues[JOB_QUEUE[name]];
    await queue.add(name, payload, { ...JOB_DEFAULTS, jobId: `${name}:${jobId}`.replace(/:/g, '_') });
  }

  queue(name: string): Queue {
    return this.queues[name];
  }
}
