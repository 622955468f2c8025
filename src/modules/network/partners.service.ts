import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException, StaleVersionException, ValidationFailedException } from '../../common/errors/domain.exception';
import { NetworkConflictException } from './network.exception';
import { Page } from '../../common/http/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { CreatePartnerDto, PartnerQueryDto, PartnerView, UpdatePartnerDto } from './dto/partner.dto';
import { PartnerColumns, PartnerRepository } from './partner.repository';

const COLUMNS: Record<string, keyof PartnerColumns> = {
  municipalityId: 'municipality_id',
  name: 'name',
  kind: 'kind',
  themes: 'themes',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
  address: 'address',
  active: 'active',
};

function columnsOf(dto: Partial<CreatePartnerDto>): PartnerColumns {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const v = (dto as Record<string, unknown>)[field];
    if (v === undefined) continue;
    out[column] = field === 'themes' ? [...new Set(v as string[])] : typeof v === 'string' ? v.trim() : v;
  }
  return out as PartnerColumns;
}

@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly partners: PartnerRepository,
    private readonly audit: AuditService,
  ) {}

  list(q: PartnerQueryDto, scope: Scope): Promise<Page<PartnerView>> {
    return this.partners.findPage(q, scope);
  }

  async get(id: string, scope: Scope): Promise<PartnerView> {
    const p = await this.partners.findView(id, scope);
    if (!p) throw new NotFoundException('Partner', id);
    return p;
  }

  create(dto: CreatePartnerDto, scope: Scope): Promise<PartnerView> {
    return this.db.transaction(async (m) => {
      if (!(await this.partners.municipalityExists(m, dto.municipalityId))) {
        throw ValidationFailedException.field('municipalityId', 'no municipality with this id');
      }
      const id = await this.partners.insert(m, columnsOf(dto));
      await this.audit.record(m, scope, { action: 'create', entityType: 'network_partner', entityId: id, fields: Object.keys(dto) });
      return (await this.partners.findView(id, scope, m))!;
    });
  }

  update(id: string, dto: UpdatePartnerDto, scope: Scope): Promise<PartnerView> {
    return this.db.transaction(async (m) => {
      const current = await this.partners.lock(m, id);
      if (!current) throw new NotFoundException('Partner', id);
      if (current.version !== dto.version) throw new StaleVersionException('Partner');
      const { version, ...changes } = dto;
      for (const f of ['municipalityId', 'name', 'kind'] as const) {
        if (changes[f] === null) throw ValidationFailedException.field(f, 'must not be null');
      }
      if (changes.municipalityId && changes.municipalityId !== current.municipalityId) {
        // Referrals are to partners of the trajectory's municipality; moving a partner would break that.
        if (await this.partners.hasReferrals(m, id)) {
          throw new NetworkConflictException('partner_has_referrals', 'A partner with referrals cannot move to another municipality', [
            { field: 'municipalityId', message: 'the partner has referrals' },
          ]);
        }
        if (!(await this.partners.municipalityExists(m, changes.municipalityId))) {
          throw ValidationFailedException.field('municipalityId', 'no municipality with this id');
        }
      }
      const cols = columnsOf(changes);
      if (Object.keys(cols).length) {
        if (!(await this.partners.updateVersioned(m, id, version, cols))) throw new StaleVersionException('Partner');
        await this.audit.record(m, scope, { action: 'update', entityType: 'network_partner', entityId: id, fields: Object.keys(changes) });
      }
      return (await this.partners.findView(id, scope, m))!;
    });
  }

  /** Only a partner without referrals can be removed; otherwise make it inactive. */
  remove(id: string, scope: Scope): Promise<void> {
    return this.db.transaction(async (m) => {
      if (!(await this.partners.lock(m, id))) throw new NotFoundException('Partner', id);
      if (await this.partners.hasReferrals(m, id)) {
        throw new NetworkConflictException('partner_has_referrals', 'The partner has referrals; make it inactive instead (active: false)');
      }
      await this.partners.delete(m, id);
      await this.audit.record(m, scope, { action: 'delete', entityType: 'network_partner', entityId: id });
    });
  }
}
