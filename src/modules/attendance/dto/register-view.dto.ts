import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiNameLatin } from '../../../common/domain/latin-name';

export class RegisterLessonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty() groupCode: string;
  @ApiProperty() groupName: string;
  @ApiProperty({ example: '2025-03-03' }) date: string;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: ['physical', 'online'] }) mode: string;
  @ApiProperty() cancelled: boolean;
  @ApiPropertyOptional({ nullable: true }) cancelReason: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) teacherId: string | null;
  @ApiProperty({ description: 'The lesson has not started yet: only absence reported in advance can be recorded' }) inFuture: boolean;
}

export class AttendanceRecordViewDto {
  @ApiProperty({ enum: ['present', 'late', 'absent_authorised', 'absent_unauthorised'] }) status: string;
  @ApiProperty() minutesLate: number;
  @ApiProperty() attendedMinutes: number;
  @ApiPropertyOptional({ nullable: true }) absenceReason: string | null;
  @ApiProperty() reportedInAdvance: boolean;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) recordedBy: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Display name of the user who saved the record' }) recordedByName: string | null;
  @ApiProperty() recordedAt: Date;
}

export class RegisterLineDto {
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty() learnerNumber: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiNameLatin() nameLatin: string | null;
  @ApiPropertyOptional({ type: AttendanceRecordViewDto, nullable: true, description: 'null: nothing recorded yet' })
  record: AttendanceRecordViewDto | null;
}

export class RegisterViewDto {
  @ApiProperty({ type: RegisterLessonDto }) lesson: RegisterLessonDto;
  @ApiProperty({ type: [RegisterLineDto], description: 'Learners enrolled in the group on the lesson date' }) learners: RegisterLineDto[];
}

export class RaisedSignalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ enum: ['R1', 'R2'] }) rule: string;
  @ApiProperty({ example: '2025-03-07' }) triggeredOn: string;
}

/** The answer to saving a register: the saved register and the absence signals the save raised. */
export class SavedRegisterDto extends RegisterViewDto {
  @ApiProperty({ type: [RaisedSignalDto], description: 'Absence signals (R1/R2) raised by this save; empty when none fired' })
  signalsRaised: RaisedSignalDto[];
}
