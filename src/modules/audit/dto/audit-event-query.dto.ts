import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SingleLine } from '../../../common/http/text-fields';
import { PageQueryDto } from '../../../common/http/page-query.dto';

export class AuditEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Record type, e.g. learner' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @SingleLine()
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @SingleLine()
  entityId?: string;

  @ApiPropertyOptional({ description: 'The user who acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail of the user who acted' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  actor?: string;

  @ApiPropertyOptional({ description: 'e.g. create, update, bsn.reveal; a prefix before a dot also matches: status finds status.activate, status.suspend, ...' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @SingleLine()
  action?: string;

  @ApiPropertyOptional({ description: 'From this instant (ISO 8601); a date alone: from the start of that day (REPORT_TIMEZONE)' })
  @IsOptional()
  // strict: 2025-02-30 is refused here instead of failing in PostgreSQL.
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or date-time that exists' })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (ISO 8601); a date alone: up to the end of that day (REPORT_TIMEZONE)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or date-time that exists' })
  to?: string;
}
