import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CreateProgressNoteDto, ProgressNoteDto, ProgressNotePageDto, UpdateProgressNoteDto } from './dto/progress-note.dto';
import { ProgressNotesService } from './progress-notes.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class ProgressNotesController {
  constructor(private readonly service: ProgressNotesService) {}

  @Get('trajectories/:trajectoryId/progress-notes')
  @Roles('admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner')
  @ApiOperation({ summary: 'Notes of voortgangsgesprekken for a trajectory, newest first' })
  @ApiOkResponse({ type: ProgressNotePageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@Param('trajectoryId', UuidPipe) trajectoryId: string, @Query() q: PageQueryDto, @CurrentScope() scope: Scope): Promise<ProgressNotePageDto> {
    return this.service.list(trajectoryId, q, scope);
  }

  @Post('trajectories/:trajectoryId/progress-notes')
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({ summary: 'Record a voortgangsgesprek (coordinator, or a teacher of the learner\'s group)' })
  @ApiCreatedResponse({ type: ProgressNoteDto })
  @ApiProblems(400, 401, 403, 404, 422)
  create(@Param('trajectoryId', UuidPipe) trajectoryId: string, @Body() dto: CreateProgressNoteDto, @CurrentScope() scope: Scope): Promise<ProgressNoteDto> {
    return this.service.create(trajectoryId, dto, scope);
  }

  @Patch('progress-notes/:id')
  @Roles('admin', 'coordinator', 'teacher')
  @ApiOperation({ summary: 'Change a progress note (its author or a coordinator)' })
  @ApiOkResponse({ type: ProgressNoteDto })
  @ApiProblems(400, 401, 403, 404, 422)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateProgressNoteDto, @CurrentScope() scope: Scope): Promise<ProgressNoteDto> {
    return this.service.update(id, dto, scope);
  }
}
