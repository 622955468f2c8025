import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';

export class CreateProgressNoteDto {
  @ApiProperty({ example: '2025-03-10', description: 'Day of the voortgangsgesprek; not in the future' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Goede voortgang bij lezen; spreken blijft lastig.' })
  @IsString()
  @Matches(/\S/, { message: 'summary must not be empty or blank' })
  @MaxLength(10000)
  summary: string;

  @ApiPropertyOptional({ example: 'Twee keer per week oefenen met de taalmaatje.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  agreements?: string;

  @ApiPropertyOptional({ example: '2025-04-10', description: 'On or after date' })
  @IsOptional()
  @IsCalendarDate()
  followUpDate?: string;
}

/** Omitted fields stay as they are; agreements and followUpDate may be set to null to clear them. */
export class UpdateProgressNoteDto {
  @ApiPropertyOptional({ example: '2025-03-10' })
  @ValidateIf((o: UpdateProgressNoteDto) => o.date !== undefined)
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: UpdateProgressNoteDto) => o.summary !== undefined)
  @IsString()
  @Matches(/\S/, { message: 'summary must not be empty or blank' })
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  agreements?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2025-04-10' })
  @IsOptional()
  @IsCalendarDate()
  followUpDate?: string | null;
}

export class ProgressNoteDto {
  id: string;
  trajectoryId: string;
  @ApiProperty({ example: '2025-03-10' }) date: string;
  summary: string;
  agreements: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2025-04-10' }) followUpDate: string | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

export class ProgressNotePageDto {
  @ApiProperty({ type: [ProgressNoteDto] }) items: ProgressNoteDto[];
  total: number;
  page: number;
  pageSize: number;
}
