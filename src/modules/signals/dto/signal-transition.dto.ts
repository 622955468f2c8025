import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
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
