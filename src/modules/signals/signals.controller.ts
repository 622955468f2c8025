import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { SignalQueryDto } from './dto/signal-query.dto';
import { CloseSignalDto, ReportSignalDto, SignalNoteDto, SignalVersionDto } from './dto/signal-transition.dto';
import { SignalDetailDto, SignalPageDto } from './dto/signal-view.dto';
import { SignalsService } from './signals.service';

@ApiTags('signals')
@ApiBearerAuth()
@Controller('signals')
export class SignalsController {
  constructor(private readonly service: SignalsService) {}

  @Get()
  @Roles('admin', 'coordinator', 'teacher', 'municipality')
  @ApiOperation({ summary: 'List absence signals (verzuimsignalen); a municipality sees its own, a teacher those of its groups\' learners' })
  @ApiOkResponse({ type: SignalPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() q: SignalQueryDto, @CurrentScope() scope: Scope) {
    return this.service.list(q, scope);
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'teacher', 'municipality')
  @ApiOperation({ summary: 'One absence signal' })
  @ApiOkResponse({ type: SignalDetailDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.get(id, scope);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Start handling a signal (registered → in_progress)' })
  @ApiOkResponse({ type: SignalDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  start(@Param('id', UuidPipe) id: string, @Body() dto: SignalVersionDto, @CurrentScope() scope: Scope) {
    return this.service.start(id, dto, scope);
  }

  @Post(':id/report')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Record the date the signal was reported to the municipality (moves a registered signal to in_progress)' })
  @ApiOkResponse({ type: SignalDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  report(@Param('id', UuidPipe) id: string, @Body() dto: ReportSignalDto, @CurrentScope() scope: Scope) {
    return this.service.report(id, dto, scope);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Close a signal that is in progress, with a note and the date it was reported to the municipality (recorded before or given now) or the reason it was not',
  })
  @ApiOkResponse({ type: SignalDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  close(@Param('id', UuidPipe) id: string, @Body() dto: CloseSignalDto, @CurrentScope() scope: Scope) {
    return this.service.close(id, dto, scope);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Withdraw an open signal (raised in error), with a note' })
  @ApiOkResponse({ type: SignalDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  withdraw(@Param('id', UuidPipe) id: string, @Body() dto: SignalNoteDto, @CurrentScope() scope: Scope) {
    return this.service.withdraw(id, dto, scope);
  }
}
