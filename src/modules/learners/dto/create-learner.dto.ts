import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { IsOptional, IsUUID } from 'class-validator';
import {
  EmailField,
  IntakeLevelsField,
  IsBsn,
  LearnerNumberField,
  NameField,
  OptionalText,
  PhoneField,
  PostalCodeField,
} from './learner-fields';
import { IntakeLevelsDto } from './intake-levels.dto';

export class CreateLearnerDto {
  @ApiPropertyOptional({ example: 'L000123', description: 'Generated (L + 6 digits) when left out' })
  @IsOptional()
  @LearnerNumberField()
  learnerNumber?: string;

  @ApiProperty({ example: 'Ольга', description: 'Any script' })
  @NameField()
  firstName: string;

  @ApiProperty({ example: 'Çelik' })
  @NameField()
  lastName: string;

  @ApiProperty({ example: '1990-05-17', description: 'Not in the future' })
  @IsCalendarDate()
  dateOfBirth: string;

  @ApiProperty({ description: 'Municipality of residence' })
  @IsUUID()
  municipalityId: string;

  @ApiPropertyOptional({ example: 'olga@example.nl' })
  @EmailField()
  email?: string | null;

  @ApiPropertyOptional({ example: '+31 6 12345678' })
  @PhoneField()
  phone?: string | null;

  @ApiPropertyOptional({ example: 'Gronausestraat 12' })
  @OptionalText(200)
  street?: string | null;

  @ApiPropertyOptional({ example: '7511 AB' })
  @PostalCodeField()
  postalCode?: string | null;

  @ApiPropertyOptional({ example: 'Enschede' })
  @OptionalText(100)
  city?: string | null;

  @ApiPropertyOptional({ example: 'Oekraïne' })
  @OptionalText(100)
  countryOfOrigin?: string | null;

  @ApiPropertyOptional({ example: 'Oekraïens' })
  @OptionalText(100)
  nativeLanguage?: string | null;

  @ApiProperty({ example: '2025-01-06' })
  @IsCalendarDate()
  intakeDate: string;

  @ApiPropertyOptional({ type: IntakeLevelsDto })
  @IsOptional()
  @IntakeLevelsField(() => IntakeLevelsDto)
  intakeLevels?: IntakeLevelsDto;

  @ApiPropertyOptional({ example: '111222333', description: 'BSN: 9 digits passing the 11-test; stored encrypted, shown masked' })
  @IsOptional()
  @IsBsn()
  bsn?: string | null;
}
