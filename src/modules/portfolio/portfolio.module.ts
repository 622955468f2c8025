import { Module } from '@nestjs/common';
import { StorageModule } from '../../common/storage/storage.module';
import { PortfolioCompletenessRepository } from './portfolio-completeness.repository';
import { PortfolioEvidenceController } from './portfolio-evidence.controller';
import { PortfolioEvidenceRepository } from './portfolio-evidence.repository';
import { PortfolioEvidenceService } from './portfolio-evidence.service';
import { PortfolioItemRepository } from './portfolio-item.repository';
import { PortfolioItemsController } from './portfolio-items.controller';
import { PortfolioItemsService } from './portfolio-items.service';
import { PortfolioReviewService } from './portfolio-review.service';

@Module({
  imports: [StorageModule],
  controllers: [PortfolioItemsController, PortfolioEvidenceController],
  providers: [PortfolioItemRepository, PortfolioEvidenceRepository, PortfolioCompletenessRepository, PortfolioItemsService, PortfolioReviewService, PortfolioEvidenceService],
  exports: [PortfolioCompletenessRepository],
})
export class PortfolioModule {}
