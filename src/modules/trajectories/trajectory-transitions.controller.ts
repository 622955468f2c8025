import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CompleteTrajectoryDto, DropOutTrajectoryDto, TransitionDto } from './dto/transition.dto';
import { TrajectoryViewDto } from './dto/trajectory-view.dto';
import { TrajectoryTransitionsService } from './trajectory-transitions.service';

/** One endpoint per status transition; a transition the current status does not allow is a 422. */
@ApiTags('trajectories')
@ApiBearerAuth()
@Roles('admin', 'coordinator')
@Controller('trajectories')
export class TrajectoryTransitionsController {
  constructor(private readonly transitions: TrajectoryTransitionsService) {}

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'planned → active' })
  @ApiOkResponse({ type: TrajectoryViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  activate(@Param('id', UuidPipe) id: string, @Body() dto: TransitionDto, @CurrentScope() scope: Scope) {
    return this.transitions.activate(id, dto, scope);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'active → suspended' })
  @ApiOkResponse({ type: TrajectoryViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  suspend(@Param('id', UuidPipe) id: string, @Body() dto: TransitionDto, @CurrentScope() scope: Scope) {
    return this.transitions.suspend(id, dto, scope);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'suspended → active' })
  @ApiOkResponse({ type: TrajectoryViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  resume(@Param('id', UuidPipe) id: string, @Body() dto: TransitionDto, @CurrentScope() scope: Scope) {
    return this.transitions.resume(id, dto, scope);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'active → completed on endDate (≥ start date, not in the future); the trajectory becomes read-only' })
  @ApiOkResponse({ type: TrajectoryViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  complete(@Param('id', UuidPipe) id: string, @Body() dto: CompleteTrajectoryDto, @CurrentScope() scope: Scope) {
    return this.transitions.complete(id, dto, scope);
  }

  @Post(':id/drop-out')
  @HttpCode(200)
  @ApiOperation({
    summary: 'planned, active or suspended → dropped_out with date, reason and note (required for reason other); the trajectory becomes read-only',
  })
  @ApiOkResponse({ type: TrajectoryViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  dropOut(@Param('id', UuidPipe) id: string, @Body() dto: DropOutTrajectoryDto, @CurrentScope() scope: Scope) {
    return this.transitions.dropOut(id, dto, scope);
  }
}
