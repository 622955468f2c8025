import { Certificate } from './certificate.entity';
import { CertificateCounter } from './certificate-counter.entity';
export const CertificateEntities = [Certificate, CertificateCounter];
