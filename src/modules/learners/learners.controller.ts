import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreateLearnerDto } from './dto/create-learner.dto';
import { LearnerQueryDto } from './dto/learner-query.dto';
import { LearnerPageDto, LearnerViewDto } from './dto/learner-view.dto';
import { UpdateLearnerDto } from './dto/update-learner.dto';
import { LearnersService } from './learners.service';

@ApiTags('learners')
@ApiBearerAuth()
@Controller('learners')
export class LearnersController {
  constructor(private readonly learners: LearnersService) {}

  @Get()
  @Roles('admin', 'coordinator', 'finance', 'teacher', 'municipality', 'learner')
  @ApiOperation({
    summary:
      'List learners in your scope (teacher: own groups, municipality: own municipality, learner: itself); search by name (accents, case and script ignored) or exact learner number',
  })
  @ApiOkResponse({ type: LearnerPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() q: LearnerQueryDto, @CurrentScope() scope: Scope) {
    return this.learners.list(q, scope);
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'finance', 'teacher', 'municipality', 'learner')
  @ApiOperation({ summary: 'One learner (BSN masked); outside your scope it is a 404' })
  @ApiOkResponse({ type: LearnerViewDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.learners.get(id, scope);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Register a learner (learner number generated when left out); a BSN is stored encrypted' })
  @ApiCreatedResponse({ type: LearnerViewDto })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() dto: CreateLearnerDto, @CurrentScope() scope: Scope) {
    return this.learners.create(dto, scope);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Change a learner; send the `version` you read (409 when someone changed it since)' })
  @ApiOkResponse({ type: LearnerViewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateLearnerDto, @CurrentScope() scope: Scope) {
    return this.learners.update(id, dto, scope);
  }
}
