import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MunicipalityRefDto } from '../../municipalities/dto/municipality-ref.dto';
import { IntakeLevelsDto } from './intake-levels.dto';

/** A learner as the API shows it: the BSN only masked, never the full value. */
export class LearnerViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'L000123' }) learnerNumber: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ example: '1990-05-17' }) dateOfBirth: string;
  @ApiProperty() municipalityId: string;
  @ApiProperty({ type: MunicipalityRefDto, description: 'Municipality of residence' }) municipality: MunicipalityRefDto;
  @ApiPropertyOptional({ nullable: true }) email: string | null;
  @ApiPropertyOptional({ nullable: true }) phone: string | null;
  @ApiPropertyOptional({ nullable: true }) street: string | null;
  @ApiPropertyOptional({ nullable: true }) postalCode: string | null;
  @ApiPropertyOptional({ nullable: true }) city: string | null;
  @ApiPropertyOptional({ nullable: true }) countryOfOrigin: string | null;
  @ApiPropertyOptional({ nullable: true }) nativeLanguage: string | null;
  @ApiProperty({ example: '2025-01-06' }) intakeDate: string;
  @ApiProperty({ type: IntakeLevelsDto }) intakeLevels: IntakeLevelsDto;
  @ApiPropertyOptional({ nullable: true, example: '*****2782' }) bsnMasked: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The learner\'s own login, if any' }) userId: string | null;
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
