import { Module } from '@nestjs/common';
import { SettlementEventsRepository } from './settlement-events.repository';
import { SettlementReadRepository } from './settlement-read.repository';
import { SettlementRunRepository } from './settlement-run.repository';
import { SettlementRunsController } from './settlement-runs.controller';
import { SettlementRunsService } from './settlement-runs.service';
import { TrajectorySettlementController } from './trajectory-settlement.controller';
import { TrajectorySettlementService } from './trajectory-settlement.service';

@Module({
  controllers: [SettlementRunsController, TrajectorySettlementController],
  providers: [SettlementRunsService, TrajectorySettlementService, SettlementEventsRepository, SettlementRunRepository, SettlementReadRepository],
  exports: [SettlementReadRepository, SettlementEventsRepository],
})
export class SettlementModule {}
