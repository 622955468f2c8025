import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import {
  EmailField,
  IfPresent,
  IntakeLevelsField,
  IsBsn,
  LearnerNumberField,
  NameField,
  OptionalText,
  PhoneField,
  PostalCodeField,
} from './learner-fields';
import { IntakeLevelsDto } from './intake-levels.dto';

/** Only the fields sent change; nullable fields (contact details, bsn) are cleared with null. */
export class UpdateLearnerDto {
  @ApiProperty({ example: 1, description: 'The version you read; a stale version is a 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IfPresent()
  @LearnerNumberField()
  learnerNumber?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @NameField()
  firstName?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @NameField()
  lastName?: string;

  @ApiPropertyOptional({ example: '1990-05-17' })
  @IfPresent()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({ nullable: true })
  @EmailField()
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @PhoneField()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(200)
  street?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @PostalCodeField()
  postalCode?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(100)
  city?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(100)
  countryOfOrigin?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText(100)
  nativeLanguage?: string | null;

  @ApiPropertyOptional({ example: '2025-01-06' })
  @IfPresent()
  @IsCalendarDate()
  intakeDate?: string;

  @ApiPropertyOptional({ type: IntakeLevelsDto, description: 'Replaces the intake levels as a whole' })
  @IfPresent()
  @IntakeLevelsField(() => IntakeLevelsDto)
  intakeLevels?: IntakeLevelsDto;

  @ApiPropertyOptional({ nullable: true, description: 'A new BSN, or null to remove it' })
  @IsOptional()
  @IsBsn()
  bsn?: string | null;
}
