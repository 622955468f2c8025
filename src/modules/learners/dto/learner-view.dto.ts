import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fieldNote } from '../../../common/auth/field-visibility';
import { MunicipalityRefDto } from '../../municipalities/dto/municipality-ref.dto';
import { IntakeLevelsDto } from './intake-levels.dto';
import { ApiNameLatin } from '../../../common/domain/latin-name';

const BASE = fieldNote('learner.base');
const CONTACT = fieldNote('learner.contact');
const BACKGROUND = fieldNote('learner.background');

/** A learner as the API shows it: the BSN only masked, never the full value; fields by role (field-visibility.ts). */
export class LearnerViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'L000123' }) learnerNumber: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiNameLatin() nameLatin: string | null;
  @ApiPropertyOptional({ example: '1990-05-17', description: BASE }) dateOfBirth?: string;
  @ApiProperty() municipalityId: string;
  @ApiProperty({ type: MunicipalityRefDto, description: 'Municipality of residence' }) municipality: MunicipalityRefDto;
  @ApiPropertyOptional({ nullable: true, type: String, description: CONTACT }) email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: CONTACT }) phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: CONTACT }) street?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: CONTACT }) postalCode?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: CONTACT }) city?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: BACKGROUND }) countryOfOrigin?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: BACKGROUND }) nativeLanguage?: string | null;
  @ApiPropertyOptional({ example: '2025-01-06', description: BASE }) intakeDate?: string;
  @ApiPropertyOptional({ type: IntakeLevelsDto, description: BASE }) intakeLevels?: IntakeLevelsDto;
  @ApiPropertyOptional({ nullable: true, type: String, example: '*****2782', description: `null: no BSN known. ${fieldNote('learner.bsn')}` }) bsnMasked?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: `The learner's own login, if any. ${fieldNote('learner.account')}` }) userId?: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class LearnerPageDto {
  @ApiProperty({ type: [LearnerViewDto] }) items: LearnerViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
