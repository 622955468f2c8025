import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class SubmitPortfolioItemDto {
  @ApiProperty({ description: 'The version you read; a stale version is a 409', example: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export const REVIEW_DECISIONS = ['approved', 'needs_revision'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export class ReviewPortfolioItemDto {
  @ApiProperty({ description: 'The version you read; a stale version is a 409', example: 2 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiPropertyOptional({ description: 'Required when the decision is needs_revision', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  feedback?: string;
}
