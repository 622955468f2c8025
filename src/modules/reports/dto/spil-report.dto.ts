import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COLLEGE_TIME_ZONE } from '../../../config/time-zones';

export class SpilIndicatorDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null when the denominator of a rate is 0' }) value: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The contract target (rates as fractions); null without one' }) target: number | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'dropout_rate: value ≤ target; others: value ≥ target; null without target or value' }) met: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) numerator: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) denominator: number | null;
}

export class SpilMunicipalityRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Enschede' }) name: string;
  @ApiProperty({ example: 'GM0153' }) cbsCode: string;
}

export class SpilReportPartDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Keyed by the DOMAIN.md names (in_scope, started, ..., z_route); each { value, target, met, numerator, denominator }; ' +
      'dropouts_by_reason, level_gain and certificates_issued are objects of such indicators',
  })
  indicators: Record<string, unknown>;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Per calendar month (clipped): attendance_rate, attended_hours, started, completed, dropped_out' })
  monthly: Record<string, unknown>[];
}

export class SpilMunicipalityReportDto extends SpilReportPartDto {
  @ApiProperty({ type: SpilMunicipalityRefDto }) municipality: SpilMunicipalityRefDto;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true, description: 'The contract valid on the last day of the period, whose targets apply' })
  contract: Record<string, unknown> | null;
}

export class SpilReportDto {
  @ApiProperty({ example: '2025-01-01' }) from: string;
  @ApiProperty({ example: '2025-03-31' }) to: string;
  @ApiProperty({ example: '2025-04-15' }) today: string;
  @ApiProperty({ example: COLLEGE_TIME_ZONE }) timeZone: string;
  @ApiProperty({ type: [SpilMunicipalityReportDto] }) municipalities: SpilMunicipalityReportDto[];
  @ApiPropertyOptional({ nullable: true, type: SpilReportPartDto, description: 'Region total (only when no municipality was chosen, never for a municipality user)' })
  total: SpilReportPartDto | null;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Every definition, in Dutch' })
  definitions: Record<string, unknown>[];
  @ApiProperty({ type: [String] }) notes: string[];
}
