import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreateTrajectoryDto } from './dto/create-trajectory.dto';
import { TrajectoryQueryDto } from './dto/trajectory-query.dto';
import { TrajectoryPageDto, TrajectoryViewDto } from './dto/trajectory-view.dto';
import { UpdateTrajectoryDto } from './dto/update-trajectory.dto';
import { TrajectoriesService } from './trajectories.service';

@ApiTags('trajectories')
@ApiBearerAuth()
@Controller('trajectories')
export class TrajectoriesController {
  constructor(private readonly service: TrajectoriesService) {}

  @Get()
  @Roles('admin', 'coordinator', 'finance', 'teacher', 'municipality', 'learner')
  @ApiOperation({
    summary:
      'List trajectories in your scope (teacher: enrolled in your groups; municipality: its own; learner: own). Sort by startDate, plannedEndDate, status, createdAt',
  })
  @ApiOkResponse({ type: TrajectoryPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() q: TrajectoryQueryDto, @CurrentScope() scope: Scope) {
    return this.service.list(q, scope);
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'finance', 'teacher', 'municipality', 'learner')
  @ApiOperation({ summary: 'One trajectory with learner, municipality, contract and product names' })
  @ApiOkResponse({ type: TrajectoryViewDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.get(id, scope);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Create a planned trajectory; hours, targets, legal regime and planned end default from the product. One unfinished trajectory per learner (409)',
  })
  @ApiCreatedResponse({ type: TrajectoryViewDto })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() dto: CreateTrajectoryDto, @CurrentScope() scope: Scope) {
    return this.service.create(dto, scope);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Change an unfinished trajectory (send the version you read); ended trajectories are read-only (422)' })
  @ApiOkResponse({ type: TrajectoryViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateTrajectoryDto, @CurrentScope() scope: Scope) {
    return this.service.update(id, dto, scope);
  }
}
