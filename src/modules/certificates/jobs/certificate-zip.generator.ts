import { ZipArchive } from 'archiver';
import { DocumentGenerator, DocumentJobView, GenerateContext, GeneratedDocument } from '../../documents/document-generator';
import { DocumentGenerationError } from '../../documents/documents.exception';
import { certificateFileName, CertificatePrintRepository, safeFileName } from '../certificate-print.repository';
import { certificateAssets } from '../pdf/certificate-assets';
import { renderCertificateBuffer } from '../pdf/certificate-renderer';
import { asDocumentError } from './certificate-pdf.generator';

/**
 * The zip of a bulk issue: one PDF per certificate of the run, progress after each. PDFs are compressed already, so
 * the zip stores them (no second deflate). Certificates revoked before the zip is made are left out.
 */
@DocumentGenerator({ kind: 'certificate.zip', label: 'Certificaten (zip)', keep: true })
export class CertificateZipGenerator implements DocumentGenerator<'certificate.zip'> {
  constructor(private readonly prints: CertificatePrintRepository) {}

  async generate(doc: DocumentJobView<'certificate.zip'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const list = (await this.prints.batch(ctx.manager, doc.params)).filter((c) => !c.revoked);
    if (!list.length) throw new DocumentGenerationError('certificates_missing', 'Er zijn geen (geldige) certificaten meer om in te pakken.');
    const group: Array<{ name: string }> = await ctx.manager.query(`SELECT name FROM course_group WHERE id = $1`, [doc.params.groupId]);
    const assets = certificateAssets();
    const out = ctx.createWriteStream();
    const zip = new ZipArchive({ store: true });
    const written = new Promise<void>((resolve, reject) => {
      out.once('close', resolve);
      out.once('error', reject);
      zip.once('error', reject);
    });
    zip.pipe(out);
    try {
      for (let i = 0; i < list.length; i++) {
        if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
        const pdf = await renderCertificateBuffer(list[i], assets).catch((e) => Promise.reject(asDocumentError(e)));
        zip.append(pdf, { name: certificateFileName(list[i]), date: new Date(`${list[i].issueDate}T12:00:00Z`) });
        await ctx.reportProgress(((i + 1) / list.length) * 100);
      }
      await zip.finalize();
      await written;
    } catch (e) {
      zip.abort();
      out.destroy();
      throw e;
    }
    const first = list[0].number;
    const last = list[list.length - 1].number;
    return { contentType: 'application/zip', fileName: safeFileName(`Certificaten ${group[0]?.name ?? ''} ${first}${list.length > 1 ? ` tot ${last}` : ''}.zip`.replace(/\s+/g, ' ')) };
  }
}
