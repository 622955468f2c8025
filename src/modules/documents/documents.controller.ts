import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentScope } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ValidationFailedException } from '../../common/errors/domain.exception';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { contentDisposition } from './content-disposition';
import { DocumentEvents } from './document-events';
import { DocumentsService } from './documents.service';
import { DocumentPageView, DocumentQueryDto, DocumentView, RequestDocumentDto } from './dto/document.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  if (!IDEMPOTENCY_KEY.test(header)) throw ValidationFailedException.field('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
  return header;
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly events: DocumentEvents,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Request a document of a kind that allows it here (other kinds have their own routes, e.g. certificates)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again answers the same document' })
  @ApiAcceptedResponse({ type: DocumentView, description: 'Accepted (or the same open request / key again): the document, with its Location' })
  @ApiProblems(400, 401, 403, 409)
  async request(
    @Body() body: RequestDocumentDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DocumentView> {
    const { document } = await this.documents.requestGeneric(scope, body.kind, body.params, idempotencyKeyOf(key));
    void reply.header('location', `/api/v1/documents/${document.id}`);
    return DocumentView.of(document, this.documents.label(document.kind));
  }

  @Get()
  @ApiOperation({ summary: "The caller's documents (admins and coordinators: all), newest first" })
  @ApiOkResponse({ type: DocumentPageView })
  @ApiProblems(400, 401)
  async list(@Query() q: DocumentQueryDto, @CurrentScope() scope: Scope): Promise<DocumentPageView> {
    const page = await this.documents.list(scope, q);
    return { ...page, items: page.items.map((d) => DocumentView.of(d, this.documents.label(d.kind))) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A document: status, progress, error' })
  @ApiOkResponse({ type: DocumentView })
  @ApiProblems(400, 401, 404)
  async get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<DocumentView> {
    const d = await this.documents.get(scope, id);
    return DocumentView.of(d, this.documents.label(d.kind));
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'Server-sent events: `document` events (the document as in GET) until it is done, failed or expired' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream', schema: { type: 'string' } })
  @ApiProblems(400, 401, 404)
  async stream(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const first = await this.documents.get(scope, id);
    await this.events.stream(scope, first, req, reply);
  }

  @Get(':id/download')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'The file of a done document, with its content type, length and Dutch file name' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 404, 409, 410)
  async download(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<StreamableFile> {
    const file = await this.documents.download(scope, id);
    return new StreamableFile(file.stream, { type: file.contentType, length: file.sizeBytes, disposition: contentDisposition(file.fileName) });
  }
}
