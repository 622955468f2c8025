import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { CoreModule } from './core.module';
import { FEATURE_MODULES } from './feature-modules';
import { JobDispatcher } from './jobs/job-dispatcher';
import { DocumentsWorkerModule } from './modules/documents/documents-worker.module';
import { PingJob } from './modules/health/jobs/ping.job';
import { NightlySignalsScheduler } from './modules/signals/jobs/nightly-signals.scheduler';

/** The worker: same features, plus the queue processors and the scheduler; no HTTP. */
@Module({
  imports: [CoreModule, DiscoveryModule, ScheduleModule.forRoot(), ...FEATURE_MODULES, DocumentsWorkerModule],
  providers: [JobDispatcher, PingJob, NightlySignalsScheduler],
})
export class WorkerModule {}
