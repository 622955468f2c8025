import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';

/** A SPIL period (both days inclusive, in REPORT_TIMEZONE) and optionally one municipality. */
export class SpilReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One municipality; left out: every municipality plus the region total (a municipality user always gets its own)' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiProperty({ example: '2025-01-01', description: 'First day of the period (inclusive)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2025-03-31', description: 'Last day of the period (inclusive); at most 3 years after from' })
  @IsCalendarDate()
  to!: string;
}
