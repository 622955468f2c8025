import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';

export class LevelsQueryDto {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'Levels on this day (inclusive); default today (Europe/Amsterdam)' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}
