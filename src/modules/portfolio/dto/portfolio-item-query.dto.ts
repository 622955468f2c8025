import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { COMPETENCE_DOMAINS, CompetenceDomain, PORTFOLIO_STATUSES, PortfolioStatus } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';

/** Sort fields: createdAt (default), updatedAt, title, domain, status. */
export class PortfolioItemQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMPETENCE_DOMAINS })
  @IsOptional()
  @IsIn(COMPETENCE_DOMAINS)
  domain?: CompetenceDomain;

  @ApiPropertyOptional({ enum: PORTFOLIO_STATUSES })
  @IsOptional()
  @IsIn(PORTFOLIO_STATUSES)
  status?: PortfolioStatus;
}
