import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { LESSON_MODES, LessonMode } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { NotBlank, SingleLine } from '../../../common/http/text-fields';
import { COLLEGE_TIME_ZONE } from '../../../config/time-zones';

/** Validate only when the key is present: a PATCH may leave a field out, but null would clear a required column. */
const IfPresent = () => ValidateIf((_o, v) => v !== undefined);

export const TIME_HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class ScheduleSlotDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday', example: 1 })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ example: '09:00', description: `Local start time (${COLLEGE_TIME_ZONE}), HH:MM` })
  @IsString()
  @Matches(TIME_HHMM, { message: 'startTime must be a time HH:MM (00:00–23:59)' })
  startTime: string;

  @ApiProperty({ minimum: 1, maximum: 720, example: 180 })
  @IsInt()
  @Min(1)
  @Max(720)
  minutes: number;

  @ApiPropertyOptional({ enum: LESSON_MODES, default: 'physical' })
  @IsOptional()
  @IsIn(LESSON_MODES)
  mode?: LessonMode;
}

export class CreateGroupDto {
  @ApiProperty({ example: 'ENS-B1-2025A', description: 'Unique group code' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, { message: 'code may contain letters, digits, dot, dash, underscore and slash' })
  @MaxLength(40)
  code: string;

  @ApiProperty({ example: 'B1-route Enschede ochtend' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @NotBlank()
  @SingleLine()
  name: string;

  @ApiProperty({ example: 'Enschede, Gronausestraat 1' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  @SingleLine()
  location: string;

  @ApiPropertyOptional({ description: 'Municipality where the group is held' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiProperty()
  @IsUUID()
  productId: string;

  @ApiProperty({ minimum: 1, maximum: 500, example: 16 })
  @IsInt()
  @Min(1)
  @Max(500)
  capacity: number;

  @ApiProperty({ example: '2025-01-06' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ example: '2025-12-19', description: 'On or after startDate; empty = open-ended' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ type: [String], description: 'Users with role teacher' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teacherIds?: string[];

  @ApiPropertyOptional({ type: [ScheduleSlotDto], description: 'Weekly schedule ("rooster")' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => ScheduleSlotDto)
  schedule?: ScheduleSlotDto[];
}

export class UpdateGroupDto {
  @ApiProperty({ description: 'The version you read; a stale version answers 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, { message: 'code may contain letters, digits, dot, dash, underscore and slash' })
  @MaxLength(40)
  code?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @NotBlank()
  @SingleLine()
  name?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  @SingleLine()
  location?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  municipalityId?: string | null;

  @ApiPropertyOptional()
  @IfPresent()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500 })
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(500)
  capacity?: number;

  @ApiPropertyOptional()
  @IfPresent()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the teachers' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teacherIds?: string[];

  @ApiPropertyOptional({ type: [ScheduleSlotDto], description: 'Replaces the weekly schedule (lessons already generated stay)' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => ScheduleSlotDto)
  schedule?: ScheduleSlotDto[];
}

export class GroupQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ description: 'Groups this teacher teaches' })
  @IsOptional()
  @IsUUID()
  teacherId?: string;

  @ApiPropertyOptional({ description: 'Part of the location' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  location?: string;

  @ApiPropertyOptional({ description: 'Part of the code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  search?: string;
}

export class ScheduleSlotView {
  @ApiProperty() id: string;
  @ApiProperty() weekday: number;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: LESSON_MODES }) mode: string;
}

export class GroupTeacherView {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

export class GroupView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() location: string;
  @ApiPropertyOptional({ nullable: true }) municipalityId: string | null;
  @ApiProperty() productId: string;
  @ApiProperty() productName: string;
  @ApiProperty({ type: [GroupTeacherView] }) teachers: GroupTeacherView[];
  @ApiProperty() capacity: number;
  @ApiProperty() startDate: string;
  @ApiPropertyOptional({ nullable: true }) endDate: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ description: `Enrolments that include today (${COLLEGE_TIME_ZONE})` }) enrolledCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class GroupDetailView extends GroupView {
  @ApiProperty({ type: [String] }) teacherIds: string[];
  @ApiProperty({ type: [ScheduleSlotView] }) schedule: ScheduleSlotView[];
}
