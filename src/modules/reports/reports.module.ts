import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { SpilPdfGenerator, SpilWorkbookGenerator } from './export/spil-document.generators';
import { SpilReportController } from './spil-report.controller';
import { SpilReportRepository } from './spil-report.repository';
import { SpilReportService } from './spil-report.service';

@Module({
  imports: [DocumentsModule],
  controllers: [SpilReportController],
  providers: [SpilReportService, SpilReportRepository, SpilWorkbookGenerator, SpilPdfGenerator],
  exports: [SpilReportService],
})
export class ReportsModule {}
