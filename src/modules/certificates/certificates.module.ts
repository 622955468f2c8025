import { Module } from '@nestjs/common';
import { CertificateCandidatesRepository } from './certificate-candidates.repository';
import { CertificateFactsRepository } from './certificate-facts.repository';
import { CertificateRepository } from './certificate.repository';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { VerificationController } from './verification.controller';

@Module({
  controllers: [CertificatesController, VerificationController],
  providers: [CertificatesService, CertificateRepository, CertificateCandidatesRepository, CertificateFactsRepository],
  exports: [CertificatesService, CertificateRepository],
})
export class CertificatesModule {}
