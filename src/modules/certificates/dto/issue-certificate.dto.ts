import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { FreeText, NotBlank } from '../../../common/http/text-fields';
import { CERTIFICATE_KINDS, CertificateKind } from '../entities/certificate.entity';
import { DocumentView } from '../../documents/dto/document.dto';
import { CertificateDto } from './certificate.dto';

export class IssueCertificateDto {
  @ApiProperty() @IsUUID() trajectoryId: string;
  @ApiProperty({ enum: CERTIFICATE_KINDS }) @IsIn(CERTIFICATE_KINDS) kind: CertificateKind;
  @ApiPropertyOptional({ description: 'participation: first day of the period (default: the trajectory\'s start)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ description: 'participation: last day of the period (default: the trajectory\'s end, or today)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class IssueGroupCertificatesDto {
  @ApiProperty({ enum: CERTIFICATE_KINDS }) @IsIn(CERTIFICATE_KINDS) kind: CertificateKind;
  @ApiPropertyOptional({ description: 'participation: first day (default: each trajectory\'s start)' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'participation: last day (default: each trajectory\'s end, or today)' }) @IsOptional() @IsCalendarDate() to?: string;
}

export class RevokeCertificateDto {
  @ApiProperty({ maxLength: 500, example: 'Uitgegeven op de verkeerde naam' })
  @NotBlank()
  @FreeText()
  @MaxLength(500)
  reason: string;
}

/** A learner of the group left out of a bulk request, and why. */
export class SkippedLearnerDto {
  trajectoryId: string;
  learnerId: string;
  @ApiProperty({ example: 'Şahin Çelik' }) learnerName: string;
  @ApiProperty({ example: 'certificate_no_levels' }) code: string;
  reason: string;
}

export class IssuedCertificateDto {
  @ApiProperty({ type: CertificateDto }) certificate: CertificateDto;
  @ApiProperty({ type: DocumentView, description: 'The document request that makes the PDF (follow it at its Location)' }) document: DocumentView;
}

export class IssuedGroupCertificatesDto {
  @ApiProperty({ type: [CertificateDto] }) certificates: CertificateDto[];
  @ApiProperty({ type: [SkippedLearnerDto] }) skipped: SkippedLearnerDto[];
  @ApiProperty({ type: DocumentView, description: 'The document request that makes the zip of all PDFs' }) document: DocumentView;
}
