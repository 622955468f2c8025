import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { AdvanceAbsenceService } from './advance-absence.service';
import { AdvanceAbsenceListDto } from './dto/advance-absence.dto';
import { RegisterLineDto } from './dto/register-view.dto';
import { AdvanceAbsenceDto } from './dto/register.dto';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller()
export class AdvanceAbsenceController {
  constructor(private readonly service: AdvanceAbsenceService) {}

  @Post('lessons/:id/advance-absence')
  @Roles('admin', 'coordinator', 'learner')
  @ApiOperation({ summary: 'Report absence before the lesson starts (absent_authorised with a reason), by the learner itself or a coordinator' })
  @ApiCreatedResponse({ type: RegisterLineDto, description: "The learner's register line with the recorded absence" })
  @ApiProblems(400, 401, 403, 404, 422)
  advanceAbsence(@Param('id', UuidPipe) id: string, @Body() dto: AdvanceAbsenceDto, @CurrentScope() scope: Scope) {
    return this.service.report(id, dto, scope);
  }

  @Delete('lessons/:id/advance-absence/:learnerId')
  @HttpCode(204)
  @Roles('admin', 'coordinator', 'learner')
  @ApiOperation({
    summary: 'Withdraw an absence reported in advance, until the lesson starts (a learner only its own; audited); 422 advance_absence_closed after',
  })
  @ApiNoContentResponse({ description: 'Withdrawn: the learner has no record for the lesson any more' })
  @ApiProblems(400, 401, 403, 404, 422)
  async withdraw(@Param('id', UuidPipe) id: string, @Param('learnerId', UuidPipe) learnerId: string, @CurrentScope() scope: Scope): Promise<void> {
    await this.service.withdraw(id, learnerId, scope);
  }

  @Get('learners/:id/advance-absences')
  @Roles('admin', 'coordinator', 'teacher', 'learner')
  @ApiOperation({ summary: "A learner's absences reported in advance for lessons that have not started yet (a learner only its own)" })
  @ApiOkResponse({ type: AdvanceAbsenceListDto })
  @ApiProblems(400, 401, 403, 404)
  upcoming(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope) {
    return this.service.upcoming(id, scope);
  }
}
