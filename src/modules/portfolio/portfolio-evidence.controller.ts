import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'stream';
import '@fastify/multipart';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ValidationFailedException } from '../../common/errors/domain.exception';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { EvidenceView, UploadEvidenceDto } from './dto/evidence.dto';
import { attachmentDisposition } from './evidence/safe-filename';
import { IncomingFile, PortfolioEvidenceService } from './portfolio-evidence.service';
import { NotMultipartException } from './portfolio.exception';

const READERS = ['admin', 'coordinator', 'teacher', 'municipality', 'learner'] as const;
const AUTHORS = ['admin', 'coordinator', 'learner'] as const;

@ApiTags('portfolio')
@ApiBearerAuth()
@Controller()
export class PortfolioEvidenceController {
  constructor(private readonly evidence: PortfolioEvidenceService) {}

  @Post('portfolio-items/:id/evidence')
  @Roles(...AUTHORS)
  @ApiOperation({ summary: "Upload a bewijsstuk (multipart field 'file'): PDF, JPEG or PNG, at most 10 MB, type checked from the bytes" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadEvidenceDto })
  @ApiCreatedResponse({ type: EvidenceView })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  async upload(@Param('id', UuidPipe) id: string, @Req() req: FastifyRequest, @CurrentScope() scope: Scope): Promise<EvidenceView> {
    if (!req.isMultipart()) throw new NotMultipartException();
    const parts = req.parts()[Symbol.asyncIterator]();
    /** The next file part (plain fields are skipped), or undefined at the end of the body. */
    const nextFile = async (): Promise<IncomingFile | undefined> => {
      for (;;) {
        let step;
        try {
          step = await parts.next();
        } catch (e) {
          // More files than the multipart limit (1) allows: that is "two files", not a too-large body.
          if ((e as { code?: string }).code === 'FST_FILES_LIMIT') return { fieldname: 'file', filename: '', stream: Readable.from([]), extra: true };
          if (typeof (e as { statusCode?: number }).statusCode === 'number') throw e;
          throw ValidationFailedException.field('file', 'the multipart body is malformed');
        }
        if (step.done) return undefined;
        const part = step.value;
        if (part.type === 'file') return { fieldname: part.fieldname, filename: part.filename, stream: part.file };
      }
    };
    return this.evidence.upload(id, scope, nextFile);
  }

  @Get('portfolio-items/:id/evidence')
  @Roles(...READERS)
  @ApiOperation({ summary: "A portfolio item's evidence files (type, size, sha256, original name)" })
  @ApiOkResponse({ type: [EvidenceView] })
  @ApiProblems(400, 401, 403, 404)
  list(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<EvidenceView[]> {
    return this.evidence.list(id, scope);
  }

  @Get('evidence/:id/download')
  @Roles(...READERS)
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download an evidence file (as an attachment)' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The file, with its content type and an attachment file name', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 403, 404)
  async download(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<StreamableFile> {
    const file = await this.evidence.download(id, scope);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: attachmentDisposition(file.originalName, file.contentType),
    });
  }

  @Delete('evidence/:id')
  @HttpCode(204)
  @Roles(...AUTHORS)
  @ApiOperation({ summary: 'Remove an evidence file while its item is draft or needs_revision' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404, 422)
  async remove(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<void> {
    await this.evidence.remove(id, scope);
  }
}
