import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { todayIn } from '../../../common/domain/calendar';
import { AppConfig } from '../../../config/app-config';
import { JobQueueService } from '../../../jobs/job-queue.service';

/**
 * Worker only (listed in WorkerModule): enqueues the nightly signal pass. The job id is the
 * date, so several workers, or a restart, enqueue it at most once per day.
 */
@Injectable()
export class NightlySignalsScheduler {
  private readonly logger = new Logger('NightlySignalsScheduler');

  constructor(
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  @Cron('0 30 2 * * *', { name: 'signals.nightly-pass', timeZone: 'Europe/Amsterdam' })
  async onSchedule(): Promise<void> {
    await this.enqueueNightlyPass(new Date());
  }

  async enqueueNightlyPass(now: Date): Promise<string> {
    const asOf = todayIn(this.config.reportTimezone, now);
    await this.jobs.enqueue('signals.nightly-pass', { asOf }, asOf);
    this.logger.log({ asOf }, 'Nightly signal pass enqueued');
    return asOf;
  }
}
