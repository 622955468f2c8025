import { AttendanceGridDto, MissingRegisterGroupDto } from './dto/attendance-grid.dto';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiPageResponse, ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { AttendanceViewsService } from './attendance-views.service';
import { MissingRegistersQueryDto, PeriodQueryDto } from './dto/attendance-query.dto';
import { TrajectoryAttendanceDto } from './dto/attendance-summary.dto';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller()
export class AttendanceViewsController {
  constructor(private readonly service: AttendanceViewsService) {}

  @Get('trajectories/:id/attendance')
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner')
  @ApiOperation({
    summary: 'Attendance of a trajectory in a period: minutes, rates, hours, progress to the 600-hour norm and (Z-route) the 800-hour norms',
  })
  @ApiOkResponse({ type: TrajectoryAttendanceDto })
  @ApiProblems(400, 401, 403, 404)
  trajectory(@Param('id', UuidPipe) id: string, @Query() q: PeriodQueryDto, @CurrentScope() scope: Scope) {
    return this.service.trajectory(id, q, scope);
  }

  @Get('groups/:id/attendance-grid')
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOkResponse({ type: AttendanceGridDto })
  @ApiOperation({ summary: 'Lessons × learners grid of a group (default: group start to today, at most 366 days)' })
  @ApiProblems(400, 401, 403, 404)
  grid(@Param('id', UuidPipe) id: string, @Query() q: PeriodQueryDto, @CurrentScope() scope: Scope) {
    return this.service.groupGrid(id, q, scope);
  }

  @Get('attendance/missing-registers')
  @Roles('admin', 'coordinator')
  @ApiPageResponse(MissingRegisterGroupDto)
  @ApiOperation({ summary: 'Past, non-cancelled lessons with enrolled learners lacking a record, per teacher and group' })
  @ApiProblems(400, 401, 403)
  missingRegisters(@Query() q: MissingRegistersQueryDto) {
    return this.service.missingRegisters(q);
  }
}
