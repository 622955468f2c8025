import { Module } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { QueueEvents } from 'bullmq';
import { JobDispatcher } from '../src/jobs/job-dispatcher';
import { JobQueueService } from '../src/jobs/job-queue.service';
import { QUEUES } from '../src/jobs/job-types';
import { redisConnectionOptions } from '../src/jobs/redis-connection';
import { PingJob } from '../src/modules/health/jobs/ping.job';
import { NIGHTLY_PASS_CRON_NAME } from '../src/modules/signals/jobs/nightly-signals.scheduler';
import { WorkerModule } from '../src/worker.module';
import { createServiceContext, ServiceContext } from './helpers/service-context';
import { TEST_REDIS_URL } from './test-env';

/** A second provider of maintenance.ping, as a copy-pasted handler would be. */
@Module({ imports: [WorkerModule], providers: [{ provide: 'second ping', useClass: PingJob }] })
class WorkerWithTwoPingHandlers {}

/** The next nightly run as wall-clock time in a zone, e.g. "02:30". */
const nextRun = (ctx: ServiceContext, zone: string): string =>
  ctx.get(SchedulerRegistry).getCronJob(NIGHTLY_PASS_CRON_NAME).nextDate().setZone(zone).toFormat('HH:mm');

describe('worker process (e2e)', () => {
  let worker: ServiceContext;

  beforeAll(async () => {
    worker = await createServiceContext({ module: WorkerModule, env: { WORKER_CONCURRENCY_SIGNALS: '3' } });
  });
  afterAll(() => worker?.close());

  it('really runs a queued job and a second enqueue with the same id is not run twice', async () => {
    const jobs = worker.get(JobQueueService);
    const events = new QueueEvents('maintenance', { connection: redisConnectionOptions(TEST_REDIS_URL), prefix: worker.queuePrefix });
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

  it('runs one worker per queue of job-types.ts, each with its own concurrency', () => {
    const dispatcher = worker.get(JobDispatcher);
    for (const queue of QUEUES) expect(dispatcher.worker(queue)?.name).toBe(queue);
    expect(dispatcher.worker('signals')?.concurrency).toBe(3); // WORKER_CONCURRENCY_SIGNALS
    expect(dispatcher.worker('maintenance')?.concurrency).toBe(1); // the queue's default
  });

  it('finds every queue by its token, on the worker’s own Redis prefix', () => {
    const jobs = worker.get(JobQueueService);
    for (const queue of QUEUES) {
      expect(jobs.queue(queue).name).toBe(queue);
      expect(jobs.queue(queue).opts.prefix).toBe(worker.queuePrefix);
    }
  });

  it('schedules the nightly pass at 02:30 in REPORT_TIMEZONE (by default the college’s)', () => {
    expect(nextRun(worker, 'Europe/Amsterdam')).toBe('02:30');
  });

  it('does not start when a job has two handlers', async () => {
    await expect(createServiceContext({ module: WorkerWithTwoPingHandlers })).rejects.toThrow(
      'Job maintenance.ping has 2 handlers (PingJob.handle, PingJob.handle); keep one',
    );
  });

  describe('with REPORT_TIMEZONE=UTC', () => {
    let utc: ServiceContext;
    beforeAll(async () => {
      utc = await createServiceContext({ module: WorkerModule, env: { REPORT_TIMEZONE: 'UTC' } });
    });
    afterAll(() => utc?.close());

    it('schedules the nightly pass at 02:30 UTC', () => {
      expect(nextRun(utc, 'UTC')).toBe('02:30');
      expect(nextRun(utc, 'Europe/Amsterdam')).not.toBe('02:30');
    });
  });
});
