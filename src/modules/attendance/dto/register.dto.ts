import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ATTENDANCE_STATUSES } from '../../../common/domain/vocabulary';

/** One learner's line in a register; validated per entry by the service so errors read `entries[2].learnerId`. */
export class RegisterEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  learnerId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, description: 'aanwezig / te laat / geoorloofd afwezig / ongeoorloofd afwezig' })
  @IsIn(ATTENDANCE_STATUSES)
  status: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Required (> 0, ≤ lesson minutes) for status late; omit otherwise' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  minutesLate?: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'Required for absent_authorised; allowed for absences only' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  absenceReason?: string;
}

export class SaveRegisterDto {
  @ApiProperty({ type: [RegisterEntryDto], description: 'The whole register: learners left out lose their record (except absence reported in advance)' })
  @IsArray()
  @ArrayMaxSize(500)
  entries: RegisterEntryDto[];
}

export class AdvanceAbsenceDto {
  @ApiProperty({ format: 'uuid', description: 'A learner may report only itself' })
  @IsUUID()
  learnerId: string;

  @ApiProperty({ maxLength: 500, example: 'Doktersafspraak' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be empty or blank' })
  @MaxLength(500)
  reason: string;
}
