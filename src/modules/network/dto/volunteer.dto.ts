import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { NotBlank, SingleLine } from '../../../common/http/text-fields';
import { IsOptionalNotNull } from '../../trajectories/trajectory-dates';

export class CreateVolunteerDto {
  @ApiProperty({ example: 'Fatima el Idrissi', maxLength: 200 })
  @IsString() @NotBlank() @SingleLine() @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @SingleLine() @MaxLength(30) phone?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['Nederlands', 'Arabisch'] })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/\S/, { each: true, message: "each language must not be blank" }) @Matches(/^[^\u0000-\u001F\u007F]*$/, { each: true, message: "languages must not contain control characters" }) @MaxLength(60, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ nullable: true, example: 'dinsdag- en donderdagmiddag' })
  @IsOptional() @IsString() @SingleLine() @MaxLength(500)
  availability?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The partner the volunteer belongs to; sets the municipality' })
  @IsOptional() @IsUUID()
  partnerId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Without a partner: the municipality the volunteer works in' })
  @IsOptional() @IsUUID()
  municipalityId?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Issue date of the VOG; it expires 3 years later' })
  @IsOptional() @IsCalendarDate()
  vogDate?: string | null;

  @ApiPropertyOptional({ default: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
}

export class UpdateVolunteerDto extends PartialType(CreateVolunteerDto) {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version: number;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Sort fields: name (default), vogExpiresOn, createdAt. */
export class VolunteerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or a language spoken' })
  @IsOptional() @IsString() @MaxLength(100) @SingleLine()
  search?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() municipalityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(toBool) @IsBoolean() active?: boolean;

  @ApiPropertyOptional({ description: 'Only volunteers whose VOG is missing, expired, or expires within this many days', minimum: 0, maximum: 3650 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3650)
  vogExpiringWithinDays?: number;
}

export class VolunteerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for coordinators and admins' }) email: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for coordinators and admins' }) phone: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) availability: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) partnerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) partnerName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) municipalityId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) vogDate: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'vogDate + 3 years' }) vogExpiresOn: string | null;
  @ApiProperty({ description: 'No VOG, or expired on or before today' }) vogExpired: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class VolunteerPageDto {
  @ApiProperty({ type: [VolunteerView] }) items: VolunteerView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
