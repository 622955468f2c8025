import { ApiPageResponse } from '../../common/http/api-problems.decorator';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreateEnrolmentDto, EndEnrolmentDto, EnrolmentQueryDto, EnrolmentView } from './dto/enrolment.dto';
import { EnrolmentsService } from './enrolments.service';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller()
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Get('groups/:id/enrolments')
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner')
  @ApiOperation({ summary: "A group's enrolments (a municipality sees its own learners, a learner itself)" })
  @ApiPageResponse(EnrolmentView)
  @ApiProblems(400, 401, 403, 404)
  list(@Param('id', UuidPipe) id: string, @Query() q: EnrolmentQueryDto, @CurrentScope() scope: Scope) {
    return this.enrolments.list(id, q, scope);
  }

  @Post('groups/:id/enrolments')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Enrol a trajectory in the group for a date range; respects capacity (409 group_full) and refuses overlap (409)' })
  @ApiOkResponse({ type: EnrolmentView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(@Param('id', UuidPipe) id: string, @Body() dto: CreateEnrolmentDto, @CurrentScope() scope: Scope) {
    return this.enrolments.create(id, dto, scope);
  }

  @Patch('enrolments/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Set the last day of an enrolment (toDate on or after fromDate; not before lessons with its attendance: 422)' })
  @ApiOkResponse({ type: EnrolmentView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  end(@Param('id', UuidPipe) id: string, @Body() dto: EndEnrolmentDto, @CurrentScope() scope: Scope) {
    return this.enrolments.end(id, dto, scope);
  }
}
