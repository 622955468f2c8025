import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { COMPETENCE_DOMAINS, CompetenceDomain } from '../../../common/domain/vocabulary';

/** Omitted fields stay as they are; null is refused (every field is required on the item), not a 500. */
const sent = (field: string) => ValidateIf((o: Record<string, unknown>) => o[field] !== undefined);

export class UpdatePortfolioItemDto {
  @ApiProperty({ description: 'The version you read; a stale version is a 409', example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: COMPETENCE_DOMAINS })
  @sent('domain')
  @IsIn(COMPETENCE_DOMAINS)
  domain?: CompetenceDomain;

  @ApiPropertyOptional({ maxLength: 200 })
  @sent('title')
  @IsString()
  @Matches(/\S/, { message: 'title must not be empty or blank' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @sent('description')
  @IsString()
  @MaxLength(10000)
  description?: string;
}
