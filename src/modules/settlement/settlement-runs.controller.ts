import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { idempotencyKeyOf } from '../documents/documents.controller';
import { DocumentView } from '../documents/dto/document.dto';
import { SettlementDocumentsService } from './settlement-documents.service';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import {
  CreateSettlementRunDto,
  SettlementDocumentRequestDto,
  SettlementLineQueryDto,
  SettlementRunDetailView,
  SettlementRunPageView,
  SettlementRunQueryDto,
} from './dto/settlement-run.dto';
import { SettlementRunsService } from './settlement-runs.service';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('settlement-runs')
export class SettlementRunsController {
  constructor(
    private readonly service: SettlementRunsService,
    private readonly documents: SettlementDocumentsService,
  ) {}

  @Post(':id/documents')
  @HttpCode(202)
  @Roles('admin', 'finance', 'municipality')
  @ApiOperation({ summary: "A run's sheet (xlsx), ledger CSV or e-invoice (UBL), made by the worker: follow the document it answers" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again answers the same document' })
  @ApiAcceptedResponse({ type: DocumentView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async document(
    @Param('id', UuidPipe) id: string,
    @Body() dto: SettlementDocumentRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DocumentView> {
    const doc = await this.documents.request(id, dto.format, scope, idempotencyKeyOf(key));
    void reply.header('location', `/api/v1/documents/${doc.id}`);
    return DocumentView.of(doc, this.documents.label(doc.kind));
  }

  @Post()
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Make a draft run (concept-afrekening) for a municipality and period (inclusive)' })
  @ApiCreatedResponse({ type: SettlementRunDetailView })
  @ApiProblems(400, 401, 403)
  create(@Body() dto: CreateSettlementRunDto, @CurrentScope() scope: Scope) {
    return this.service.createDraft(dto, scope);
  }

  @Get()
  @Roles('admin', 'finance', 'coordinator', 'municipality')
  @ApiOperation({ summary: 'List runs; a municipality sees its own final runs only' })
  @ApiOkResponse({ type: SettlementRunPageView })
  @ApiProblems(400, 401, 403)
  list(@Query() q: SettlementRunQueryDto, @CurrentScope() scope: Scope) {
    return this.service.list(q, scope);
  }

  @Get(':id')
  @Roles('admin', 'finance', 'coordinator', 'municipality')
  @ApiOperation({ summary: 'One run: lines (filter by productId, milestone), subtotals per product, VAT and total' })
  @ApiOkResponse({ type: SettlementRunDetailView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @Query() q: SettlementLineQueryDto, @CurrentScope() scope: Scope) {
    return this.service.get(id, q, scope);
  }

  @Post(':id/recompute')
  @HttpCode(200)
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Compute a draft again from the current records' })
  @ApiOkResponse({ type: SettlementRunDetailView })
  @ApiProblems(400, 401, 403, 404, 422)
  recompute(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.recompute(id, scope);
  }

  @Post(':id/finalise')
  @HttpCode(200)
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Make a draft final: invoice number and date; 409 when another run billed one of its events first' })
  @ApiOkResponse({ type: SettlementRunDetailView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  finalise(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.finalise(id, scope);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Discard a draft' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 422)
  discard(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.discard(id, scope);
  }
}
