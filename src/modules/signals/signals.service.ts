import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { SignalStatus } from '../../common/domain/vocabulary';
import {
  NotFoundException,
  StaleVersionException,
  ValidationFailedException,
} from '../../common/errors/domain.exception';
import { SignalsRuleException } from './signals.exception';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { SignalQueryDto } from './dto/signal-query.dto';
import { ReportSignalDto, SignalNoteDto, SignalVersionDto } from './dto/signal-transition.dto';
import { SignalViewDto } from './dto/signal-view.dto';
import { SignalRepository } from './signal.repository';

interface Transition {
  action: 'start' | 'report' | 'close' | 'withdraw';
  from: SignalStatus[];
  to: (current: string) => SignalStatus;
  fields: string[];
}

/** registered → in_progress → closed | withdrawn; reporting to the municipality is recorded while open. */
const TRANSITIONS: Record<Transition['action'], Transition> = {
  start: { action: 'start', from: ['registered'], to: () => 'in_progress', fields: ['status', 'handledBy', 'handledAt'] },
  report: {
    action: 'report',
    from: ['registered', 'in_progress'],
    to: () => 'in_progress',
    fields: ['status', 'reportedToMunicipalityOn', 'handledBy', 'handledAt'],
  },
  close: { action: 'close', from: ['in_progress'], to: () => 'closed', fields: ['status', 'note', 'closedAt', 'handledBy', 'handledAt'] },
  withdraw: {
    action: 'withdraw',
    from: ['registered', 'in_progress'],
    to: () => 'withdrawn',
    fields: ['status', 'note', 'closedAt', 'handledBy', 'handledAt'],
  },
};

@Injectable()
export class SignalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: SignalRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  list(q: SignalQueryDto, scope: Scope) {
    if (q.from && q.to && q.to < q.from) throw ValidationFailedException.field('to', 'must be on or after from');
    return this.repo.findPageInScope(q, scope);
  }

  async get(id: string, scope: Scope): Promise<SignalViewDto> {
    const s = await this.repo.findOneInScope(id, scope);
    if (!s) throw new NotFoundException('Signal', id);
    return s;
  }

  start(id: string, dto: SignalVersionDto, scope: Scope) {
    return this.transition(id, dto.version, TRANSITIONS.start, scope, {});
  }

  report(id: string, dto: ReportSignalDto, scope: Scope) {
    if (dto.reportedToMunicipalityOn > todayIn(this.config.reportTimezone)) {
      throw ValidationFailedException.field('reportedToMunicipalityOn', 'cannot be in the future');
    }
    return this.transition(id, dto.version, TRANSITIONS.report, scope, { reportedToMunicipalityOn: dto.reportedToMunicipalityOn });
  }

  close(id: string, dto: SignalNoteDto, scope: Scope) {
    return this.transition(id, dto.version, TRANSITIONS.close, scope, { note: dto.note, close: true });
  }

  withdraw(id: string, dto: SignalNoteDto, scope: Scope) {
    return this.transition(id, dto.version, TRANSITIONS.withdraw, scope, { note: dto.note, close: true });
  }

  private async transition(
    id: string,
    version: number,
    t: Transition,
    scope: Scope,
    extra: { reportedToMunicipalityOn?: string; note?: string; close?: boolean },
  ): Promise<SignalViewDto> {
    return this.db.transaction(async (m) => {
      const current = await this.repo.lockForTransition(m, id);
      if (!current || !(await this.repo.findOneInScope(id, scope, m))) throw new NotFoundException('Signal', id);
      if (current.version !== version) throw new StaleVersionException('Signal');
      if (!t.from.includes(current.status as SignalStatus)) {
        throw new SignalsRuleException(
          'invalid_transition',
          `Cannot ${t.action} a signal with status ${current.status}; allowed from: ${t.from.join(', ')}`,
          [{ field: 'status', message: `is ${current.status}` }],
        );
      }
      if (extra.reportedToMunicipalityOn && extra.reportedToMunicipalityOn < current.triggeredOn) {
        throw ValidationFailedException.field('reportedToMunicipalityOn', `cannot be before the signal was triggered (${current.triggeredOn})`);
      }
      const ok = await this.repo.applyTransition(m, id, version, { status: t.to(current.status), handledBy: scope.userId, ...extra });
      if (!ok) throw new StaleVersionException('Signal');
      await this.audit.record(m, scope, { action: `signal.${t.action}`, entityType: 'absence_signal', entityId: id, fields: t.fields });
      return (await this.repo.findOneInScope(id, scope, m)) as SignalViewDto;
    });
  }
}
