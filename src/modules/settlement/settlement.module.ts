import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { SettlementCsvGenerator, SettlementUblGenerator, SettlementWorkbookGenerator } from './export/settlement-document.generators';
import { SettlementDocumentsService } from './settlement-documents.service';
import { SettlementEventsRepository } from './settlement-events.repository';
import { SettlementReadRepository } from './settlement-read.repository';
import { SettlementRunRepository } from './settlement-run.repository';
import { SettlementRunsController } from './settlement-runs.controller';
import { SettlementRunsService } from './settlement-runs.service';
import { TrajectorySettlementController } from './trajectory-settlement.controller';
import { TrajectorySettlementService } from './trajectory-settlement.service';

@Module({
  imports: [DocumentsModule],
  controllers: [SettlementRunsController, TrajectorySettlementController],
  providers: [
    SettlementRunsService,
    SettlementDocumentsService,
    SettlementWorkbookGenerator,
    SettlementCsvGenerator,
    SettlementUblGenerator,
    TrajectorySettlementService,
    SettlementEventsRepository,
    SettlementRunRepository,
    SettlementReadRepository,
  ],
  exports: [SettlementReadRepository, SettlementEventsRepository],
})
export class SettlementModule {}
