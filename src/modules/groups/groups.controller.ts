import { GroupView } from './dto/group.dto';
import { ApiPageResponse } from '../../common/http/api-problems.decorator';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreateGroupDto, GroupDetailView, GroupQueryDto, GroupTeacherView, UpdateGroupDto } from './dto/group.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner')
  @ApiOperation({ summary: 'List groups in your scope (teacher: own groups; municipality: groups with its learners; learner: own groups)' })
  @ApiPageResponse(GroupView)
  @ApiProblems(400, 401, 403)
  list(@Query() q: GroupQueryDto, @CurrentScope() scope: Scope) {
    return this.groups.list(q, scope);
  }

  @Get('teachers')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'The active teachers to choose a group\'s teachers from (admin, coordinator)' })
  @ApiOkResponse({ type: [GroupTeacherView] })
  @ApiProblems(401, 403)
  teachers() {
    return this.groups.teachers();
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner')
  @ApiOperation({ summary: 'One group with its weekly schedule, teachers and enrolled count today' })
  @ApiOkResponse({ type: GroupDetailView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.groups.get(id, scope);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Create a group with teachers and a weekly schedule (admin, coordinator)' })
  @ApiOkResponse({ type: GroupDetailView })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() dto: CreateGroupDto, @CurrentScope() scope: Scope) {
    return this.groups.create(dto, scope);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Change a group; teacherIds and schedule replace the current ones; needs the current version' })
  @ApiOkResponse({ type: GroupDetailView })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateGroupDto, @CurrentScope() scope: Scope) {
    return this.groups.update(id, dto, scope);
  }
}
