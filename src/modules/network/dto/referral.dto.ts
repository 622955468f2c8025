import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { fieldNote } from '../../../common/auth/field-visibility';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { IsOptionalNotNull } from '../../trajectories/trajectory-dates';
import { FreeText, NotBlank, SingleLine } from '../../../common/http/text-fields';
import { NETWORK_THEMES, NetworkTheme, REFERRAL_REASON_KINDS, REFERRAL_STATUSES, ReferralReasonKind, ReferralStatus } from '../network-vocabulary';

export class ReferralReasonDto {
  @ApiProperty({ enum: REFERRAL_REASON_KINDS, description: 'wish, need or ability of the integration agreement' })
  @IsIn(REFERRAL_REASON_KINDS)
  kind: ReferralReasonKind;

  @ApiProperty({ enum: NETWORK_THEMES, description: 'The agreement entry on this theme must exist' })
  @IsIn(NETWORK_THEMES)
  theme: NetworkTheme;
}

export class CreateReferralDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() partnerId: string;

  @ApiProperty({ type: ReferralReasonDto })
  @IsObject() @ValidateNested() @Type(() => ReferralReasonDto)
  reason: ReferralReasonDto;

  @ApiProperty({ format: 'date' }) @IsCalendarDate() plannedDate: string;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @FreeText() @MaxLength(2000) note?: string;
}

/** Exactly one of volunteerId and userId; leave accompaniedBy out (or null) for an unaccompanied first contact. */
export class AccompaniedByDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() volunteerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A staff member (admin, coordinator or teacher)' }) @IsOptional() @IsUUID() userId?: string;
}

export class VersionedMoveDto {
  @ApiProperty({ minimum: 1, description: 'The version you read; a stale version is a 409' }) @IsInt() @Min(1) version: number;
}

export class FirstContactDto extends VersionedMoveDto {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() date: string;

  @ApiPropertyOptional({ type: AccompaniedByDto, nullable: true })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => AccompaniedByDto)
  accompaniedBy?: AccompaniedByDto | null;
}

export class ParticipatingDto extends VersionedMoveDto {
  @ApiPropertyOptional({ format: 'date', description: 'Default: the first contact date' }) @IsOptional() @IsCalendarDate() date?: string;
}

export class EndReferralDto extends VersionedMoveDto {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() date: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @FreeText() @MaxLength(2000) reason?: string;
}

export class NotStartedDto extends VersionedMoveDto {
  @ApiProperty({ maxLength: 2000, example: 'Deelnemer kon niet op de trainingsavond' })
  @IsString() @NotBlank() @FreeText() @MaxLength(2000)
  reason: string;
}

export class CreateHoursDto {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() date: string;
  @ApiProperty({ minimum: 1, maximum: 1440, description: 'Minutes of participation on that day' })
  @IsInt() @Min(1) @Max(1440)
  minutes: number;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @SingleLine() @MaxLength(500) note?: string;
}

/** A correction of one participation entry: only the fields sent change; `note: null` clears the note. */
export class UpdateHoursDto {
  @ApiProperty({ minimum: 1, description: 'The version of the entry you read; a stale version is a 409' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ format: 'date' }) @IsOptionalNotNull() @IsCalendarDate() date?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1440, description: 'Minutes of participation on that day' })
  @IsOptionalNotNull() @IsInt() @Min(1) @Max(1440)
  minutes?: number;
  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String }) @IsOptional() @IsString() @SingleLine() @MaxLength(500) note?: string | null;
}

/** Sort fields: plannedDate (default, newest first), status, createdAt. */
export class ReferralQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES }) @IsOptional() @IsIn(REFERRAL_STATUSES) status?: ReferralStatus;
}

export class AccompaniedByView {
  @ApiProperty({ enum: ['volunteer', 'staff'] }) kind: 'volunteer' | 'staff';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ReferralView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() partnerName: string;
  @ApiProperty({ enum: ['wish', 'need', 'ability'] }) reasonKind: string;
  @ApiProperty({ enum: NETWORK_THEMES }) reasonTheme: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: `The integration agreement's text for that wish, need or ability. ${fieldNote('referral.integration')}` })
  reasonText?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date' }) plannedDate: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) firstContactDate: string | null;
  @ApiPropertyOptional({ type: AccompaniedByView, nullable: true }) accompaniedBy: AccompaniedByView | null;
  @ApiProperty({ description: 'A volunteer or staff member went along to the first contact' }) accompanied: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) participatingFrom: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) endDate: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why it ended or did not start' }) outcomeReason: string | null;
  @ApiProperty({ description: 'Σ minutes of its participation entries' }) participationMinutes: number;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ReferralPageDto {
  @ApiProperty({ type: [ReferralView] }) items: ReferralView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ParticipationEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() minutes: number;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'Send it back to correct the entry' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ParticipationHoursDto {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty() totalMinutes: number;
  @ApiProperty({ description: 'totalMinutes ÷ 60, two decimals' }) totalHours: number;
  @ApiProperty({ type: [ParticipationEntryView] }) entries: ParticipationEntryView[];
}
