import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { PlanRevisionPageDto, TrajectoryPlanViewDto, UpdatePlanDto } from './dto/trajectory-plan.dto';
import { TrajectoryPlanService } from './trajectory-plan.service';

// Finance bills without the plan (DOMAIN.md "Who sees what"); a municipality reads its goals (field rule plan.agreements).
const READERS = ['admin', 'coordinator', 'teacher', 'municipality', 'learner'] as const;

@ApiTags('progress')
@ApiBearerAuth()
@Controller('trajectories/:trajectoryId/plan')
export class TrajectoryPlanController {
  constructor(private readonly service: TrajectoryPlanService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The trajectplan (goals per competence domain, agreements) and the trajectory version' })
  @ApiOkResponse({ type: TrajectoryPlanViewDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('trajectoryId', UuidPipe) trajectoryId: string, @CurrentScope() scope: Scope): Promise<TrajectoryPlanViewDto> {
    return this.service.get(trajectoryId, scope);
  }

  @Put()
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({ summary: 'Replace the trajectplan (version check; the saved plan is kept in the history)' })
  @ApiOkResponse({ type: TrajectoryPlanViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@Param('trajectoryId', UuidPipe) trajectoryId: string, @Body() dto: UpdatePlanDto, @CurrentScope() scope: Scope): Promise<TrajectoryPlanViewDto> {
    return this.service.update(trajectoryId, dto, scope);
  }

  @Get('history')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Saved versions of the trajectplan, newest first, with who saved them and when' })
  @ApiOkResponse({ type: PlanRevisionPageDto })
  @ApiProblems(400, 401, 403, 404)
  history(@Param('trajectoryId', UuidPipe) trajectoryId: string, @Query() q: PageQueryDto, @CurrentScope() scope: Scope): Promise<PlanRevisionPageDto> {
    return this.service.history(trajectoryId, q, scope);
  }
}
