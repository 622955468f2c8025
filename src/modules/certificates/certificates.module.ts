import { Module } from '@nestjs/common';
import { CertificateCandidatesRepository } from './certificate-candidates.repository';
import { CertificateFactsRepository } from './certificate-facts.repository';
import { CertificateRepository } from './certificate.repository';
import { CertificatesService } from './certificates.service';

@Module({
  providers: [CertificatesService, CertificateRepository, CertificateCandidatesRepository, CertificateFactsRepository],
  exports: [CertificatesService, CertificateRepository],
})
export class CertificatesModule {}
