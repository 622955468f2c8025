import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CEFR_LEVELS, SKILLS } from '../../../common/domain/vocabulary';

/** An assessment as the API returns it. */
export class AssessmentDto {
  id: string;
  learnerId: string;
  trajectoryId: string | null;
  @ApiProperty({ enum: SKILLS }) skill: string;
  @ApiProperty({ example: '2025-03-14' }) date: string;
  instrument: string;
  @ApiPropertyOptional({ enum: CEFR_LEVELS, nullable: true }) level: string | null;
  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 6 }) levelIndex: number | null;
  passed: boolean | null;
  isExam: boolean;
  assessorId: string | null;
  assessorName: string | null;
  note: string | null;
  createdAt: Date;
}

export class AssessmentPageDto {
  @ApiProperty({ type: [AssessmentDto] }) items: AssessmentDto[];
  total: number;
  page: number;
  pageSize: number;
}

export class SkillLevelDto {
  @ApiProperty({ enum: SKILLS }) skill: string;
  @ApiProperty({ enum: ['cefr', 'pass_fail'] }) scale: string;
  @ApiPropertyOptional({ enum: CEFR_LEVELS, nullable: true, description: 'Instroomniveau (language skills)' }) intake: string | null;
  @ApiPropertyOptional({ enum: CEFR_LEVELS, nullable: true, description: 'Level at the date: highest passed level on or before it, never below intake' }) current: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Streefniveau: a CEFR level, or "pass" for knm/map/ona' }) target: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'index(current) − index(intake)' }) gain: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Pass/fail skills: passed on or before the date' }) passed: boolean | null;
  @ApiPropertyOptional({ nullable: true, description: 'Target reached at the date; null without a target' }) reached: boolean | null;
}

export class LearnerLevelsDto {
  learnerId: string;
  @ApiProperty({ example: '2025-06-30' }) date: string;
  @ApiPropertyOptional({ nullable: true, description: 'Trajectory the targets come from' }) trajectoryId: string | null;
  @ApiProperty({ type: [SkillLevelDto] }) skills: SkillLevelDto[];
}
