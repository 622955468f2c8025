import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { LEGAL_REGIMES, LegalRegime } from '../../../common/domain/vocabulary';
import { IsOptionalNotNull } from '../trajectory-dates';
import { IntegrationAgreementDto, TargetLevelsDto, TrajectoryPlanDto } from './trajectory-parts.dto';

export class CreateTrajectoryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  learnerId: string;

  @ApiProperty({ format: 'uuid', description: 'The paying municipality' })
  @IsUUID()
  municipalityId: string;

  @ApiProperty({ format: 'uuid', description: 'A contract of that municipality that includes the product' })
  @IsUUID()
  contractId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId: string;

  @ApiProperty({ format: 'date', example: '2025-02-03' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ format: 'date', description: 'On or after startDate; default startDate + the product\'s planned duration' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  plannedEndDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, description: 'Default: the product\'s contracted hours' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10000)
  contractedHours?: number;

  @ApiPropertyOptional({ type: TargetLevelsDto, description: 'Default: the product\'s default targets' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => TargetLevelsDto)
  targetLevels?: TargetLevelsDto;

  @ApiPropertyOptional({ enum: LEGAL_REGIMES, description: 'Default: the product\'s legal regime' })
  @IsOptionalNotNull()
  @IsIn(LEGAL_REGIMES)
  legalRegime?: LegalRegime;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'First PIP date (wi2021)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  pipDate?: string;

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
