import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { idempotencyKeyOf } from '../documents/documents.controller';
import { DocumentsService } from '../documents/documents.service';
import { DocumentView } from '../documents/dto/document.dto';
import { SpilReportQueryDto } from './dto/spil-report-query.dto';
import { SpilReportDto } from './dto/spil-report.dto';
import { SpilReportService } from './spil-report.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/spil')
export class SpilReportController {
  constructor(
    private readonly service: SpilReportService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  @Roles('admin', 'coordinator', 'municipality')
  @ApiOperation({
    summary: 'SPIL report: every indicator of DOMAIN.md beside the contract target, per municipality (and the region total), with a monthly series',
  })
  @ApiOkResponse({ type: SpilReportDto })
  @ApiProblems(400, 401, 403, 404)
  report(@Query() q: SpilReportQueryDto, @CurrentScope() scope: Scope) {
    return this.service.report(q, scope);
  }

  @Post('exports')
  @HttpCode(202)
  @Roles('admin', 'coordinator', 'municipality')
  @ApiOperation({ summary: 'The SPIL spreadsheet (xlsx) of the same parameters, made by the worker: follow the document it answers' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again answers the same document' })
  @ApiAcceptedResponse({ type: DocumentView })
  @ApiProblems(400, 401, 403, 404, 409)
  exports(@Body() q: SpilReportQueryDto, @Headers('idempotency-key') key: string | undefined, @CurrentScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.request('reports.spil.xlsx', q, key, scope, reply);
  }

  @Post('pdf')
  @HttpCode(202)
  @Roles('admin', 'coordinator', 'municipality')
  @ApiOperation({ summary: 'The SPIL quarterly report (kwartaalrapportage, PDF) of the same parameters, made by the worker' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again answers the same document' })
  @ApiAcceptedResponse({ type: DocumentView })
  @ApiProblems(400, 401, 403, 404, 409)
  pdf(@Body() q: SpilReportQueryDto, @Headers('idempotency-key') key: string | undefined, @CurrentScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.request('reports.spil.pdf', q, key, scope, reply);
  }

  private async request(kind: 'reports.spil.xlsx' | 'reports.spil.pdf', q: SpilReportQueryDto, key: string | undefined, scope: Scope, reply: FastifyReply): Promise<DocumentView> {
    const doc = await this.service.requestDocument(kind, q, scope, idempotencyKeyOf(key));
    void reply.header('location', `/api/v1/documents/${doc.id}`);
    return DocumentView.of(doc, this.documents.label(doc.kind));
  }
}
