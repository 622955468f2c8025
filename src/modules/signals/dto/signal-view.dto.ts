import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiNameLatin } from '../../../common/domain/latin-name';

export class SignalViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty() learnerNumber: string;
  @ApiProperty() learnerName: string;
  @ApiNameLatin() learnerNameLatin: string | null;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ example: 'Enschede' }) municipalityName: string;
  @ApiProperty({ enum: ['R1', 'R2'] }) rule: string;
  @ApiProperty({ enum: ['registered', 'in_progress', 'closed', 'withdrawn'] }) status: string;
  @ApiProperty({ example: '2025-03-07', description: 'Date of the lesson that made the rule fire' }) triggeredOn: string;
  @ApiProperty({ description: 'What fired it: lesson ids (R1) or minutes in the window (R2), thresholds applied' }) details: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, example: '2025-03-10' }) reportedToMunicipalityOn: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Why the signal was closed without reporting it to the municipality' })
  notReportedReason: string | null;
  @ApiProperty({ example: '2025-03-17', description: 'Last day to report it on time: the 5th working day (Monday to Friday) after the day it was raised' })
  reportDueOn: string;
  @ApiProperty({ example: 3, description: 'Days since it was raised (calendar days, college time zone)' }) ageDays: number;
  @ApiProperty({
    description: 'Over tijd: not reported within 5 working days of being raised (reported after reportDueOn, or open and still unreported after it); never for a withdrawn signal or one closed with notReportedReason',
  })
  overdue: boolean;
  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'Who last moved the signal on' }) handledBy: string | null;
  @ApiPropertyOptional({ nullable: true }) handledAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiProperty() version: number;
  @ApiProperty() raisedAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class SignalLessonDto {
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty({ example: '2025-03-07' }) date: string;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty() groupCode: string;
}

export class SignalDetailDto extends SignalViewDto {
  @ApiProperty({
    type: [SignalLessonDto],
    description: 'The lessons behind it, by date: R1 the run of absences it names, R2 the unauthorised absences in its window',
  })
  lessons: SignalLessonDto[];
}

export class SignalPageDto {
  @ApiProperty({ type: [SignalViewDto] }) items: SignalViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
