import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { CertificateDocuments } from './certificate-documents';
import { CertificatePrintRepository } from './certificate-print.repository';
import { CertificatePdfGenerator } from './jobs/certificate-pdf.generator';
import { CertificateZipGenerator } from './jobs/certificate-zip.generator';
import { CertificateCandidatesRepository } from './certificate-candidates.repository';
import { CertificateFactsRepository } from './certificate-facts.repository';
import { CertificateRepository } from './certificate.repository';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { VerificationController } from './verification.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [CertificatesController, VerificationController],
  providers: [
    CertificatesService,
    CertificateRepository,
    CertificateCandidatesRepository,
    CertificateFactsRepository,
    CertificatePrintRepository,
    CertificateDocuments,
    CertificatePdfGenerator,
    CertificateZipGenerator,
  ],
  exports: [CertificatesService, CertificateRepository],
})
export class CertificatesModule {}
