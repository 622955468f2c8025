import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import {
  CreateSettlementRunDto,
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
  constructor(private readonly service: SettlementRunsService) {}

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
