import { Module } from '@nestjs/common';
import { SignalJobs } from './jobs/signal.jobs';
import { SignalEvaluationRepository } from './signal-evaluation.repository';
import { SignalRepository } from './signal.repository';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';

@Module({
  controllers: [SignalsController],
  providers: [SignalsService, SignalRepository, SignalEvaluationRepository, SignalJobs],
  exports: [SignalEvaluationRepository],
})
export class SignalsModule {}
