import { writeFile } from 'fs/promises';
import { DocumentGenerator, DocumentJobView, GenerateContext, GeneratedDocument } from '../../documents/document-generator';
import { DocumentGenerationError } from '../../documents/documents.exception';
import { certificateFileName, CertificatePrintRepository } from '../certificate-print.repository';
import { UnprintableTextException } from '../certificates.exception';
import { renderCertificateBuffer } from '../pdf/certificate-renderer';

/** Rethrows what the user must read (a name the font cannot print) as a permanent, Dutch document error. */
export function asDocumentError(e: unknown): unknown {
  if (e instanceof UnprintableTextException) {
    return new DocumentGenerationError('certificate_text_unprintable', `De naam of het traject bevat tekens die het lettertype van het certificaat niet kan afdrukken (${e.detail?.match(/U\+[0-9A-F]+ "[^"]*"/g)?.join(', ') ?? ''}). Corrigeer de naam en maak het certificaat opnieuw.`);
  }
  return e;
}

/** One certificate's PDF. Learners see their own and municipalities those of trajectories they pay (audience). */
@DocumentGenerator({ kind: 'certificate.pdf', label: 'Certificaat', audience: ['municipality', 'learner'], keep: true })
export class CertificatePdfGenerator implements DocumentGenerator<'certificate.pdf'> {
  constructor(private readonly prints: CertificatePrintRepository) {}

  async generate(doc: DocumentJobView<'certificate.pdf'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const print = await this.prints.one(ctx.manager, doc.params.certificateId);
    if (!print) throw new DocumentGenerationError('certificate_missing', 'Dit certificaat bestaat niet (meer).');
    if (print.revoked) throw new DocumentGenerationError('certificate_revoked', `Certificaat ${print.number} is ingetrokken en wordt niet meer gemaakt.`);
    // Rendered in memory (~30 kB) and written at once: pdfkit emits hundreds of small chunks, each a write of its own
    // through a file stream.
    const pdf = await renderCertificateBuffer(print).catch((e) => Promise.reject(asDocumentError(e)));
    await writeFile(ctx.tempPath, pdf);
    return { contentType: 'application/pdf', fileName: certificateFileName(print) };
  }
}
