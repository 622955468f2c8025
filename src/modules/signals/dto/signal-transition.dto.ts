import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';

/** Every transition names the version it was based on (stale → 409). */
export class SignalVersionDto {
  @ApiProperty({ example: 1, description: 'The version you read' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ReportSignalDto extends SignalVersionDto {
  @ApiProperty({ example: '2025-03-10', description: 'Date the signal was reported to the municipality (gemeld aan de gemeente op)' })
  @IsDateString({ strict: true })
  reportedToMunicipalityOn: string;
}

export class SignalNoteDto extends SignalVersionDto {
  @ApiProperty({ example: 'Spoken with the learner; absence explained' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}
