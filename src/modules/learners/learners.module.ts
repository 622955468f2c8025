import { Module } from '@nestjs/common';
import { BsnVault } from './bsn/bsn-vault.service';
import { LearnerBsnController } from './learner-bsn.controller';
import { LearnerBsnService } from './learner-bsn.service';
import { LearnerRepository } from './learner.repository';
import { LearnersController } from './learners.controller';
import { LearnersService } from './learners.service';

@Module({
  // The BSN controller first, so `lookup-by-bsn` is matched before any `:id` route.
  controllers: [LearnerBsnController, LearnersController],
  providers: [LearnersService, LearnerBsnService, LearnerRepository, BsnVault],
  exports: [LearnerRepository, BsnVault],
})
export class LearnersModule {}
