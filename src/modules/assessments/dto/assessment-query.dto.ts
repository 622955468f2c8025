import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { Skill, SKILLS } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AssessmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SKILLS })
  @IsOptional()
  @IsIn(SKILLS)
  skill?: Skill;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'Assessments on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Assessments on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'true: exams only; false: no exams' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  isExam?: boolean;
}
