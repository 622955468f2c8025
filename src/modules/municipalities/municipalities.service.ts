import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException } from '../../common/errors/domain.exception';
import { MunicipalitiesConflictException } from './municipalities.exception';
import { PG_UNIQUE_VIOLATION, pgCode } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { CreateMunicipalityDto, MunicipalityQueryDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { Municipality } from './entities/municipality.entity';
import { MunicipalityRepository } from './municipality.repository';

@Injectable()
export class MunicipalitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: MunicipalityRepository,
    private readonly audit: AuditService,
  ) {}

  list(q: MunicipalityQueryDto, scope: Scope) {
    return this.repo.findPageInScope(q, scope);
  }

  async get(id: string, scope: Scope): Promise<Municipality> {
    const m = await this.repo.findOneInScope(id, scope);
    if (!m) throw new NotFoundException('Municipality', id);
    return m;
  }

  async create(dto: CreateMunicipalityDto, scope: Scope): Promise<Municipality> {
    return this.uniqueCode(() =>
      this.db.transaction(async (m) => {
        const saved = await m.save(Municipality, m.create(Municipality, { ...dto, debtorNumber: dto.debtorNumber ?? null }));
        await this.audit.record(m, scope, { action: 'create', entityType: 'municipality', entityId: saved.id, fields: Object.keys(dto) });
        return saved;
      }),
    );
  }

  async update(id: string, dto: UpdateMunicipalityDto, scope: Scope): Promise<Municipality> {
    return this.uniqueCode(() =>
      this.db.transaction(async (m) => {
        const fields = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
        if (!(await m.exists(Municipality, { where: { id } }))) throw new NotFoundException('Municipality', id);
        // An empty PATCH changes nothing (TypeORM refuses an UPDATE without values).
        if (fields.length) {
          await m.update(Municipality, { id }, dto);
          await this.audit.record(m, scope, { action: 'update', entityType: 'municipality', entityId: id, fields });
        }
        return m.findOneOrFail(Municipality, { where: { id } });
      }),
    );
  }

  private async uniqueCode<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (pgCode(e) === PG_UNIQUE_VIOLATION) throw new MunicipalitiesConflictException('duplicate', 'A municipality with this CBS code exists', [{ field: 'cbsCode', message: 'is already in use' }]);
      throw e;
    }
  }
}
