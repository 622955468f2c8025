import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { fieldNote } from '../../../common/auth/field-visibility';

const GOAL_MAX = 4000;

/** Goals per competence domain (the keys are exactly COMPETENCE_DOMAINS; others are refused). */
export class PlanGoalsInputDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(GOAL_MAX) work?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(GOAL_MAX) parenting?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(GOAL_MAX) health_care?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(GOAL_MAX) education?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(GOAL_MAX) knowledge_of_society?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(GOAL_MAX) citizenship?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(GOAL_MAX) housing?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(GOAL_MAX) neighbourhood?: string;
}

export class PlanContentDto {
  @ApiPropertyOptional({ type: PlanGoalsInputDto, description: 'Goal text per competence domain' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlanGoalsInputDto)
  goals?: PlanGoalsInputDto;

  @ApiPropertyOptional({ example: 'Elke maand een voortgangsgesprek.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  agreements?: string;
}

export class UpdatePlanDto {
  @ApiProperty({ example: 3, description: 'The trajectory version you read; a stale version is a 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ type: PlanContentDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PlanContentDto)
  plan: PlanContentDto;
}

export class TrajectoryPlanViewDto {
  trajectoryId: string;
  @ApiProperty({ description: 'Current trajectory version; send it back with PUT' }) version: number;
  @ApiProperty({ type: PlanContentDto, description: `The agreements: ${fieldNote('plan.agreements')}` }) plan: PlanContentDto;
}

export class PlanRevisionDto {
  id: string;
  trajectoryId: string;
  @ApiProperty({ description: 'Trajectory version this plan was saved as' }) trajectoryVersion: number;
  @ApiProperty({ type: PlanContentDto, description: `The agreements: ${fieldNote('plan.agreements')}` }) plan: PlanContentDto;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: Date;
}

export class PlanRevisionPageDto {
  @ApiProperty({ type: [PlanRevisionDto] }) items: PlanRevisionDto[];
  total: number;
  page: number;
  pageSize: number;
}
