import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents } from 'bullmq';
import { JobQueueService } from '../src/jobs/job-queue.service';
import { redisConnectionOptions } from '../src/jobs/redis-connection';
import { WorkerModule } from '../src/worker.module';
import { createTestDatabase } from './helpers/test-app';
import { TEST_REDIS_URL } from './test-env';

describe('worker process (e2e)', () => {
  let worker: INestApplicationContext;
  let drop: () => Promise<void>;
  let prefix: string;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    prefix = db.queuePrefix;
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
    await drop();
  });

  it('really runs a queued job and a second enqueue with the same id is not run twice', async () => {
    const jobs = worker.get(JobQueueService);
    const events = new QueueEvents('maintenance', { connection: redisConnectionOptions(TEST_REDIS_URL), prefix });
    await events.waitUntilReady();
    await jobs.enqueue('maintenance.ping', { note: 'hallo' }, 'ping-1');
    await jobs.enqueue('maintenance.ping', { note: 'hallo' }, 'ping-1');
    const queue = jobs.queue('maintenance');
    const [job] = await queue.getJobs(['waiting', 'active', 'completed', 'delayed']);
    const result = await job.waitUntilFinished(events, 15_000);
    expect(result).toMatchObject({ pong: 'hallo' });
    expect(await queue.getJobCounts('completed', 'waiting', 'active')).toMatchObject({ completed: 1, waiting: 0, active: 0 });
    await events.close();
  });
});
