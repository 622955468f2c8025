import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { NotBlank, SingleLine } from '../../../common/http/text-fields';
import { IsOptionalNotNull } from '../../trajectories/trajectory-dates';
import { NETWORK_THEMES, NetworkTheme, PARTNER_KINDS, PartnerKind } from '../network-vocabulary';

export class CreatePartnerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() municipalityId: string;

  @ApiProperty({ example: 'Voetbalvereniging Rigtersbleek', maxLength: 200 })
  @IsString() @NotBlank() @SingleLine() @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PARTNER_KINDS }) @IsIn(PARTNER_KINDS) kind: PartnerKind;

  @ApiPropertyOptional({ enum: NETWORK_THEMES, isArray: true, default: [] })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(NETWORK_THEMES.length) @IsIn(NETWORK_THEMES, { each: true })
  themes?: NetworkTheme[];

  @ApiPropertyOptional({ nullable: true, maxLength: 200 }) @IsOptional() @IsString() @SingleLine() @MaxLength(200) contactName?: string | null;
  @ApiPropertyOptional({ nullable: true, maxLength: 254 }) @IsOptional() @IsEmail() @MaxLength(254) contactEmail?: string | null;
  @ApiPropertyOptional({ nullable: true, maxLength: 30 }) @IsOptional() @IsString() @SingleLine() @MaxLength(30) contactPhone?: string | null;
  @ApiPropertyOptional({ nullable: true, maxLength: 300 }) @IsOptional() @IsString() @SingleLine() @MaxLength(300) address?: string | null;
  @ApiPropertyOptional({ default: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
}

export class UpdatePartnerDto extends PartialType(CreatePartnerDto) {
  @ApiProperty({ minimum: 1, description: 'The version you read; a stale version is a 409' })
  @IsInt() @Min(1)
  version: number;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Sort fields: name (default), kind, createdAt. */
export class PartnerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name, contact person or address (case-insensitive)' })
  @IsOptional() @IsString() @MaxLength(100) @SingleLine()
  search?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() municipalityId?: string;
  @ApiPropertyOptional({ enum: PARTNER_KINDS }) @IsOptional() @IsIn(PARTNER_KINDS) kind?: PartnerKind;
  @ApiPropertyOptional({ enum: NETWORK_THEMES }) @IsOptional() @IsIn(NETWORK_THEMES) theme?: NetworkTheme;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(toBool) @IsBoolean() active?: boolean;
}

export class MunicipalityRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() cbsCode: string;
}

export class PartnerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ type: MunicipalityRef }) municipality: MunicipalityRef;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: string;
  @ApiProperty({ enum: NETWORK_THEMES, isArray: true }) themes: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) contactName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactEmail: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactPhone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class PartnerPageDto {
  @ApiProperty({ type: [PartnerView] }) items: PartnerView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
