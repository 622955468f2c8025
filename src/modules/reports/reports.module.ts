import { Module } from '@nestjs/common';
import { SpilCertificatesRepository } from './spil-certificates.repository';
import { SpilReportController } from './spil-report.controller';
import { SpilReportRepository } from './spil-report.repository';
import { SpilReportService } from './spil-report.service';

@Module({
  controllers: [SpilReportController],
  providers: [SpilReportService, SpilReportRepository, SpilCertificatesRepository],
  exports: [SpilReportService],
})
export class ReportsModule {}
