import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException } from '../../common/errors/domain.exception';
import { Page } from '../../common/http/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { AuditEvent } from '../audit/entities/audit-event.entity';
import { Candidate, CertificateCandidatesRepository } from './certificate-candidates.repository';
import { CertificateFactsRepository } from './certificate-facts.repository';
import { certificateFor, isDomainError, participationPeriod, Period } from './certificate-issuing';
import { CertificateRepository, NewCertificate } from './certificate.repository';
import { CertificateRevokedException, CompletionAlreadyIssuedException, NoLearnersToCertifyException } from './certificates.exception';
import { CertificateDto, CertificateQueryDto } from './dto/certificate.dto';
import { IssueCertificateDto, IssueGroupCertificatesDto, SkippedLearnerDto } from './dto/issue-certificate.dto';
import { CertificateKind } from './entities/certificate.entity';
import { assertPrintable } from './pdf/certificate-renderer';

export interface IssuedCertificates {
  certificates: CertificateDto[];
  skipped: SkippedLearnerDto[];
}

/** Issuing, reading, revoking certificates. The PDFs are documents made by the worker (see CertificateDocuments). */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: CertificateRepository,
    private readonly candidates: CertificateCandidatesRepository,
    private readonly facts: CertificateFactsRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  today(): string {
    return todayIn(this.config.reportTimezone);
  }

  /** One certificate; `then` runs in the same transaction (the document request). */
  async issue<T>(dto: IssueCertificateDto, scope: Scope, then: (m: EntityManager, c: CertificateDto) => Promise<T>): Promise<{ certificate: CertificateDto; extra: T }> {
    return this.db.transaction(async (m) => {
      const candidate = await this.candidates.trajectory(m, dto.trajectoryId, scope);
      if (!candidate) throw new NotFoundException('Trajectory', dto.trajectoryId);
      const today = this.today();
      const period = dto.kind === 'participation' ? participationPeriod(candidate, today, dto.from, dto.to) : undefined;
      const [item] = await this.build(m, dto.kind, [candidate], today, period ? () => period : undefined, null, (_c, e) => {
        throw e;
      });
      const [row] = await this.repo.insertNumbered(m, today, scope.userId, [item]);
      await this.audit.record(m, scope, { action: 'issue', entityType: 'certificate', entityId: row.id, fields: ['kind', 'trajectoryId'] });
      const [certificate] = await this.withUrls(await this.repo.findByIds([row.id], m));
      return { certificate, extra: await then(m, certificate) };
    });
  }

  /** One certificate of `kind` for every learner of the group who qualifies; the others are listed as skipped. */
  async issueForGroup<T>(
    groupId: string,
    dto: IssueGroupCertificatesDto,
    scope: Scope,
    then: (m: EntityManager, issued: CertificateDto[]) => Promise<T>,
  ): Promise<IssuedCertificates & { extra: T }> {
    return this.db.transaction(async (m) => {
      if (!(await this.candidates.groupVisible(m, groupId, scope))) throw new NotFoundException('Group', groupId);
      const today = this.today();
      const all = await this.candidates.ofGroup(m, groupId, today);
      const skipped: SkippedLearnerDto[] = [];
      const skip = (c: Candidate, e: unknown) => {
        if (!isDomainError(e)) throw e;
        skipped.push({ trajectoryId: c.trajectoryId, learnerId: c.learnerId, learnerName: `${c.firstName} ${c.lastName}`, code: e.code, reason: e.detail ?? e.title });
      };
      const periods = new Map<string, Period>();
      const eligible = all.filter((c) => {
        if (dto.kind !== 'participation') return true;
        try {
          // The group's period, clipped to each trajectory (one that started later or ended earlier).
          const last = c.endDate && c.endDate < today ? c.endDate : today;
          periods.set(c.trajectoryId, participationPeriod(c, today, dto.from && dto.from > c.startDate ? dto.from : undefined, dto.to && dto.to < last ? dto.to : undefined));
          return true;
        } catch (e) {
          skip(c, e);
          return false;
        }
      });
      const items = await this.build(m, dto.kind, eligible, today, (c) => periods.get(c.trajectoryId) as Period, groupId, skip);
      if (!items.length) {
        throw new NoLearnersToCertifyException(
          all.length ? `None of the group's ${all.length} learners qualifies for a ${dto.kind} certificate; see each learner's reason` : 'The group has no enrolled learners',
        );
      }
      const rows = await this.repo.insertNumbered(m, today, scope.userId, items);
      await m.insert(
        AuditEvent,
        rows.map((r) => ({ actorId: scope.userId, actorRole: scope.role, action: 'issue', entityType: 'certificate', entityId: r.id, fields: ['kind', 'trajectoryId', 'groupId'], requestId: scope.requestId ?? null })),
      );
      const certificates = this.withUrls(await this.repo.findByIds(rows.map((r) => r.id), m));
      return { certificates, skipped, extra: await then(m, certificates) };
    });
  }

  /** Facts for each candidate from one query per kind; refusals go to `onRefused`. */
  private async build(
    m: EntityManager,
    kind: CertificateKind,
    list: Candidate[],
    today: string,
    periodOf: ((c: Candidate) => Period) | undefined,
    groupId: string | null,
    onRefused: (c: Candidate, e: unknown) => void,
  ): Promise<NewCertificate[]> {
    const levels = kind === 'level' ? await this.facts.levelsAt(m, list.map((c) => c.learnerId), today) : undefined;
    const hours =
      kind === 'participation' && periodOf
        ? await this.facts.hours(m, list.map((c) => ({ trajectoryId: c.trajectoryId, ...periodOf(c) })))
        : undefined;
    const completions = kind === 'completion' ? await this.repo.validCompletions(m, list.map((c) => c.trajectoryId)) : undefined;
    const out: NewCertificate[] = [];
    for (const c of list) {
      try {
        const existing = completions?.get(c.trajectoryId);
        if (existing) throw new CompletionAlreadyIssuedException(existing);
        const item = certificateFor(kind, c, { levels: levels?.get(c.learnerId), hours: hours?.get(c.trajectoryId), period: periodOf?.(c), today }, groupId);
        assertPrintable({ holder: { fullName: `${c.firstName} ${c.lastName}`, dateOfBirth: '' }, facts: item.facts });
        out.push(item);
      } catch (e) {
        onRefused(c, e);
      }
    }
    return out;
  }

  async list(q: CertificateQueryDto, scope: Scope): Promise<Page<CertificateDto>> {
    const page = await this.repo.findPage(q, scope);
    return { ...page, items: this.withUrls(page.items) };
  }

  async get(id: string, scope: Scope): Promise<CertificateDto> {
    const c = await this.repo.findVisible(id, scope);
    if (!c) throw new NotFoundException('Certificate', id);
    return this.withUrls([c])[0];
  }

  async revoke(id: string, reason: string, scope: Scope): Promise<CertificateDto> {
    return this.db.transaction(async (m) => {
      const c = await this.repo.findVisible(id, scope, m, true);
      if (!c) throw new NotFoundException('Certificate', id);
      if (c.status === 'revoked') throw new CertificateRevokedException(c.number);
      await this.repo.revoke(m, id, reason.trim(), scope.userId);
      await this.audit.record(m, scope, { action: 'revoke', entityType: 'certificate', entityId: id, fields: ['revokedAt', 'revocationReason'] });
      return this.withUrls(await this.repo.findByIds([id], m))[0];
    });
  }

  /**
   * A new PDF of the same certificate (number, code and facts kept; the holder's name as it is now, the current
   * template). `then` requests the document in the same transaction; a revoked certificate is not made again.
   */
  async regenerate<T>(id: string, scope: Scope, then: (m: EntityManager, c: CertificateDto) => Promise<T>): Promise<{ certificate: CertificateDto; extra: T }> {
    return this.db.transaction(async (m) => {
      const c = await this.repo.findVisible(id, scope, m, true);
      if (!c) throw new NotFoundException('Certificate', id);
      if (c.status === 'revoked') throw new CertificateRevokedException(c.number);
      assertPrintable({ holder: { fullName: `${c.learner.firstName} ${c.learner.lastName}`, dateOfBirth: '' }, facts: c.facts });
      await this.audit.record(m, scope, { action: 'regenerate', entityType: 'certificate', entityId: id, fields: [] });
      const extra = await then(m, this.withUrls([c])[0]);
      return { certificate: this.withUrls(await this.repo.findByIds([id], m))[0], extra };
    });
  }

  /**
   * The certificate's PDF for this caller: `existing` answers the current document when the caller may open it, else
   * `request` makes one (a revoked certificate is not handed out or made again). Locked, so two callers at once make one.
   */
  async document<T>(
    id: string,
    scope: Scope,
    existing: (m: EntityManager, c: CertificateDto) => Promise<T | null>,
    request: (m: EntityManager, c: CertificateDto) => Promise<T>,
  ): Promise<{ document: T; created: boolean }> {
    return this.db.transaction(async (m) => {
      const c = await this.repo.findVisible(id, scope, m, true);
      if (!c) throw new NotFoundException('Certificate', id);
      if (c.status === 'revoked') throw new CertificateRevokedException(c.number);
      const current = await existing(m, c);
      if (current) return { document: current, created: false };
      return { document: await request(m, c), created: true };
    });
  }

  verifyUrl(code: string): string {
    return `${this.config.publicBaseUrl.replace(/\/+$/, '')}/verify/${code}`;
  }

  private withUrls(list: CertificateDto[]): CertificateDto[] {
    return list.map((c) => ({ ...c, verifyUrl: this.verifyUrl(c.verificationCode) }));
  }
}
