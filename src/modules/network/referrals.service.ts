import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { visibleFields } from '../../common/auth/field-visibility';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException, StaleVersionException, ValidationFailedException } from '../../common/errors/domain.exception';
import { Page } from '../../common/http/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import {
  CreateHoursDto,
  CreateReferralDto,
  EndReferralDto,
  FirstContactDto,
  NotStartedDto,
  ParticipatingDto,
  ParticipationHoursDto,
  ReferralQueryDto,
  ReferralView,
  UpdateHoursDto,
} from './dto/referral.dto';
import {
  InvalidReferralMoveException,
  NetworkRuleException,
  PartnerNotUsableException,
  ReasonNotInAgreementException,
  TrajectoryEndedException,
} from './network.exception';
import { AGREEMENT_KEY, ENDED_TRAJECTORY_STATUSES } from './network-vocabulary';
import { LockedReferral, ReferralRepository } from './referral.repository';
import { HOURS_STATUSES, ReferralMove, refusedMove } from './referral-status';

const STAFF_ROLES = ['admin', 'coordinator', 'teacher'];

@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayIn(this.config.reportTimezone);
  }

  private notFuture(field: string, date: string): void {
    if (date > this.today()) throw ValidationFailedException.field(field, 'must not be in the future');
  }

  async list(trajectoryId: string, q: ReferralQueryDto, scope: Scope): Promise<Page<ReferralView>> {
    if (!(await this.referrals.findTrajectoryInScope(trajectoryId, scope))) throw new NotFoundException('Trajectory', trajectoryId);
    const page = await this.referrals.findPage(trajectoryId, q);
    return { ...page, items: page.items.map((r) => visibleFields('referral', scope.role, r)) };
  }

  async get(id: string, scope: Scope, m?: EntityManager): Promise<ReferralView> {
    const r = await this.referrals.findView(id, scope, m);
    if (!r) throw new NotFoundException('Referral', id);
    return visibleFields('referral', scope.role, r);
  }

  create(trajectoryId: string, dto: CreateReferralDto, scope: Scope): Promise<ReferralView> {
    return this.db.transaction(async (m) => {
      const t = await this.referrals.findTrajectoryInScope(trajectoryId, scope, m, true);
      if (!t) throw new NotFoundException('Trajectory', trajectoryId);
      if (ENDED_TRAJECTORY_STATUSES.includes(t.status)) throw new TrajectoryEndedException(t.status);
      const partner = await this.referrals.partner(m, dto.partnerId);
      if (!partner) throw ValidationFailedException.field('partnerId', 'no partner with this id');
      if (!partner.active) throw new PartnerNotUsableException('The partner is inactive');
      if (partner.municipalityId !== t.municipalityId) {
        throw new PartnerNotUsableException("The partner belongs to another municipality than the trajectory's");
      }
      const text = t.integrationAgreement?.[AGREEMENT_KEY[dto.reason.kind]]?.[dto.reason.theme];
      if (typeof text !== 'string' || !text.trim()) throw new ReasonNotInAgreementException(dto.reason.kind, dto.reason.theme);
      const id = await this.referrals.insert(m, {
        trajectoryId,
        partnerId: dto.partnerId,
        reasonKind: dto.reason.kind,
        reasonTheme: dto.reason.theme,
        plannedDate: dto.plannedDate,
        note: dto.note?.trim() || null,
      });
      await this.audit.record(m, scope, { action: 'create', entityType: 'referral', entityId: id, fields: Object.keys(dto) });
      return this.get(id, scope, m);
    });
  }

  /** Locks the referral, checks scope, version, the trajectory and the move; then applies `set`. */
  private async move(
    id: string,
    move: ReferralMove,
    version: number,
    scope: Scope,
    build: (r: LockedReferral, m: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<ReferralView> {
    return this.db.transaction(async (m) => {
      const r = await this.referrals.lockInScope(m, id, scope);
      if (!r) throw new NotFoundException('Referral', id);
      if (r.version !== version) throw new StaleVersionException('Referral');
      if (ENDED_TRAJECTORY_STATUSES.includes(r.trajectoryStatus)) throw new TrajectoryEndedException(r.trajectoryStatus);
      const refused = refusedMove(move, r.status);
      if (refused) throw new InvalidReferralMoveException(refused);
      const set = await build(r, m);
      if (!(await this.referrals.move(m, id, version, set))) throw new StaleVersionException('Referral');
      await this.audit.record(m, scope, { action: `referral_${move.replace('-', '_')}`, entityType: 'referral', entityId: id, fields: Object.keys(set) });
      return this.get(id, scope, m);
    });
  }

  firstContact(id: string, dto: FirstContactDto, scope: Scope): Promise<ReferralView> {
    return this.move(id, 'first-contact', dto.version, scope, async (_r, m) => {
      this.notFuture('date', dto.date);
      const by = dto.accompaniedBy ?? null;
      let volunteerId: string | null = null;
      let userId: string | null = null;
      if (by) {
        if (!!by.volunteerId === !!by.userId) {
          throw ValidationFailedException.field('accompaniedBy', 'give exactly one of volunteerId and userId (or leave accompaniedBy out when nobody went along)');
        }
        if (by.volunteerId) {
          const v = await this.referrals.volunteerActive(m, by.volunteerId);
          if (!v) throw ValidationFailedException.field('accompaniedBy.volunteerId', 'no volunteer with this id');
          if (!v.active) throw new NetworkRuleException('volunteer_inactive', 'accompaniedBy.volunteerId', 'the volunteer is inactive');
          const vog = await m.query(`SELECT vog_date IS NOT NULL AND koers_vog_expiry(vog_date) > $2::date AS ok FROM volunteer WHERE id = $1`, [by.volunteerId, dto.date]);
          if (!vog[0]?.ok) {
            throw new NetworkRuleException('vog_not_valid', 'accompaniedBy.volunteerId', 'the volunteer had no valid VOG (certificate of conduct) on that date');
          }
          volunteerId = by.volunteerId;
        } else {
          const u = await this.referrals.staffUser(m, by.userId!);
          if (!u || !STAFF_ROLES.includes(u.role)) throw ValidationFailedException.field('accompaniedBy.userId', 'no staff member (admin, coordinator or teacher) with this id');
          userId = by.userId!;
        }
      }
      return { first_contact_date: dto.date, accompanied_by_volunteer_id: volunteerId, accompanied_by_user_id: userId, status: 'first_contact' };
    });
  }

  participating(id: string, dto: ParticipatingDto, scope: Scope): Promise<ReferralView> {
    return this.move(id, 'participating', dto.version, scope, async (r) => {
      const from = dto.date ?? r.firstContactDate!;
      this.notFuture('date', from);
      if (from < r.firstContactDate!) throw ValidationFailedException.field('date', `must be on or after the first contact (${r.firstContactDate})`);
      return { participating_from: from, status: 'participating' };
    });
  }

  end(id: string, dto: EndReferralDto, scope: Scope): Promise<ReferralView> {
    return this.move(id, 'end', dto.version, scope, async (r, m) => {
      this.notFuture('date', dto.date);
      if (dto.date < r.participatingFrom!) throw ValidationFailedException.field('date', `must be on or after the start of participation (${r.participatingFrom})`);
      const last = await this.referrals.lastEntryDate(m, id);
      if (last && last > dto.date) throw ValidationFailedException.field('date', `participation hours are recorded up to ${last}; the end cannot be before that`);
      return { end_date: dto.date, outcome_reason: dto.reason?.trim() || null, status: 'ended' };
    });
  }

  notStarted(id: string, dto: NotStartedDto, scope: Scope): Promise<ReferralView> {
    return this.move(id, 'not-started', dto.version, scope, async () => ({ outcome_reason: dto.reason.trim(), status: 'not_started' }));
  }

  async hours(id: string, scope: Scope, m?: EntityManager): Promise<ParticipationHoursDto> {
    await this.get(id, scope, m);
    const entries = await this.referrals.entries(id, m);
    const totalMinutes = entries.reduce((s, e) => s + e.minutes, 0);
    return { referralId: id, totalMinutes, totalHours: Math.round((totalMinutes / 60) * 100) / 100, entries };
  }

  /** Locks a referral that takes participation hours: in scope, its trajectory not ended, participating or ended. */
  private async lockForHours(m: EntityManager, id: string, scope: Scope): Promise<LockedReferral> {
    const r = await this.referrals.lockInScope(m, id, scope);
    if (!r) throw new NotFoundException('Referral', id);
    if (ENDED_TRAJECTORY_STATUSES.includes(r.trajectoryStatus)) throw new TrajectoryEndedException(r.trajectoryStatus);
    if (!HOURS_STATUSES.includes(r.status)) {
      throw new InvalidReferralMoveException(`Participation hours need a referral that is participating or ended; this one is ${r.status}`);
    }
    return r;
  }

  /** An entry's day: not in the future, within the referral's participation (from its start, up to its end). */
  private checkEntryDate(r: LockedReferral, date: string): void {
    this.notFuture('date', date);
    if (date < r.participatingFrom!) throw ValidationFailedException.field('date', `must be on or after the start of participation (${r.participatingFrom})`);
    if (r.endDate && date > r.endDate) throw ValidationFailedException.field('date', `must be on or before the end of the referral (${r.endDate})`);
  }

  addHours(id: string, dto: CreateHoursDto, scope: Scope): Promise<ParticipationHoursDto> {
    return this.db.transaction(async (m) => {
      const r = await this.lockForHours(m, id, scope);
      this.checkEntryDate(r, dto.date);
      const entryId = await this.referrals.insertEntry(m, { referralId: id, date: dto.date, minutes: dto.minutes, note: dto.note?.trim() || null, createdBy: scope.userId });
      await this.audit.record(m, scope, { action: 'create', entityType: 'participation_entry', entityId: entryId, fields: Object.keys(dto) });
      return this.hours(id, scope, m);
    });
  }

  /** Corrects one entry (its day, minutes or note); the Z-route figures read the entries, so they follow at once. */
  updateHours(id: string, entryId: string, dto: UpdateHoursDto, scope: Scope): Promise<ParticipationHoursDto> {
    return this.db.transaction(async (m) => {
      const r = await this.lockForHours(m, id, scope);
      const e = await this.referrals.lockEntry(m, id, entryId);
      if (!e) throw new NotFoundException('ParticipationEntry', entryId);
      if (e.version !== dto.version) throw new StaleVersionException('ParticipationEntry');
      const next = {
        date: dto.date ?? e.date,
        minutes: dto.minutes ?? e.minutes,
        note: dto.note === undefined ? e.note : dto.note?.trim() || null,
      };
      if (dto.date !== undefined) this.checkEntryDate(r, next.date);
      if (!(await this.referrals.updateEntry(m, entryId, dto.version, next))) throw new StaleVersionException('ParticipationEntry');
      const fields = (['date', 'minutes', 'note'] as const).filter((f) => dto[f] !== undefined && next[f] !== e[f]);
      await this.audit.record(m, scope, { action: 'update', entityType: 'participation_entry', entityId: entryId, fields });
      return this.hours(id, scope, m);
    });
  }

  removeHours(id: string, entryId: string, scope: Scope): Promise<void> {
    return this.db.transaction(async (m) => {
      await this.lockForHours(m, id, scope);
      if (!(await this.referrals.lockEntry(m, id, entryId))) throw new NotFoundException('ParticipationEntry', entryId);
      await this.referrals.deleteEntry(m, entryId);
      await this.audit.record(m, scope, { action: 'delete', entityType: 'participation_entry', entityId: entryId });
    });
  }
}
