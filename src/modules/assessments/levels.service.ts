import { Injectable } from '@nestjs/common';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { AssessmentLevelRepository } from './assessment-level.repository';
import { LearnerLevelsDto } from './dto/assessment.dto';
import { LearnerScopeRepository } from './learner-scope.repository';

@Injectable()
export class LevelsService {
  constructor(
    private readonly levels: AssessmentLevelRepository,
    private readonly scopes: LearnerScopeRepository,
    private readonly config: AppConfig,
  ) {}

  async atDate(learnerId: string, date: string | undefined, scope: Scope): Promise<LearnerLevelsDto> {
    if (!(await this.scopes.findLearner(learnerId, scope))) throw new NotFoundException('Learner', learnerId);
    const day = date ?? todayIn(this.config.reportTimezone);
    const rows = await this.levels.levelsAtDate(learnerId, day);
    return {
      learnerId,
      date: day,
      trajectoryId: rows[0]?.trajectoryId ?? null,
      skills: rows.map(({ skill, scale, intake, current, target, gain, passed, reached }) => ({ skill, scale, intake, current, target, gain, passed, reached })),
    };
  }
}
