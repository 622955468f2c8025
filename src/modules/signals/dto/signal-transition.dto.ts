import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';

/** Every transition names the version it was based on (stale → 409). */
export class SignalVersionDto {
  @ApiProperty({ example: 1, description: 'The version you read' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ReportSignalDto extends SignalVersionDto {
  @ApiProperty({ example: '2025-03-10', description: 'Date the signal was reported to the municipality (gemeld aan de gemeente op)' })
  @IsCalendarDate()
  reportedToMunicipalityOn: string;
}

export class SignalNoteDto extends SignalVersionDto {
  @ApiProperty({ example: 'Spoken with the learner; absence explained' })
  @IsString()
  @Matches(/\S/, { message: 'note must not be empty or blank' })
  @MaxLength(2000)
  note: string;
}

/** Closing needs the day it was reported to the municipality (already recorded, or given here) or why it was not. */
export class CloseSignalDto extends SignalNoteDto {
  @ApiPropertyOptional({ example: '2025-03-10', description: 'Date it was reported to the municipality, when not recorded before' })
  @IsOptional()
  @IsCalendarDate()
  reportedToMunicipalityOn?: string;

  @ApiPropertyOptional({ example: 'Afwezigheid verklaard; deelnemer weer aanwezig', description: 'Why it was not reported to the municipality' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'notReportedReason must not be empty or blank' })
  @MaxLength(2000)
  notReportedReason?: string;
}
