import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class GridGroupDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class GridLessonDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: ['physical', 'online'] }) mode: string;
  @ApiProperty() cancelled: boolean;
}

export class GridCellDto {
  @ApiProperty() lessonId: string;
  @ApiProperty({ description: 'Whether the learner was enrolled on the lesson date' }) enrolled: boolean;
  @ApiPropertyOptional({ enum: ['present', 'late', 'absent_authorised', 'absent_unauthorised'], nullable: true }) status: string | null;
  @ApiPropertyOptional({ nullable: true }) minutesLate: number | null;
  @ApiPropertyOptional({ nullable: true }) attendedMinutes: number | null;
  @ApiPropertyOptional({ nullable: true }) reportedInAdvance: boolean | null;
}

export class GridRowDto {
  @ApiProperty() learnerId: string;
  @ApiProperty() learnerNumber: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() registeredMinutes: number;
  @ApiProperty() attendedMinutes: number;
  @ApiProperty({ type: [GridCellDto], description: 'One cell per lesson, in the order of `lessons`' }) cells: GridCellDto[];
}

/** Lesson × learner grid of a group over a period. */
export class AttendanceGridDto {
  @ApiProperty({ type: GridGroupDto }) group: GridGroupDto;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [GridLessonDto] }) lessons: GridLessonDto[];
  @ApiProperty({ type: [GridRowDto] }) learners: GridRowDto[];
}

export class MissingRegisterLessonDto {
  @ApiProperty() lessonId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ description: 'Enrolled learners expected on the register' }) expected: number;
  @ApiProperty() recorded: number;
  @ApiProperty() missing: number;
}

/** Lessons without a (complete) register, per responsible teacher and group. */
export class MissingRegisterGroupDto {
  @ApiPropertyOptional({ nullable: true }) teacherId: string | null;
  @ApiPropertyOptional({ nullable: true }) teacherName: string | null;
  @ApiProperty() groupId: string;
  @ApiProperty() groupCode: string;
  @ApiProperty() groupName: string;
  @ApiProperty() lessonCount: number;
  @ApiProperty() missingRecords: number;
  @ApiProperty({ format: 'date' }) oldestLessonDate: string;
  @ApiProperty({ type: [MissingRegisterLessonDto] }) lessons: MissingRegisterLessonDto[];
}
