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
import { CloseSignalDto, ReportSignalDto, SignalNoteDto, SignalVersionDto } from './dto/signal-transition.dto';
import { SignalDetailDto } from './dto/signal-view.dto';
import { SignalRepository, SignalState } from './signal.repository';

/** Field messages of the close rule, in Dutch: the pages show them as they are. */
export const CLOSE_NEEDS_REPORT_NL = 'vul de datum in waarop het signaal aan de gemeente is gemeld, of de reden waarom het niet is gemeld';
export const REASON_BUT_REPORTED_NL = 'een reden van niet melden hoort niet bij een signaal dat aan de gemeente is gemeld';

interface TransitionExtra {
  reportedToMunicipalityOn?: string;
  notReportedReason?: string;
  note?: string;
  close?: boolean;
}

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
  close: {
    action: 'close',
    from: ['in_progress'],
    to: () => 'closed',
    fields: ['status', 'note', 'closedAt', 'handledBy', 'handledAt', 'reportedToMunicipalityOn', 'notReportedReason'],
  },
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
    return this.repo.findPageInScope(q, scope, this.config.reportTimezone);
  }

  async get(id: string, scope: Scope): Promise<SignalDetailDto> {
    const s = await this.repo.findOneInScope(id, scope, this.config.reportTimezone);
    if (!s) throw new NotFoundException('Signal', id);
    return s;
  }

  start(id: string, dto: SignalVersionDto, scope: Scope) {
    return this.transition(id, dto.version, TRANSITIONS.start, scope, {});
  }

  report(id: string, dto: ReportSignalDto, scope: Scope) {
    this.refuseFutureReport(dto.reportedToMunicipalityOn);
    return this.transition(id, dto.version, TRANSITIONS.report, scope, { reportedToMunicipalityOn: dto.reportedToMunicipalityOn });
  }

  /** Closing needs the report date (recorded before or given now) or a reason why it was not reported; not both. */
  close(id: string, dto: CloseSignalDto, scope: Scope) {
    const reason = dto.notReportedReason?.trim() || undefined;
    if (dto.reportedToMunicipalityOn) this.refuseFutureReport(dto.reportedToMunicipalityOn);
    const check = (current: SignalState) => {
      const reported = current.reportedToMunicipalityOn ?? dto.reportedToMunicipalityOn;
      if (reported && reason) {
        throw new ValidationFailedException([{ field: 'notReportedReason', message: REASON_BUT_REPORTED_NL }],
          'Dit signaal is aan de gemeente gemeld; een reden van niet melden hoort daar niet bij.');
      }
      if (!reported && !reason) {
        throw new ValidationFailedException(
          [{ field: 'reportedToMunicipalityOn', message: CLOSE_NEEDS_REPORT_NL }, { field: 'notReportedReason', message: CLOSE_NEEDS_REPORT_NL }],
          'Een verzuimsignaal wordt pas afgesloten met de datum waarop het aan de gemeente is gemeld, of de reden waarom het niet is gemeld.',
        );
      }
    };
    return this.transition(id, dto.version, TRANSITIONS.close, scope,
      { note: dto.note, close: true, reportedToMunicipalityOn: dto.reportedToMunicipalityOn, notReportedReason: reason }, check);
  }

  withdraw(id: string, dto: SignalNoteDto, scope: Scope) {
    return this.transition(id, dto.version, TRANSITIONS.withdraw, scope, { note: dto.note, close: true });
  }

  private refuseFutureReport(day: string): void {
    if (day > todayIn(this.config.reportTimezone)) throw ValidationFailedException.field('reportedToMunicipalityOn', 'cannot be in the future');
  }

  private async transition(
    id: string,
    version: number,
    t: Transition,
    scope: Scope,
    extra: TransitionExtra,
    check?: (current: SignalState) => void,
  ): Promise<SignalDetailDto> {
    const tz = this.config.reportTimezone;
    return this.db.transaction(async (m) => {
      const current = await this.repo.lockForTransition(m, id);
      if (!current || !(await this.repo.findOneInScope(id, scope, tz, m))) throw new NotFoundException('Signal', id);
      if (current.version !== version) throw new StaleVersionException('Signal');
      if (!t.from.includes(current.status as SignalStatus)) {
        throw new SignalsRuleException(
          'invalid_transition',
          `Cannot ${t.action} a signal with status ${current.status}; allowed from: ${t.from.join(', ')}`,
          [{ field: 'status', message: `is ${current.status}` }],
        );
      }
      check?.(current);
      if (extra.reportedToMunicipalityOn && extra.reportedToMunicipalityOn < current.triggeredOn) {
        throw ValidationFailedException.field('reportedToMunicipalityOn', `cannot be before the signal was triggered (${current.triggeredOn})`);
      }
      const ok = await this.repo.applyTransition(m, id, version, { status: t.to(current.status), handledBy: scope.userId, ...extra });
      if (!ok) throw new StaleVersionException('Signal');
      await this.audit.record(m, scope, { action: `signal.${t.action}`, entityType: 'absence_signal', entityId: id, fields: t.fields });
      return (await this.repo.findOneInScope(id, scope, tz, m)) as SignalDetailDto;
    });
  }
}
