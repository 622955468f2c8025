import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { LESSON_MODES, LessonMode } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { FreeText, NotBlank, SingleLine } from '../../../common/http/text-fields';
import { REGISTER_STATES } from '../lesson-register-state';

export class GenerateLessonsDto {
  @ApiProperty({ example: '2025-01-06' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2025-06-27', description: 'Inclusive; at most 2 years after from' })
  @IsCalendarDate()
  to: string;
}

export class GenerateLessonsResultDto {
  @ApiProperty() groupId: string;
  @ApiProperty({ description: 'The range actually used (clipped to the group period)' }) from: string;
  @ApiProperty() to: string;
  @ApiProperty() created: number;
  @ApiProperty({ description: 'Lessons of the schedule in the range that already existed' }) existing: number;
}

export class LessonQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ description: 'Lessons on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Lessons on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Lessons this teacher gives (the lesson teacher, else the group teachers)' })
  @IsOptional()
  @IsUUID()
  teacherId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  cancelled?: boolean;

  @ApiPropertyOptional({ description: "Part of the group's location (case is ignored)", example: 'Gronausestraat' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  location?: string;
}

export class CancelLessonDto {
  @ApiProperty({ example: 'Docent ziek' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @NotBlank()
  @FreeText()
  reason: string;
}

export class UpdateLessonDto {
  @ApiPropertyOptional({ enum: LESSON_MODES })
  @IsOptional()
  @IsIn(LESSON_MODES)
  mode?: LessonMode;

  @ApiPropertyOptional({ nullable: true, description: 'A user with role teacher; null = the group teachers' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  teacherId?: string | null;
}

export class LessonView {
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty() groupCode: string;
  @ApiProperty() groupName: string;
  @ApiProperty() date: string;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: LESSON_MODES }) mode: string;
  @ApiProperty() cancelled: boolean;
  @ApiPropertyOptional({ nullable: true }) cancelReason: string | null;
  @ApiPropertyOptional({ nullable: true }) teacherId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ example: 'Enschede, Gronausestraat 1', description: "The group's location" }) location: string;
  @ApiPropertyOptional({ nullable: true, description: "The lesson's own teacher, else the group's teachers (comma-separated)" })
  teacherName: string | null;
  @ApiProperty({ description: 'Learners enrolled in the group on the lesson date' }) expectedLearners: number;
  @ApiProperty({ description: 'Of those, learners with a record for the lesson (a register line or absence reported in advance)' })
  recordedLearners: number;
  @ApiProperty({
    enum: REGISTER_STATES,
    description:
      'The register ("ingevuld"): cancelled; upcoming (not started); complete (every expected learner recorded, or none expected); ' +
      'in_progress (started and not over: not missing yet); once over, missing (nothing recorded) or partial',
  })
  registerState: string;
}

export class LessonFilterGroupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() location: string;
}

export class LessonFilterTeacherDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** What the lessons page offers to filter on, within the caller's groups. */
export class LessonFilterOptionsDto {
  @ApiProperty({ type: [LessonFilterGroupDto] }) groups: LessonFilterGroupDto[];
  @ApiProperty({ type: [LessonFilterTeacherDto], description: "Teachers of those groups and of their lessons" }) teachers: LessonFilterTeacherDto[];
  @ApiProperty({ type: [String], description: 'Distinct locations of those groups' }) locations: string[];
}
