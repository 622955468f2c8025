import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NETWORK_THEMES, PARTNER_KINDS } from '../network-vocabulary';

export class KindCountDto {
  @ApiProperty({ enum: PARTNER_KINDS }) kind: string;
  @ApiProperty() partners: number;
}

export class ThemeCountDto {
  @ApiProperty({ enum: NETWORK_THEMES }) theme: string;
  @ApiProperty() partners: number;
}

export class PartnerReferralsDto {
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty() active: boolean;
  @ApiProperty() total: number;
  @ApiProperty() planned: number;
  @ApiProperty() firstContact: number;
  @ApiProperty() participating: number;
  @ApiProperty() ended: number;
  @ApiProperty() notStarted: number;
  @ApiProperty() participationMinutes: number;
}

export class AccompaniedShareDto {
  @ApiProperty({ description: 'Referrals that had their first contact' }) withFirstContact: number;
  @ApiProperty({ description: 'Of which a volunteer or staff member went along' }) accompanied: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'accompanied ÷ withFirstContact; null when 0' }) share: number | null;
}

export class ExpiringVolunteerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) partnerName: string | null;
  @ApiProperty({ format: 'date' }) vogDate: string;
  @ApiProperty({ format: 'date' }) vogExpiresOn: string;
  @ApiProperty() daysLeft: number;
}

export class NetworkOverviewDto {
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty() municipalityName: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ description: 'Active partners' }) activePartners: number;
  @ApiProperty({ type: [KindCountDto], description: 'Active partners per kind' }) partnersPerKind: KindCountDto[];
  @ApiProperty({ type: [ThemeCountDto], description: 'Active partners per theme (a partner counts once per theme it serves)' }) partnersPerTheme: ThemeCountDto[];
  @ApiProperty({ type: [PartnerReferralsDto] }) referralsPerPartner: PartnerReferralsDto[];
  @ApiProperty({ type: AccompaniedShareDto }) accompaniedFirstContact: AccompaniedShareDto;
  @ApiProperty({ type: [ExpiringVolunteerDto], description: 'Active volunteers whose VOG expires within 60 days (from today on)' })
  vogExpiringSoon: ExpiringVolunteerDto[];
  @ApiProperty({ description: 'Active volunteers without a VOG or with an expired one' }) vogMissingOrExpired: number;
}
