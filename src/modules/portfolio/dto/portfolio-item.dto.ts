import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPETENCE_DOMAINS, PORTFOLIO_STATUSES } from '../../../common/domain/vocabulary';

export class PortfolioItemView {
  @ApiProperty() id: string;
  @ApiProperty() trajectoryId: string;
  @ApiProperty({ enum: COMPETENCE_DOMAINS }) domain: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: PORTFOLIO_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, description: 'Teacher feedback from the last review' }) feedback: string | null;
  @ApiPropertyOptional({ nullable: true }) submittedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) reviewedBy: string | null;
  @ApiPropertyOptional({ nullable: true }) reviewedAt: Date | null;
  @ApiProperty() version: number;
  @ApiProperty() evidenceCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class PortfolioItemPageDto {
  @ApiProperty({ type: [PortfolioItemView] }) items: PortfolioItemView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PortfolioCompletenessDto {
  @ApiProperty() trajectoryId: string;
  @ApiProperty({ type: [String], description: "The product's required competence domains" }) requiredDomains: string[];
  @ApiProperty({ type: [String], description: 'Required domains with at least one approved item' }) approvedDomains: string[];
  @ApiProperty({ description: 'approved required domains ÷ required domains (1 when the product requires none)', example: 0.4 })
  completeness: number;
}
