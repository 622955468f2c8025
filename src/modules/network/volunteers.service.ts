import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException, StaleVersionException, ValidationFailedException } from '../../common/errors/domain.exception';
import { NetworkConflictException } from './network.exception';
import { Page } from '../../common/http/page-query.dto';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { CreateVolunteerDto, UpdateVolunteerDto, VolunteerQueryDto, VolunteerView } from './dto/volunteer.dto';
import { VolunteerColumns, VolunteerRepository } from './volunteer.repository';

const COLUMNS: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  languages: 'languages',
  availability: 'availability',
  partnerId: 'partner_id',
  municipalityId: 'municipality_id',
  vogDate: 'vog_date',
  active: 'active',
};

@Injectable()
export class VolunteersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly volunteers: VolunteerRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayIn(this.config.reportTimezone);
  }

  list(q: VolunteerQueryDto, scope: Scope): Promise<Page<VolunteerView>> {
    return this.volunteers.findPage(q, scope, this.today());
  }

  async get(id: string, scope: Scope): Promise<VolunteerView> {
    const v = await this.volunteers.findView(id, scope, this.today());
    if (!v) throw new NotFoundException('Volunteer', id);
    return v;
  }

  /** The partner decides the municipality; without one the given municipality must exist. */
  private async columns(m: EntityManager, dto: Partial<CreateVolunteerDto>, current?: { partnerId: string | null; municipalityId: string | null }): Promise<VolunteerColumns> {
    const out: VolunteerColumns = {};
    for (const [field, column] of Object.entries(COLUMNS)) {
      const v = (dto as Record<string, unknown>)[field];
      if (v !== undefined) out[column] = typeof v === 'string' ? v.trim() : v;
    }
    if (dto.name === null) throw ValidationFailedException.field('name', 'must not be null');
    const partnerId = dto.partnerId !== undefined ? dto.partnerId : current?.partnerId ?? null;
    if (partnerId) {
      const municipalityId = await this.volunteers.partnerMunicipality(m, partnerId);
      if (!municipalityId) throw ValidationFailedException.field('partnerId', 'no partner with this id');
      if (dto.municipalityId && dto.municipalityId !== municipalityId) {
        throw ValidationFailedException.field('municipalityId', "must be the partner's municipality (or left out)");
      }
      out.municipality_id = municipalityId;
    } else if (dto.municipalityId && !(await this.volunteers.municipalityExists(m, dto.municipalityId))) {
      throw ValidationFailedException.field('municipalityId', 'no municipality with this id');
    }
    return out;
  }

  create(dto: CreateVolunteerDto, scope: Scope): Promise<VolunteerView> {
    return this.db.transaction(async (m) => {
      const id = await this.volunteers.insert(m, await this.columns(m, dto));
      await this.audit.record(m, scope, { action: 'create', entityType: 'volunteer', entityId: id, fields: Object.keys(dto) });
      return (await this.volunteers.findView(id, scope, this.today(), m))!;
    });
  }

  update(id: string, dto: UpdateVolunteerDto, scope: Scope): Promise<VolunteerView> {
    return this.db.transaction(async (m) => {
      const current = await this.volunteers.lock(m, id);
      if (!current) throw new NotFoundException('Volunteer', id);
      if (current.version !== dto.version) throw new StaleVersionException('Volunteer');
      const { version, ...changes } = dto;
      const cols = await this.columns(m, changes, current);
      if (Object.keys(changes).length) {
        if (!(await this.volunteers.updateVersioned(m, id, version, cols))) throw new StaleVersionException('Volunteer');
        await this.audit.record(m, scope, { action: 'update', entityType: 'volunteer', entityId: id, fields: Object.keys(changes) });
      }
      return (await this.volunteers.findView(id, scope, this.today(), m))!;
    });
  }

  remove(id: string, scope: Scope): Promise<void> {
    return this.db.transaction(async (m) => {
      if (!(await this.volunteers.lock(m, id))) throw new NotFoundException('Volunteer', id);
      if (await this.volunteers.isReferenced(m, id)) {
        throw new NetworkConflictException('volunteer_has_referrals', 'The volunteer accompanied first contacts; make them inactive instead (active: false)');
      }
      await this.volunteers.delete(m, id);
      await this.audit.record(m, scope, { action: 'delete', entityType: 'volunteer', entityId: id });
    });
  }
}
