import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { ApiPageResponse, ApiProblems } from '../../common/http/api-problems.decorator';
import { AuditEventViewDto } from './dto/audit-event-view.dto';
import { AuditEventRepository } from './audit-event.repository';
import { AuditEventQueryDto } from './dto/audit-event-query.dto';

@ApiTags('audit-events')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly events: AuditEventRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List audit events (admin), newest first, filtered by record, actor (id or part of the name or e-mail), action and period' })
  @ApiPageResponse(AuditEventViewDto)
  @ApiProblems(400, 401, 403)
  list(@Query() q: AuditEventQueryDto) {
    return this.events.findPage(q);
  }
}
