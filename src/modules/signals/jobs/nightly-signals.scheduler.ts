import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { todayIn } from '../../../common/domain/calendar';
import { AppConfig } from '../../../config/app-config';
import { JobQueueService } from '../../../jobs/job-queue.service';

/** 02:30 every night, wall-clock time in REPORT_TIMEZONE (so after the day's registers, whatever the DST). */
export const NIGHTLY_PASS_CRON = '0 30 2 * * *';
export const NIGHTLY_PASS_CRON_NAME = 'signals.nightly-pass';

/**
 * Worker only (listed in WorkerModule): enqueues the nightly signal pass. The job id is the date, so several
 * workers, or a restart, enqueue it at most once per day. Registered at start-up rather than with @Cron, whose
 * time zone would be fixed when the class is loaded instead of read from the settings.
 */
@Injectable()
export class NightlySignalsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('NightlySignalsScheduler');

  constructor(
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: NIGHTLY_PASS_CRON,
      timeZone: this.config.reportTimezone,
      onTick: () => {
        this.enqueueNightlyPass(new Date()).catch((err: Error) => this.logger.error({ err: err.message }, 'Enqueueing the nightly pass failed'));
      },
    });
    // The registry stops it at shutdown (ScheduleModule).
    this.registry.addCronJob(NIGHTLY_PASS_CRON_NAME, job);
    job.start();
  }

  async enqueueNightlyPass(now: Date): Promise<string> {
    const asOf = todayIn(this.config.reportTimezone, now);
    await this.jobs.enqueue('signals.nightly-pass', { asOf }, asOf);
    this.logger.log({ asOf }, 'Nightly signal pass enqueued');
    return asOf;
  }
}
