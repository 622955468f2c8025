import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { LearnerLevelsDto } from './dto/assessment.dto';
import { LevelsQueryDto } from './dto/levels-query.dto';
import { LevelsService } from './levels.service';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('learners/:learnerId/levels')
export class LevelsController {
  constructor(private readonly service: LevelsService) {}

  @Get()
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner')
  @ApiOperation({ summary: 'Per skill: intake level, level at the date, target, gain and whether the target is reached' })
  @ApiOkResponse({ type: LearnerLevelsDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('learnerId', UuidPipe) learnerId: string, @Query() q: LevelsQueryDto, @CurrentScope() scope: Scope): Promise<LearnerLevelsDto> {
    return this.service.atDate(learnerId, q.date, scope);
  }
}
