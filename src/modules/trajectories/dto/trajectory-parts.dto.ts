import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CEFR_LEVELS, PASS } from '../../../common/domain/vocabulary';
import { FreeText } from '../../../common/http/text-fields';
import { IsOptionalNotNull } from '../trajectory-dates';

const TEXT_MAX = 2000;

/** Target per skill: a CEFR level for the language skills, 'pass' for knm, map and ona. */
export class TargetLevelsDto {
  @ApiPropertyOptional({ enum: CEFR_LEVELS }) @IsOptionalNotNull() @IsIn(CEFR_LEVELS) reading?: string;
  @ApiPropertyOptional({ enum: CEFR_LEVELS }) @IsOptionalNotNull() @IsIn(CEFR_LEVELS) listening?: string;
  @ApiPropertyOptional({ enum: CEFR_LEVELS }) @IsOptionalNotNull() @IsIn(CEFR_LEVELS) writing?: string;
  @ApiPropertyOptional({ enum: CEFR_LEVELS }) @IsOptionalNotNull() @IsIn(CEFR_LEVELS) speaking?: string;
  @ApiPropertyOptional({ enum: [PASS] }) @IsOptionalNotNull() @IsIn([PASS]) knm?: string;
  @ApiPropertyOptional({ enum: [PASS] }) @IsOptionalNotNull() @IsIn([PASS]) map?: string;
  @ApiPropertyOptional({ enum: [PASS] }) @IsOptionalNotNull() @IsIn([PASS]) ona?: string;
}

/** A goal per portfolio competence domain (COMPETENCE_DOMAINS). */
export class CompetenceGoalsDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() work?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() parenting?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() health_care?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() education?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() knowledge_of_society?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() citizenship?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() housing?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() neighbourhood?: string;
}

/** Trajectplan: goals per competence domain and the agreements made. */
export class TrajectoryPlanDto {
  @ApiPropertyOptional({ type: CompetenceGoalsDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => CompetenceGoalsDto)
  goals?: CompetenceGoalsDto;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(4000)
  @FreeText()
  agreements?: string;
}

/** One column of the integration agreement, per life area. */
export class AgreementTopicsDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() sport?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() culture?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() religion?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() work?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @MaxLength(TEXT_MAX) @FreeText() housing?: string;
}

/** Integratieafspraken: wishes, needs and abilities (wensen, behoeften, mogelijkheden). */
export class IntegrationAgreementDto {
  @ApiPropertyOptional({ type: AgreementTopicsDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementTopicsDto)
  wishes?: AgreementTopicsDto;

  @ApiPropertyOptional({ type: AgreementTopicsDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementTopicsDto)
  needs?: AgreementTopicsDto;

  @ApiPropertyOptional({ type: AgreementTopicsDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementTopicsDto)
  abilities?: AgreementTopicsDto;
}
