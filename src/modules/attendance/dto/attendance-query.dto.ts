import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';

/** A period of lesson dates, both inclusive. */
export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First lesson date (inclusive)' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last lesson date (inclusive)' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class MissingRegistersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First lesson date (inclusive); default: no lower bound' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2025-03-31', description: 'Last lesson date (inclusive); default and at most: today' })
  @IsOptional()
  @IsDateString({ strict: true })
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
