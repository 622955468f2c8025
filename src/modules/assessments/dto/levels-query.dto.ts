import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { COLLEGE_TIME_ZONE } from '../../../config/time-zones';

export class LevelsQueryDto {
  @ApiPropertyOptional({ example: '2025-06-30', description: `Levels on this day (inclusive); default today (${COLLEGE_TIME_ZONE})` })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}
