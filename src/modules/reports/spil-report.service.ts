import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { addDays, todayIn } from '../../common/domain/calendar';
import { ForbiddenException, NotFoundException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { DocumentsService } from '../documents/documents.service';
import { DocumentRecord } from '../documents/entities/document.entity';
import { spilFileName } from './export/spil-file-name';
import { PeriodOrderException, PeriodTooLongException, SPIL_MAX_PERIOD_YEARS } from './reports.exception';
import { SPIL_DEFINITIONS, SPIL_GENERAL_NOTES, SpilDefinition } from './spil-definitions';
import { buildIndicators, buildMonthly, IndicatorRows, MonthlyPoint, SpilIndicators } from './spil-indicators';
import { ByMunicipality, ContractTargetsRow, MunicipalityRow, SpilQueryParams, SpilReportRepository } from './spil-report.repository';

export interface SpilReportPart {
  indicators: SpilIndicators;
  monthly: MonthlyPoint[];
}

export interface SpilMunicipalityReport extends SpilReportPart {
  municipality: MunicipalityRow;
  /** The contract whose targets apply (valid on the period's last day), or null: no targets. */
  contract: Omit<ContractTargetsRow, 'municipalityId' | 'spilTargets'> & { targets: Record<string, number> } | null;
}

export interface SpilReport {
  from: string;
  to: string;
  /** "Today" in the report time zone: the cut-off of expected registers and of advance absences. */
  today: string;
  timeZone: string;
  municipalities: SpilMunicipalityReport[];
  /** The region total over every in-scope trajectory of the region (not an average); null for one municipality. */
  total: SpilReportPart | null;
  definitions: readonly SpilDefinition[];
  notes: readonly string[];
}

export interface SpilReportRequest {
  municipalityId?: string | null;
  from: string;
  to: string;
}

/** The SPIL report (DOMAIN.md "SPIL indicators"): scope and period checks, then the indicator queries. */
@Injectable()
export class SpilReportService {
  constructor(
    private readonly repo: SpilReportRepository,
    private readonly config: AppConfig,
    private readonly documents: DocumentsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Asks the document pipeline for the spreadsheet or the quarterly PDF of the same report (scope and period checked
   * here, as for the JSON); the worker makes it. The same open request again answers the same document.
   */
  async requestDocument(kind: 'reports.spil.xlsx' | 'reports.spil.pdf', q: SpilReportRequest, scope: Scope, idempotencyKey: string | null): Promise<DocumentRecord> {
    SpilReportService.checkPeriod(q.from, q.to);
    const { list, total } = await this.resolveMunicipalities(q.municipalityId, scope);
    const municipalityId = total ? null : list[0].id;
    const { document } = await this.db.transaction((m) =>
      this.documents.request(m, {
        kind,
        params: { municipalityId, from: q.from, to: q.to },
        requestedBy: scope.userId,
        scope: { municipalityId },
        fileName: spilFileName(total ? null : list[0].name, q.from, q.to, kind === 'reports.spil.pdf' ? 'pdf' : 'xlsx'),
        idempotencyKey,
      }),
    );
    return document;
  }

  /** Throws the domain's 400 for a bad period. */
  static checkPeriod(from: string, to: string): void {
    if (to < from) throw new PeriodOrderException();
    const limit = `${String(Number(from.slice(0, 4)) + SPIL_MAX_PERIOD_YEARS).padStart(4, '0')}${from.slice(4)}`;
    // 29 February + 3 years is not a day; compare as text, which still orders correctly.
    if (to >= limit) throw new PeriodTooLongException();
  }

  /**
   * Which municipalities the caller gets and whether the region total comes with them. A municipality user gets
   * its own whatever it asks, another id is 404 as if it did not exist, and never the region total.
   */
  async resolveMunicipalities(municipalityId: string | null | undefined, scope: Scope): Promise<{ list: MunicipalityRow[]; total: boolean }> {
    if (scope.role === 'municipality') {
      if (!scope.municipalityId) throw new ForbiddenException();
      if (municipalityId && municipalityId !== scope.municipalityId) throw new NotFoundException('Municipality', municipalityId);
      const list = await this.repo.municipalities([scope.municipalityId]);
      if (!list.length) throw new NotFoundException('Municipality', scope.municipalityId);
      return { list, total: false };
    }
    if (scope.role !== 'admin' && scope.role !== 'coordinator') throw new ForbiddenException();
    if (municipalityId) {
      const list = await this.repo.municipalities([municipalityId]);
      if (!list.length) throw new NotFoundException('Municipality', municipalityId);
      return { list, total: false };
    }
    return { list: await this.repo.municipalities(null), total: true };
  }

  async report(q: SpilReportRequest, scope: Scope): Promise<SpilReport> {
    SpilReportService.checkPeriod(q.from, q.to);
    const { list, total } = await this.resolveMunicipalities(q.municipalityId, scope);
    return this.compute(list, total, q.from, q.to);
  }

  /** The report for the given municipalities (already scope-checked); used by the documents too. */
  async compute(list: MunicipalityRow[], withTotal: boolean, from: string, to: string, today = todayIn(this.config.reportTimezone)): Promise<SpilReport> {
    const p: SpilQueryParams = { municipalityIds: list.map((m) => m.id), from, to, today, timeZone: this.config.reportTimezone };
    const [contracts, flows, reasons, attendance, completeness, targetReached, levelGain, exams, signals, portfolio, zRoute, monthly, certificates] =
      await Promise.all([
        this.repo.contractTargets(p),
        this.repo.flows(p),
        this.repo.dropoutsByReason(p),
        this.repo.attendance(p),
        this.repo.registrationCompleteness(p),
        this.repo.targetReached(p),
        this.repo.levelGain(p),
        this.repo.exams(p),
        this.repo.signals(p),
        this.repo.portfolio(p),
        this.repo.zRoute(p),
        this.repo.monthly(p),
        this.repo.certificatesIssued(p),
      ]);
    const one = <T extends ByMunicipality>(rows: T[], id: string | null): T | undefined => rows.find((r) => r.municipalityId === id);
    const all = <T extends ByMunicipality>(rows: T[], id: string | null): T[] => rows.filter((r) => r.municipalityId === id);
    const rowsOf = (id: string | null): IndicatorRows => ({
      flows: one(flows, id),
      reasons: all(reasons, id),
      attendance: attendance.find((r) => r.municipalityId === id && r.month === null),
      completeness: one(completeness, id),
      targetReached: one(targetReached, id),
      levelGain: all(levelGain, id),
      exams: one(exams, id),
      signals: one(signals, id),
      portfolio: one(portfolio, id),
      zRoute: one(zRoute, id),
      certificates: all(certificates, id),
    });

    const municipalities = list.map((m): SpilMunicipalityReport => {
      const c = contracts.find((row) => row.municipalityId === m.id);
      const targets = c ? c.spilTargets ?? {} : null;
      return {
        municipality: m,
        contract: c ? { contractId: c.contractId, reference: c.reference, name: c.name, validFrom: c.validFrom, validTo: c.validTo, targets: targets ?? {} } : null,
        indicators: buildIndicators(rowsOf(m.id), targets),
        monthly: buildMonthly(from, to, all(monthly, m.id), all(attendance, m.id), targets),
      };
    });
    // The region has no contract of its own, so its total carries no targets.
    const regionTotal = withTotal ? { indicators: buildIndicators(rowsOf(null), null), monthly: buildMonthly(from, to, all(monthly, null), all(attendance, null), null) } : null;
    return { from, to, today, timeZone: this.config.reportTimezone, municipalities, total: regionTotal, definitions: SPIL_DEFINITIONS, notes: SPIL_GENERAL_NOTES };
  }

  /** The period just before [from, to] of the same length (the dashboard's "change against the previous period"). */
  static previousPeriod(from: string, to: string): { from: string; to: string } {
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
    return { from: addDays(from, -days - 1), to: addDays(from, -1) };
  }
}
