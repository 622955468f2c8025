import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { PageQueryDto } from '../../../common/http/page-query.dto';

/** A period of lesson dates, both inclusive. */
export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First lesson date (inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last lesson date (inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class MissingRegistersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First lesson date (inclusive); default: no lower bound' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-03-31', description: 'Last lesson date (inclusive); default and at most: today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Teacher responsible: the lesson\'s teacher, else the group\'s teachers' })
  @IsOptional()
  @IsUUID()
  teacherId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  groupId?: string;
}
