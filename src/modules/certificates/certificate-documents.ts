import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { DocumentsService } from '../documents/documents.service';
import { DocumentView } from '../documents/dto/document.dto';
import { CertificateRepository } from './certificate.repository';
import { CertificateDto } from './dto/certificate.dto';

/** Requests the PDFs and zips of certificates through the document pipeline, in the caller's transaction. */
@Injectable()
export class CertificateDocuments {
  constructor(
    private readonly documents: DocumentsService,
    private readonly repo: CertificateRepository,
  ) {}

  /** The PDF of one certificate; the certificate then points at it. */
  async pdf(m: EntityManager, c: CertificateDto, scope: Scope, regenerated = false): Promise<DocumentView> {
    const { document } = await this.documents.request(m, {
      kind: 'certificate.pdf',
      params: { certificateId: c.id },
      requestedBy: scope.userId,
      scope: { municipalityId: c.municipalityId, learnerId: c.learner.id },
      fileName: `Certificaat ${c.number}.pdf`,
    });
    await this.repo.setDocument(m, [c.id], document.id, regenerated);
    return DocumentView.of(document, this.documents.label(document.kind));
  }

  /** The zip of a bulk issue: its certificates are one consecutive run of numbers of one year. */
  async zip(m: EntityManager, groupId: string, certificates: CertificateDto[], scope: Scope): Promise<DocumentView> {
    const seqs = certificates.map((c) => Number(c.number.slice(-6)));
    const { document } = await this.documents.request(m, {
      kind: 'certificate.zip',
      params: { groupId, year: Number(certificates[0].number.slice(5, 9)), fromSeq: Math.min(...seqs), toSeq: Math.max(...seqs) },
      requestedBy: scope.userId,
      fileName: 'Certificaten.zip',
    });
    return DocumentView.of(document, this.documents.label(document.kind));
  }

  /**
   * The certificate's current document if this caller may open it (requester, staff, the learner, the paying
   * municipality) and it is done or being made; else null (then a PDF is requested for this caller).
   */
  async current(m: EntityManager, c: CertificateDto, scope: Scope): Promise<DocumentView | null> {
    if (!c.documentId) return null;
    const doc = await this.documents.get(scope, c.documentId, m).catch(() => null);
    if (!doc || doc.status === 'failed' || doc.status === 'expired') return null;
    return DocumentView.of(doc, this.documents.label(doc.kind));
  }
}
