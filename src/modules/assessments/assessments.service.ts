import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { cefrIndex, CefrLevel } from '../../common/domain/vocabulary';
import { NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { Page } from '../../common/http/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { AssessmentRepository } from './assessment.repository';
import { AssessmentDto } from './dto/assessment.dto';
import { AssessmentQueryDto } from './dto/assessment-query.dto';
import { CreateAssessmentDto } from './dto/create-assessment.dto';
import { isPassFailSkill } from './skill-levels';
import { LearnerScopeRepository } from './learner-scope.repository';

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: AssessmentRepository,
    private readonly scopes: LearnerScopeRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async create(learnerId: string, dto: CreateAssessmentDto, scope: Scope): Promise<AssessmentDto> {
    return this.db.transaction(async (m) => {
      const learner = await this.scopes.findLearner(learnerId, scope, m);
      if (!learner) throw new NotFoundException('Learner', learnerId);
      const result = this.checkResult(dto);
      if (dto.date > todayIn(this.config.reportTimezone)) throw ValidationFailedException.field('date', 'must not be in the future');
      // A far-past year is a typo, not an assessment: nothing predates the learner's birth.
      if (dto.date < learner.dateOfBirth) throw ValidationFailedException.field('date', `must not be before the learner's date of birth (${learner.dateOfBirth})`);
      if (dto.trajectoryId && !(await this.repo.trajectoryBelongsTo(m, dto.trajectoryId, learnerId))) {
        throw ValidationFailedException.field('trajectoryId', 'is not a trajectory of this learner');
      }
      const id = await this.repo.insert(m, {
        learnerId,
        trajectoryId: dto.trajectoryId ?? null,
        skill: dto.skill,
        date: dto.date,
        instrument: dto.instrument,
        ...result,
        isExam: dto.isExam ?? false,
        assessorId: scope.userId,
        note: dto.note ?? null,
      });
      const fields = ['skill', 'date', 'instrument', 'level', 'passed', 'isExam', 'trajectoryId', 'note'].filter(
        (f) => (dto as unknown as Record<string, unknown>)[f] !== undefined,
      );
      await this.audit.record(m, scope, { action: 'create', entityType: 'assessment', entityId: id, fields });
      return (await this.repo.findById(id, m)) as AssessmentDto;
    });
  }

  /** Language skills carry a CEFR level (passed defaults to true); knm/map/ona carry only pass/fail. */
  private checkResult(dto: CreateAssessmentDto): { level: string | null; levelIndex: number | null; passed: boolean } {
    if (isPassFailSkill(dto.skill)) {
      if (dto.level !== undefined) throw ValidationFailedException.field('level', `is not allowed for the pass/fail skill ${dto.skill}; send passed`);
      if (dto.passed === undefined) throw ValidationFailedException.field('passed', `is required for the pass/fail skill ${dto.skill}`);
      return { level: null, levelIndex: null, passed: dto.passed };
    }
    if (dto.level === undefined) throw ValidationFailedException.field('level', `is required for the language skill ${dto.skill}`);
    return { level: dto.level, levelIndex: cefrIndex(dto.level as CefrLevel), passed: dto.passed ?? true };
  }

  async list(learnerId: string, q: AssessmentQueryDto, scope: Scope): Promise<Page<AssessmentDto>> {
    if (q.from && q.to && q.to < q.from) throw ValidationFailedException.field('to', 'must be on or after from');
    if (!(await this.scopes.findLearner(learnerId, scope))) throw new NotFoundException('Learner', learnerId);
    return this.repo.findPageForLearner(learnerId, q, scope);
  }

  async get(id: string, scope: Scope): Promise<AssessmentDto> {
    const learnerId = await this.repo.findLearnerId(id, scope);
    if (!learnerId || !(await this.scopes.findLearner(learnerId, scope))) throw new NotFoundException('Assessment', id);
    return (await this.repo.findById(id)) as AssessmentDto;
  }

  async remove(id: string, scope: Scope): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.repo.delete(m, id))) throw new NotFoundException('Assessment', id);
      await this.audit.record(m, scope, { action: 'delete', entityType: 'assessment', entityId: id, fields: [] });
    });
  }
}
