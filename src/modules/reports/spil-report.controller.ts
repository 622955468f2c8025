import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { SpilReportQueryDto } from './dto/spil-report-query.dto';
import { SpilReportDto } from './dto/spil-report.dto';
import { SpilReportService } from './spil-report.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/spil')
export class SpilReportController {
  constructor(private readonly service: SpilReportService) {}

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
}
