import { Module } from '@nestjs/common';
import { NightlyPassJob } from './jobs/nightly-pass.job';
import { SignalEvaluationRepository } from './signal-evaluation.repository';
import { SignalRepository } from './signal.repository';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';

@Module({
  controllers: [SignalsController],
  providers: [SignalsService, SignalRepository, SignalEvaluationRepository, NightlyPassJob],
  exports: [SignalEvaluationRepository],
})
export class SignalsModule {}
