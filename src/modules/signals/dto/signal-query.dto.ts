import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { SIGNAL_RULES, SIGNAL_STATUSES } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';

export class SignalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SIGNAL_STATUSES })
  @IsOptional()
  @IsIn(SIGNAL_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: SIGNAL_RULES })
  @IsOptional()
  @IsIn(SIGNAL_RULES)
  rule?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A municipality user always sees only its own' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  trajectoryId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  learnerId?: string;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'Triggered on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Triggered on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only signals over tijd (true) or not (false); see overdue' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
