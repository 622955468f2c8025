import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { BILLING_BASES, BillingBasis, DROPOUT_RULES, DropoutRule, MILESTONE_KINDS, MilestoneKind } from '../../../common/domain/vocabulary';

/** Upper bound for money fields: fits a PostgreSQL integer with room to spare. */
export const MAX_CENTS = 1_000_000_000;

export class MilestoneDto {
  @ApiProperty({ enum: MILESTONE_KINDS })
  @IsIn(MILESTONE_KINDS)
  kind: MilestoneKind;

  @ApiProperty({ example: 30, minimum: 0, maximum: 100, description: 'Whole percent of the price' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent: number;
}

export class ContractProductDto {
  @ApiProperty({ description: 'An existing product' })
  @IsUUID()
  productId: string;

  @ApiProperty({ enum: BILLING_BASES })
  @IsIn(BILLING_BASES)
  billingBasis: BillingBasis;

  @ApiPropertyOptional({ example: 1_000_000, description: 'Price per trajectory in euro cents; required for per_trajectory' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  priceCents?: number;

  @ApiPropertyOptional({ example: 4500, description: 'Rate per attended hour in euro cents; required for per_attended_hour' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  hourlyRateCents?: number;

  @ApiPropertyOptional({
    type: [MilestoneDto],
    description: 'per_trajectory: whole percents adding up to 100, each kind once, completion required',
    example: [{ kind: 'start', percent: 30 }, { kind: 'halfway', percent: 40 }, { kind: 'completion', percent: 30 }],
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];

  @ApiPropertyOptional({ example: 25_000, description: 'Fixed bonus in euro cents for the first passed exam (per_trajectory)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  examBonusCents?: number;

  @ApiPropertyOptional({ enum: DROPOUT_RULES, default: 'none' })
  @IsOptional()
  @IsIn(DROPOUT_RULES)
  dropoutRule?: DropoutRule;
}
