import { setTimeout as sleep } from 'timers/promises';
import { DocumentGenerator, DocumentJobView, GenerateContext, GeneratedDocument, PreparedDocumentRequest } from '../document-generator';
import { DocumentGenerationError } from '../documents.exception';
import { ValidationFailedException } from '../../../common/errors/domain.exception';

const MAX_DELAY_MS = 120_000;
const STEPS = 10;

/** Checks the generic POST's params for this kind; a 400 names the field. */
async function prepare(raw: unknown): Promise<PreparedDocumentRequest<'pipeline.check'>> {
  const p = (raw ?? {}) as Record<string, unknown>;
  if (typeof p !== 'object' || Array.isArray(p)) throw ValidationFailedException.field('params', 'must be an object');
  for (const key of Object.keys(p)) if (!['note', 'delayMs', 'failTimes'].includes(key)) throw ValidationFailedException.field(`params.${key}`, 'is not a parameter of pipeline.check');
  if (p.note !== undefined && (typeof p.note !== 'string' || p.note.length > 200)) throw ValidationFailedException.field('params.note', 'must be text of at most 200 characters');
  if (p.delayMs !== undefined && (!Number.isInteger(p.delayMs) || (p.delayMs as number) < 0 || (p.delayMs as number) > MAX_DELAY_MS)) {
    throw ValidationFailedException.field('params.delayMs', `must be a whole number from 0 to ${MAX_DELAY_MS}`);
  }
  if (p.failTimes !== undefined && (!Number.isInteger(p.failTimes) || (p.failTimes as number) < 0 || (p.failTimes as number) > 20)) {
    throw ValidationFailedException.field('params.failTimes', 'must be a whole number from 0 to 20');
  }
  return { params: { note: p.note as string | undefined, delayMs: p.delayMs as number | undefined, failTimes: p.failTimes as number | undefined }, fileName: 'Controle documentverwerking.txt' };
}

/**
 * The example kind (copy this file to add one): an admin diagnostic that writes a small text file, optionally slowly
 * (`delayMs`, with progress) or failing its first `failTimes` attempts, so the pipeline can be watched and tested.
 */
@DocumentGenerator({ kind: 'pipeline.check', label: 'Controle documentverwerking', request: { roles: ['admin'], prepare } })
export class PipelineCheckGenerator implements DocumentGenerator<'pipeline.check'> {
  async generate(doc: DocumentJobView<'pipeline.check'>, ctx: GenerateContext): Promise<GeneratedDocument> {
    const { note = '', delayMs = 0, failTimes = 0 } = doc.params;
    if (doc.attempt <= failTimes) throw new DocumentGenerationError('check_failed_on_purpose', `Poging ${doc.attempt} mislukt (zo gevraagd).`, false);
    const out = ctx.createWriteStream();
    out.write(`Koers documentverwerking werkt.\nDocument: ${doc.id}\nNotitie: ${note}\n`);
    for (let step = 1; step <= STEPS; step++) {
      if (delayMs) await sleep(delayMs / STEPS, undefined, { signal: ctx.signal });
      out.write(`Stap ${step} van ${STEPS}\n`);
      await ctx.reportProgress((step / STEPS) * 100);
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    return { contentType: 'text/plain; charset=utf-8' };
  }
}
