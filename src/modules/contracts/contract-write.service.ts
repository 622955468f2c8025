import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import {
  FieldError,
  NotFoundException,
  StaleVersionException,
  ValidationFailedException,
} from '../../common/errors/domain.exception';
import { ContractsConflictException, ContractsRuleException } from './contracts.exception';
import { PG_CHECK_VIOLATION, PG_UNIQUE_VIOLATION, pgCode, pgConstraint } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { ContractRepository } from './contract.repository';
import { ContractProductInput, toContractProductRow, validateContractProducts, validatePeriod, validateSpilTargets } from './contract-rules';
import { CreateContractDto, UpdateContractDto } from './dto/contract.dto';
import { ContractDetailView } from './dto/contract-view.dto';

/** Contract fields a PATCH may change → column. */
const COLUMNS: Record<string, string> = {
  reference: 'reference',
  name: 'name',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  vatRateBasisPoints: 'vat_rate_basis_points',
  r1ConsecutiveLessons: 'r1_consecutive_lessons',
  r2WindowDays: 'r2_window_days',
  r2UnauthorisedMinutes: 'r2_unauthorised_minutes',
  spilTargets: 'spil_targets',
};

function fail(errors: FieldError[]): void {
  if (errors.length) throw new ValidationFailedException(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
}

/** Creating and changing contracts (finance, admin); each write with its products and audit in one transaction. */
@Injectable()
export class ContractWriteService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ContractRepository,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateContractDto, scope: Scope): Promise<ContractDetailView> {
    const products = dto.products ?? [];
    fail([...validatePeriod(dto.validFrom, dto.validTo), ...validateSpilTargets(dto.spilTargets ?? {}), ...validateContractProducts(products)]);
    return this.mapConstraints(() =>
      this.db.transaction(async (m) => {
        if (!(await this.repo.municipalityExists(m, dto.municipalityId))) fail([{ field: 'municipalityId', message: 'does not exist' }]);
        await this.checkProductsExist(m, products);
        const [row] = await m.query(
          `INSERT INTO contract (municipality_id, reference, name, valid_from, valid_to, vat_rate_basis_points,
                                 r1_consecutive_lessons, r2_window_days, r2_unauthorised_minutes, spil_targets)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING id`,
          [
            dto.municipalityId,
            dto.reference,
            dto.name,
            dto.validFrom,
            dto.validTo ?? null,
            dto.vatRateBasisPoints ?? 0,
            dto.r1ConsecutiveLessons ?? 3,
            dto.r2WindowDays ?? 28,
            dto.r2UnauthorisedMinutes ?? 960,
            JSON.stringify(dto.spilTargets ?? {}),
          ],
        );
        await this.repo.replaceProducts(m, row.id, products.map(toContractProductRow));
        await this.audit.record(m, scope, { action: 'create', entityType: 'contract', entityId: row.id, fields: definedKeys(dto) });
        return this.detail(m, row.id, scope);
      }),
    );
  }

  async update(id: string, dto: UpdateContractDto, scope: Scope): Promise<ContractDetailView> {
    fail([
      ...(dto.spilTargets ? validateSpilTargets(dto.spilTargets) : []),
      ...(dto.products ? validateContractProducts(dto.products) : []),
      ...Object.entries(dto).filter(([k, v]) => v === null && k !== 'validTo').map(([k]) => ({ field: k, message: 'may not be null' })),
    ]);
    const fields = definedKeys(dto).filter((k) => k !== 'version');
    return this.mapConstraints(() =>
      this.db.transaction(async (m) => {
        if (dto.validFrom !== undefined || dto.validTo !== undefined) await this.checkPeriod(m, id, dto);
        // The version check and the bump in one statement: of two concurrent edits exactly one wins.
        const sets: string[] = ['version = version + 1', 'updated_at = now()'];
        const params: unknown[] = [id, dto.version];
        for (const key of fields.filter((k) => COLUMNS[k])) {
          const value = (dto as unknown as Record<string, unknown>)[key];
          params.push(key === 'spilTargets' ? JSON.stringify(value) : value);
          sets.push(`${COLUMNS[key]} = $${params.length}${key === 'spilTargets' ? '::jsonb' : ''}`);
        }
        const [updated] = await m.query(`UPDATE contract SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, params);
        if (!updated.length) {
          const exists = await m.query('SELECT 1 FROM contract WHERE id = $1', [id]);
          if (!exists.length) throw new NotFoundException('Contract', id);
          throw new StaleVersionException('Contract');
        }
        if (dto.products) await this.replaceProducts(m, id, dto.products);
        await this.audit.record(m, scope, { action: 'update', entityType: 'contract', entityId: id, fields });
        return this.detail(m, id, scope);
      }),
    );
  }

  /** validTo ≥ validFrom against the stored values; a change in between bumps the version, so the UPDATE then fails with 409. */
  private async checkPeriod(m: EntityManager, id: string, dto: UpdateContractDto): Promise<void> {
    const rows: { validFrom: string; validTo: string | null }[] = await m.query(
      `SELECT to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo" FROM contract WHERE id = $1`,
      [id],
    );
    if (!rows.length) throw new NotFoundException('Contract', id);
    fail(validatePeriod(dto.validFrom ?? rows[0].validFrom, dto.validTo !== undefined ? dto.validTo : rows[0].validTo));
  }

  private async replaceProducts(m: EntityManager, contractId: string, products: ContractProductInput[]): Promise<void> {
    await this.checkProductsExist(m, products);
    const keep = products.map((p) => p.productId);
    const inUse = await this.repo.productIdsInUseOutside(m, contractId, keep);
    if (inUse.length) {
      throw new ContractsRuleException('product_in_use', `Trajectories under this contract use product(s) ${inUse.join(', ')}; keep them in the contract`, [
        { field: 'products', message: `must keep product(s) used by trajectories: ${inUse.join(', ')}` },
      ]);
    }
    await this.repo.replaceProducts(m, contractId, products.map(toContractProductRow));
  }

  private async checkProductsExist(m: EntityManager, products: ContractProductInput[]): Promise<void> {
    const existing = await this.repo.existingProductIds(m, products.map((p) => p.productId));
    fail(products.flatMap((p, i) => (existing.has(p.productId) ? [] : [{ field: `products[${i}].productId`, message: 'does not exist' }])));
  }

  private async detail(m: EntityManager, id: string, scope: Scope): Promise<ContractDetailView> {
    const c = await this.repo.findDetailInScope(id, scope, m);
    if (!c) throw new NotFoundException('Contract', id);
    return c;
  }

  private async mapConstraints<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (pgCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === 'uq_contract_reference') {
        throw new ContractsConflictException('duplicate', 'A contract with this reference exists', [{ field: 'reference', message: 'is already in use' }]);
      }
      if (pgCode(e) === PG_CHECK_VIOLATION && pgConstraint(e) === 'ck_contract_period') fail([{ field: 'validTo', message: 'must be on or after validFrom' }]);
      throw e;
    }
  }
}

function definedKeys(dto: object): string[] {
  return Object.entries(dto).filter(([, v]) => v !== undefined).map(([k]) => k);
}
