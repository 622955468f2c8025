import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isStaff, Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { ForbiddenException, NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { Page, PageQueryDto } from '../../common/http/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { LearnerScopeRepository } from '../assessments/learner-scope.repository';
import { AuditService } from '../audit/audit.service';
import { CreateProgressNoteDto, ProgressNoteDto, UpdateProgressNoteDto } from './dto/progress-note.dto';
import { ProgressNote } from './entities/progress-note.entity';
import { ProgressNoteRepository } from './progress-note.repository';
import { assertNotEnded } from './trajectory-state';

@Injectable()
export class ProgressNotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ProgressNoteRepository,
    private readonly scopes: LearnerScopeRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(trajectoryId: string, q: PageQueryDto, scope: Scope): Promise<Page<ProgressNoteDto>> {
    if (!(await this.scopes.findTrajectory(trajectoryId, scope))) throw new NotFoundException('Trajectory', trajectoryId);
    return this.repo.findPageForTrajectory(trajectoryId, q);
  }

  async create(trajectoryId: string, dto: CreateProgressNoteDto, scope: Scope): Promise<ProgressNoteDto> {
    return this.db.transaction(async (m) => {
      const trajectory = await this.scopes.findTrajectory(trajectoryId, scope, m);
      if (!trajectory) throw new NotFoundException('Trajectory', trajectoryId);
      this.checkDates(dto.date, dto.followUpDate ?? null);
      assertNotEnded(trajectory.status);
      const id = await this.repo.insert(m, {
        trajectoryId,
        date: dto.date,
        summary: dto.summary,
        agreements: dto.agreements ?? null,
        followUpDate: dto.followUpDate ?? null,
        authorId: scope.userId,
      });
      const fields = ['date', 'summary', 'agreements', 'followUpDate'].filter((f) => (dto as unknown as Record<string, unknown>)[f] !== undefined);
      await this.audit.record(m, scope, { action: 'create', entityType: 'progress_note', entityId: id, fields });
      return (await this.repo.findById(id, m)) as ProgressNoteDto;
    });
  }

  /** The author, a coordinator or an admin may edit; others who can see the note get 403. */
  async update(id: string, dto: UpdateProgressNoteDto, scope: Scope): Promise<ProgressNoteDto> {
    return this.db.transaction(async (m) => {
      const note = await this.repo.findHeadForUpdate(m, id);
      const trajectory = note && (await this.scopes.findTrajectory(note.trajectoryId, scope, m));
      if (!note || !trajectory) throw new NotFoundException('Progress note', id);
      if (!isStaff(scope) && note.authorId !== scope.userId) throw new ForbiddenException('Only the author or a coordinator may change this note');
      const date = dto.date ?? note.date;
      const followUpDate = dto.followUpDate === undefined ? note.followUpDate : dto.followUpDate;
      this.checkDates(date, followUpDate, dto.date !== undefined);
      assertNotEnded(trajectory.status);
      const patch: Partial<ProgressNote> = {};
      if (dto.date !== undefined) patch.date = dto.date;
      if (dto.summary !== undefined) patch.summary = dto.summary;
      if (dto.agreements !== undefined) patch.agreements = dto.agreements;
      if (dto.followUpDate !== undefined) patch.followUpDate = dto.followUpDate;
      const fields = Object.keys(patch);
      if (fields.length) {
        await this.repo.update(m, id, patch);
        await this.audit.record(m, scope, { action: 'update', entityType: 'progress_note', entityId: id, fields });
      }
      return (await this.repo.findById(id, m)) as ProgressNoteDto;
    });
  }

  private checkDates(date: string, followUpDate: string | null, checkFuture = true): void {
    if (checkFuture && date > todayIn(this.config.reportTimezone)) throw ValidationFailedException.field('date', 'must not be in the future');
    if (followUpDate !== null && followUpDate < date) throw ValidationFailedException.field('followUpDate', 'must be on or after date');
  }
}
