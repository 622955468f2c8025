import { Module } from '@nestjs/common';
import { SpilReportController } from './spil-report.controller';
import { SpilReportRepository } from './spil-report.repository';
import { SpilReportService } from './spil-report.service';

@Module({
  controllers: [SpilReportController],
  providers: [SpilReportService, SpilReportRepository],
  exports: [SpilReportService],
})
export class ReportsModule {}
