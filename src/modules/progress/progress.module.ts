import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { PlanRevisionRepository } from './plan-revision.repository';
import { ProgressNoteRepository } from './progress-note.repository';
import { ProgressNotesController } from './progress-notes.controller';
import { ProgressNotesService } from './progress-notes.service';
import { TrajectoryPlanController } from './trajectory-plan.controller';
import { TrajectoryPlanService } from './trajectory-plan.service';

@Module({
  imports: [AssessmentsModule],
  controllers: [ProgressNotesController, TrajectoryPlanController],
  providers: [ProgressNotesService, TrajectoryPlanService, ProgressNoteRepository, PlanRevisionRepository],
})
export class ProgressModule {}
