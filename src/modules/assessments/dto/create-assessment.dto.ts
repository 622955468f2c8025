import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { CEFR_LEVELS, CefrLevel, Skill, SKILLS } from '../../../common/domain/vocabulary';
import { COLLEGE_TIME_ZONE } from '../../../config/time-zones';

/** Optional, but null is not a value: a null level or passed would store a result-less assessment. */
const sent = (field: string) => ValidateIf((o: Record<string, unknown>) => o[field] !== undefined);

export class CreateAssessmentDto {
  @ApiProperty({ enum: SKILLS, description: 'reading, listening, writing, speaking (CEFR level) or knm, map, ona (pass/fail)' })
  @IsIn(SKILLS)
  skill: Skill;

  @ApiProperty({ example: '2025-03-14', description: `Day of the assessment; not in the future (${COLLEGE_TIME_ZONE})` })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Methodetoets hoofdstuk 4' })
  @IsString()
  @Matches(/\S/, { message: 'instrument must not be empty or blank' })
  @MaxLength(120)
  instrument: string;

  @ApiPropertyOptional({ enum: CEFR_LEVELS, description: 'Required for language skills, not allowed for knm/map/ona' })
  @sent('level')
  @IsIn(CEFR_LEVELS)
  level?: CefrLevel;

  @ApiPropertyOptional({ description: 'Required for knm/map/ona; for language skills default true (a failed attempt never raises a level)' })
  @sent('passed')
  @IsBoolean()
  passed?: boolean;

  @ApiPropertyOptional({ default: false })
  @sent('isExam')
  @IsBoolean()
  isExam?: boolean;

  @ApiPropertyOptional({ description: 'One of this learner\'s trajectories' })
  @IsOptional()
  @IsUUID()
  trajectoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
