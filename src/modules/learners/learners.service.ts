import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { addDays, todayIn } from '../../common/domain/calendar';
import { NotFoundException, StaleVersionException, ValidationFailedException } from '../../common/errors/domain.exception';
import { Page } from '../../common/http/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { BsnVault } from './bsn/bsn-vault.service';
import { CreateLearnerDto } from './dto/create-learner.dto';
import { LearnerQueryDto } from './dto/learner-query.dto';
import { LearnerViewDto } from './dto/learner-view.dto';
import { UpdateLearnerDto } from './dto/update-learner.dto';
import { Learner } from './entities/learner.entity';
import { learnerWriteError, normalisePostalCode } from './learner-errors';
import { LearnerRepository } from './learner.repository';
import { searchKey } from './name-folding';

/** Serialises generation of `L` + 6 digit numbers (released at commit). */
const LEARNER_NUMBER_LOCK = `SELECT pg_advisory_xact_lock(hashtext('koers.learner_number'))`;

const MAX_INTAKE_DAYS_AHEAD = 366;

const OPTIONAL_TEXT = ['email', 'phone', 'street', 'city', 'countryOfOrigin', 'nativeLanguage'] as const;

@Injectable()
export class LearnersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: LearnerRepository,
    private readonly vault: BsnVault,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  list(q: LearnerQueryDto, scope: Scope): Promise<Page<LearnerViewDto>> {
    return this.repo.findPageInScope(q, scope);
  }

  async get(id: string, scope: Scope): Promise<LearnerViewDto> {
    const learner = await this.repo.findOneInScope(id, scope);
    if (!learner) throw new NotFoundException('Learner', id);
    return learner;
  }

  async create(dto: CreateLearnerDto, scope: Scope): Promise<LearnerViewDto> {
    this.checkDates(dto.dateOfBirth, dto.intakeDate);
    const bsn = this.vault.seal(dto.bsn ?? null);
    try {
      return await this.db.transaction(async (m) => {
        await this.checkMunicipality(m, dto.municipalityId);
        let learnerNumber = dto.learnerNumber;
        if (!learnerNumber) {
          await m.query(LEARNER_NUMBER_LOCK);
          learnerNumber = await this.repo.nextLearnerNumber(m);
        }
        const res = await m.insert(Learner, {
          learnerNumber,
          firstName: dto.firstName.trim(),
          lastName: dto.lastName.trim(),
          searchText: searchKey(dto.firstName, dto.lastName),
          dateOfBirth: dto.dateOfBirth,
          municipalityId: dto.municipalityId,
          ...Object.fromEntries(OPTIONAL_TEXT.map((k) => [k, dto[k] ?? null])),
          postalCode: normalisePostalCode(dto.postalCode) ?? null,
          intakeDate: dto.intakeDate,
          intakeLevels: { ...(dto.intakeLevels ?? {}) },
          ...bsn,
        });
        const id = res.identifiers[0].id as string;
        const fields = Object.entries(dto).filter(([, v]) => v !== undefined).map(([k]) => k);
        await this.audit.record(m, scope, { action: 'create', entityType: 'learner', entityId: id, fields: [...new Set([...fields, 'learnerNumber'])] });
        return (await this.repo.findOneInScope(id, scope, m)) as LearnerViewDto;
      });
    } catch (e) {
      throw learnerWriteError(e);
    }
  }

  async update(id: string, dto: UpdateLearnerDto, scope: Scope): Promise<LearnerViewDto> {
    const { version, ...changes } = dto;
    const fields = Object.entries(changes).filter(([, v]) => v !== undefined).map(([k]) => k);
    try {
      return await this.db.transaction(async (m) => {
        const current = await this.repo.lockForUpdate(m, id);
        if (!current) throw new NotFoundException('Learner', id);
        if (current.version !== version) throw new StaleVersionException('Learner');
        if (!fields.length) return (await this.repo.findOneInScope(id, scope, m)) as LearnerViewDto;
        if (changes.dateOfBirth !== undefined || changes.intakeDate !== undefined) {
          this.checkDates(changes.dateOfBirth ?? current.dateOfBirth, changes.intakeDate ?? current.intakeDate);
        }
        if (changes.municipalityId !== undefined) await this.checkMunicipality(m, changes.municipalityId);
        const res = await m
          .createQueryBuilder()
          .update(Learner)
          .set({ ...this.patchOf(changes, current), version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id, version })
          .execute();
        if (!res.affected) throw new StaleVersionException('Learner');
        await this.audit.record(m, scope, { action: 'update', entityType: 'learner', entityId: id, fields });
        return (await this.repo.findOneInScope(id, scope, m)) as LearnerViewDto;
      });
    } catch (e) {
      throw learnerWriteError(e);
    }
  }

  private patchOf(changes: Omit<UpdateLearnerDto, 'version'>, current: { firstName: string; lastName: string }): Partial<Learner> {
    const { bsn, intakeLevels, postalCode, ...plain } = changes;
    const patch: Partial<Learner> = {};
    for (const [k, v] of Object.entries(plain)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
    if (patch.firstName !== undefined) patch.firstName = patch.firstName.trim();
    if (patch.lastName !== undefined) patch.lastName = patch.lastName.trim();
    if (postalCode !== undefined) patch.postalCode = normalisePostalCode(postalCode) ?? null;
    if (intakeLevels !== undefined) patch.intakeLevels = { ...intakeLevels };
    if (bsn !== undefined) Object.assign(patch, this.vault.seal(bsn));
    if (patch.firstName !== undefined || patch.lastName !== undefined) {
      patch.searchText = searchKey(patch.firstName ?? current.firstName, patch.lastName ?? current.lastName);
    }
    return patch;
  }

  private checkDates(dateOfBirth: string, intakeDate: string): void {
    const today = todayIn(this.config.reportTimezone);
    if (dateOfBirth > today) throw ValidationFailedException.field('dateOfBirth', 'must not be in the future');
    if (dateOfBirth < '1900-01-01') throw ValidationFailedException.field('dateOfBirth', 'must be on or after 1900-01-01');
    if (intakeDate < dateOfBirth) throw ValidationFailedException.field('intakeDate', 'must not be before dateOfBirth');
    // An intake may be planned ahead, but not years ahead (9999-12-31 is a typo, not a plan).
    const latest = addDays(today, MAX_INTAKE_DAYS_AHEAD);
    if (intakeDate > latest) throw ValidationFailedException.field('intakeDate', `must not be after ${latest} (at most a year ahead)`);
  }

  private async checkMunicipality(m: EntityManager, municipalityId: string): Promise<void> {
    if (!(await this.repo.municipalityExists(m, municipalityId))) throw ValidationFailedException.field('municipalityId', 'does not exist');
  }
}
