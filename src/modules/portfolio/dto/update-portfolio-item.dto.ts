import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { COMPETENCE_DOMAINS, CompetenceDomain } from '../../../common/domain/vocabulary';

export class UpdatePortfolioItemDto {
  @ApiProperty({ description: 'The version you read; a stale version is a 409', example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: COMPETENCE_DOMAINS })
  @IsOptional()
  @IsIn(COMPETENCE_DOMAINS)
  domain?: CompetenceDomain;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;
}
