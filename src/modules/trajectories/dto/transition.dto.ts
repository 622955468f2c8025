import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { DROPOUT_REASONS, DropoutReason } from '../../../common/domain/vocabulary';
import { FreeText } from '../../../common/http/text-fields';
import { IsOptionalNotNull } from '../trajectory-dates';

/** activate, suspend, resume: only the version you read. */
export class TransitionDto {
  @ApiProperty({ minimum: 1, description: 'The version you read; a stale version is a 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class CompleteTrajectoryDto extends TransitionDto {
  @ApiProperty({ format: 'date', description: 'On or after the start date, not in the future' })
  @IsCalendarDate()
  endDate: string;
}

export class DropOutTrajectoryDto extends TransitionDto {
  @ApiProperty({ format: 'date', description: 'Dropout date: on or after the start date, not in the future' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: DROPOUT_REASONS })
  @IsIn(DROPOUT_REASONS)
  reason: DropoutReason;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required when reason is other' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @FreeText()
  note?: string;
}
