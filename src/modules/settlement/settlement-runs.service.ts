import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { pgCode, PG_UNIQUE_VIOLATION } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { CreateSettlementRunDto, SettlementLineQueryDto, SettlementRunDetailView, SettlementRunQueryDto } from './dto/settlement-run.dto';
import { EventAlreadyBilledException, RunNotDraftException } from './settlement.exception';
import { SettlementReadRepository } from './settlement-read.repository';
import { RunState, SettlementRunRepository } from './settlement-run.repository';

/** Drafts, recomputation, discarding and finalisation of settlement runs (afrekeningen). */
@Injectable()
export class SettlementRunsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: SettlementRunRepository,
    private readonly read: SettlementReadRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayIn(this.config.reportTimezone);
  }

  async createDraft(dto: CreateSettlementRunDto, scope: Scope): Promise<SettlementRunDetailView> {
    if (dto.to < dto.from) throw ValidationFailedException.field('to', `must be on or after from (${dto.from})`);
    const id = await this.db.transaction(async (m) => {
      const [mu] = await m.query(`SELECT id FROM municipality WHERE id = $1`, [dto.municipalityId]);
      if (!mu) throw ValidationFailedException.field('municipalityId', 'is not a known municipality');
      const runId = await this.runs.insertDraft(m, dto.municipalityId, dto.from, dto.to, scope.userId);
      await this.runs.computeLines(m, { id: runId, municipalityId: dto.municipalityId, periodFrom: dto.from, periodTo: dto.to, status: 'draft' }, this.today());
      await this.audit.record(m, scope, { action: 'create', entityType: 'settlement_run', entityId: runId });
      return runId;
    });
    return this.get(id, {}, scope);
  }

  async recompute(id: string, scope: Scope): Promise<SettlementRunDetailView> {
    await this.db.transaction(async (m) => {
      const run = await this.lockDraft(m, id, scope, 'recomputed');
      await this.runs.computeLines(m, run, this.today());
      await this.audit.record(m, scope, { action: 'recompute', entityType: 'settlement_run', entityId: id });
    });
    return this.get(id, {}, scope);
  }

  async discard(id: string, scope: Scope): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.lockDraft(m, id, scope, 'discarded');
      await this.runs.deleteDraft(m, id);
      await this.audit.record(m, scope, { action: 'delete', entityType: 'settlement_run', entityId: id });
    });
  }

  /**
   * Draft → final: its lines go into the ledger of billed lines (whose unique key refuses an event another run
   * billed first: 409, nothing changes), then the year's next invoice number is taken from the counter row, which
   * stays locked until commit, so concurrent finalisations get consecutive numbers and a rollback leaves no gap.
   */
  async finalise(id: string, scope: Scope): Promise<SettlementRunDetailView> {
    try {
      await this.db.transaction(async (m) => {
        await this.lockDraft(m, id, scope, 'finalised');
        await this.runs.recordBilling(m, id);
        const invoiceDate = this.today();
        const number = await this.runs.nextInvoiceNumber(m, Number(invoiceDate.slice(0, 4)));
        await this.runs.markFinal(m, id, number, invoiceDate, scope.userId);
        await this.audit.record(m, scope, { action: 'finalise', entityType: 'settlement_run', entityId: id, fields: ['status', 'invoiceNumber', 'invoiceDate'] });
      });
    } catch (e) {
      if (pgCode(e) === PG_UNIQUE_VIOLATION) throw new EventAlreadyBilledException();
      throw e;
    }
    return this.get(id, {}, scope);
  }

  list(q: SettlementRunQueryDto, scope: Scope) {
    if (q.from && q.to && q.to < q.from) throw ValidationFailedException.field('to', 'must be on or after from');
    return this.read.findPageInScope(q, scope);
  }

  async get(id: string, filter: SettlementLineQueryDto, scope: Scope, m: EntityManager = this.db.manager): Promise<SettlementRunDetailView> {
    const run = await this.read.findOneInScope(id, scope, m);
    if (!run) throw new NotFoundException('Settlement run', id);
    const [products, vat, lines] = await Promise.all([this.read.productSubtotals(id, m), this.read.vatRates(id, m), this.read.lines(id, filter, m)]);
    const view = lines.map(({ priceCents: _p, hourlyRateCents: _h, contractedHours: _c, ...line }) => line);
    return { ...run, products, vat, lines: view };
  }

  private async lockDraft(m: EntityManager, id: string, scope: Scope, action: string): Promise<RunState> {
    const visible = await this.read.findOneInScope(id, scope, m);
    const run = visible && (await this.runs.lockState(m, id));
    if (!run) throw new NotFoundException('Settlement run', id);
    if (run.status !== 'draft') throw new RunNotDraftException(action);
    return run;
  }
}
