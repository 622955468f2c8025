import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { AssessmentsService } from './assessments.service';
import { AssessmentDto, AssessmentPageDto } from './dto/assessment.dto';
import { AssessmentQueryDto } from './dto/assessment-query.dto';
import { CreateAssessmentDto } from './dto/create-assessment.dto';

const READERS = ['admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner'] as const;

@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class AssessmentsController {
  constructor(private readonly service: AssessmentsService) {}

  @Post('learners/:learnerId/assessments')
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({ summary: 'Record a toets or examen for a learner (coordinator, or a teacher of one of the learner\'s groups)' })
  @ApiCreatedResponse({ type: AssessmentDto })
  @ApiProblems(400, 401, 403, 404)
  create(@Param('learnerId', UuidPipe) learnerId: string, @Body() dto: CreateAssessmentDto, @CurrentScope() scope: Scope): Promise<AssessmentDto> {
    return this.service.create(learnerId, dto, scope);
  }

  @Get('learners/:learnerId/assessments')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A learner\'s assessments, newest first; filters skill, from, to, isExam' })
  @ApiOkResponse({ type: AssessmentPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@Param('learnerId', UuidPipe) learnerId: string, @Query() q: AssessmentQueryDto, @CurrentScope() scope: Scope): Promise<AssessmentPageDto> {
    return this.service.list(learnerId, q, scope);
  }

  @Get('assessments/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One assessment' })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<AssessmentDto> {
    return this.service.get(id, scope);
  }

  @Delete('assessments/:id')
  @HttpCode(204)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Delete an assessment entered in error (coordinator, audited)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async remove(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<void> {
    await this.service.remove(id, scope);
  }
}
