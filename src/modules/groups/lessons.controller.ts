import { ApiPageResponse } from '../../common/http/api-problems.decorator';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CancelLessonDto, GenerateLessonsDto, GenerateLessonsResultDto, LessonFilterOptionsDto, LessonQueryDto, LessonView, UpdateLessonDto } from './dto/lesson.dto';
import { LessonsService } from './lessons.service';

@ApiTags('lessons')
@ApiBearerAuth()
@Controller()
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Post('groups/:id/lessons/generate')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Create the lessons of the weekly schedule in [from, to] (at most 2 years); idempotent' })
  @ApiOkResponse({ type: GenerateLessonsResultDto })
  @ApiProblems(400, 401, 403, 404)
  generate(@Param('id', UuidPipe) id: string, @Body() dto: GenerateLessonsDto, @CurrentScope() scope: Scope) {
    return this.lessons.generate(id, dto, scope);
  }

  @Get('lessons')
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner')
  @ApiOperation({ summary: 'List lessons in your scope, each with how complete its register is (registerState)' })
  @ApiPageResponse(LessonView)
  @ApiProblems(400, 401, 403)
  list(@Query() q: LessonQueryDto, @CurrentScope() scope: Scope) {
    return this.lessons.list(q, scope);
  }

  @Get('lessons/filter-options')
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({ summary: 'Groups, teachers and locations to filter the lessons list on, within your groups' })
  @ApiOkResponse({ type: LessonFilterOptionsDto })
  @ApiProblems(400, 401, 403)
  filterOptions(@CurrentScope() scope: Scope) {
    return this.lessons.filterOptions(scope);
  }

  @Get('lessons/:id')
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner')
  @ApiOperation({ summary: 'One lesson' })
  @ApiOkResponse({ type: LessonView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.lessons.get(id, scope);
  }

  @Post('lessons/:id/cancel')
  @HttpCode(200)
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({ summary: 'Cancel a lesson with a reason (admin, coordinator, or a teacher of the group)' })
  @ApiOkResponse({ type: LessonView })
  @ApiProblems(400, 401, 403, 404, 422)
  cancel(@Param('id', UuidPipe) id: string, @Body() dto: CancelLessonDto, @CurrentScope() scope: Scope) {
    return this.lessons.cancel(id, dto.reason, scope);
  }

  @Post('lessons/:id/reinstate')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Undo the cancellation of a lesson (admin, coordinator)' })
  @ApiOkResponse({ type: LessonView })
  @ApiProblems(400, 401, 403, 404, 422)
  reinstate(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.lessons.reinstate(id, scope);
  }

  @Patch('lessons/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Change the mode or teacher of one lesson (admin, coordinator)' })
  @ApiOkResponse({ type: LessonView })
  @ApiProblems(400, 401, 403, 404)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateLessonDto, @CurrentScope() scope: Scope) {
    return this.lessons.update(id, dto, scope);
  }
}
