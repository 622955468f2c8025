import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { LEGAL_REGIMES, LegalRegime } from '../../../common/domain/vocabulary';
import { IsOptionalNotNull } from '../trajectory-dates';
import { IntegrationAgreementDto, TargetLevelsDto, TrajectoryPlanDto } from './trajectory-parts.dto';

/**
 * Changes to an unfinished trajectory. Object fields (targetLevels, plan,
 * integrationAgreement) replace the stored object as a whole.
 */
export class UpdateTrajectoryDto {
  @ApiProperty({ minimum: 1, description: 'The version you read; a stale version is a 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ format: 'date', description: 'Only while the trajectory is planned' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  plannedEndDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10000)
  contractedHours?: number;

  @ApiPropertyOptional({ type: TargetLevelsDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => TargetLevelsDto)
  targetLevels?: TargetLevelsDto;

  @ApiPropertyOptional({ enum: LEGAL_REGIMES })
  @IsOptionalNotNull()
  @IsIn(LEGAL_REGIMES)
  legalRegime?: LegalRegime;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsCalendarDate()
  pipDate?: string | null;

  @ApiPropertyOptional({ type: TrajectoryPlanDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => TrajectoryPlanDto)
  plan?: TrajectoryPlanDto;

  @ApiPropertyOptional({ type: IntegrationAgreementDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => IntegrationAgreementDto)
  integrationAgreement?: IntegrationAgreementDto;
}
