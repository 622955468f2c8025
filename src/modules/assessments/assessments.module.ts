import { Module } from '@nestjs/common';
import { AssessmentLevelRepository } from './assessment-level.repository';
import { AssessmentRepository } from './assessment.repository';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { LearnerScopeRepository } from './learner-scope.repository';
import { LevelsController } from './levels.controller';
import { LevelsService } from './levels.service';

@Module({
  controllers: [AssessmentsController, LevelsController],
  providers: [AssessmentsService, LevelsService, AssessmentRepository, AssessmentLevelRepository, LearnerScopeRepository],
  // Reports reuse the level-at-date query; progress reuses the scope checks.
  exports: [AssessmentLevelRepository, LearnerScopeRepository],
})
export class AssessmentsModule {}
