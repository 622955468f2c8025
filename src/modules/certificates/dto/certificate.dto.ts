import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { SKILLS } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { CERTIFICATE_KINDS } from '../entities/certificate.entity';
import { ApiNameLatin } from '../../../common/domain/latin-name';

export class CertificateLevelDto {
  @ApiProperty({ enum: SKILLS }) skill: string;
  @ApiPropertyOptional({ nullable: true, description: 'CEFR level (language skills)' }) level: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Pass/fail skills: behaald' }) passed: boolean | null;
}

export class CertificateHoursDto {
  physicalMinutes: number;
  onlineMinutes: number;
}

export class CertificateFactsDto {
  @ApiProperty({ example: { code: 'B1', name: 'B1-route' } }) product: { code: string; name: string };
  @ApiPropertyOptional({ type: [CertificateLevelDto] }) levels?: CertificateLevelDto[];
  @ApiPropertyOptional({ type: CertificateHoursDto }) hours?: CertificateHoursDto;
  @ApiPropertyOptional() startDate?: string;
  @ApiPropertyOptional() endDate?: string;
}

export class CertificateHolderDto {
  id: string;
  learnerNumber: string;
  firstName: string;
  lastName: string;
  @ApiNameLatin() nameLatin: string | null;
  dateOfBirth: string;
}

/** A certificate as the API returns it. */
export class CertificateDto {
  id: string;
  @ApiProperty({ example: 'CERT-2026-000001' }) number: string;
  @ApiProperty({ enum: CERTIFICATE_KINDS }) kind: string;
  @ApiProperty({ example: '2026-06-30' }) issueDate: string;
  @ApiPropertyOptional({ nullable: true }) periodFrom: string | null;
  @ApiPropertyOptional({ nullable: true }) periodTo: string | null;
  @ApiProperty({ type: CertificateFactsDto }) facts: CertificateFactsDto;
  @ApiProperty({ description: '16 base32 characters, printed with the QR code' }) verificationCode: string;
  @ApiProperty({ description: 'Public verification page (PUBLIC_BASE_URL/verify/<code>)' }) verifyUrl?: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status: string;
  @ApiPropertyOptional({ nullable: true }) revokedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) revocationReason: string | null;
  @ApiPropertyOptional({ nullable: true }) regeneratedAt: Date | null;
  trajectoryId: string;
  @ApiProperty({ description: 'The municipality paying the trajectory' }) municipalityId: string;
  @ApiPropertyOptional({ nullable: true }) groupId: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The document (PDF) to download; null until one is requested for a certificate issued in bulk' })
  documentId: string | null;
  @ApiPropertyOptional({ nullable: true }) issuedBy: string | null;
  createdAt: Date;
  @ApiProperty({ type: CertificateHolderDto }) learner: CertificateHolderDto;
}

export class CertificatePageDto {
  @ApiProperty({ type: [CertificateDto] }) items: CertificateDto[];
  total: number;
  page: number;
  pageSize: number;
}

export class CertificateQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() learnerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() trajectoryId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() groupId?: string;
  @ApiPropertyOptional({ enum: CERTIFICATE_KINDS }) @IsOptional() @IsIn(CERTIFICATE_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: ['valid', 'revoked'] }) @IsOptional() @IsIn(['valid', 'revoked']) status?: string;
  @ApiPropertyOptional({ description: 'Issued on or after this day' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'Issued on or before this day' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ example: 'CERT-2026-000001' })
  @IsOptional()
  @Matches(/^CERT-\d{4}-\d{6}$/i, { message: 'number must look like CERT-2026-000001' })
  number?: string;
}
