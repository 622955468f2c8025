import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { ProductsConflictException } from './products.exception';
import { PG_UNIQUE_VIOLATION, pgCode } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { CreateProductDto, ProductQueryDto, UpdateProductDto } from './dto/product.dto';
import { Product } from './entities/product.entity';
import { ProductRepository } from './product.repository';
import { validateDefaultTargets } from './product-rules';

@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ProductRepository,
    private readonly audit: AuditService,
  ) {}

  list(q: ProductQueryDto) {
    return this.repo.findPage(q);
  }

  async get(id: string): Promise<Product> {
    const p = await this.repo.findById(id);
    if (!p) throw new NotFoundException('Product', id);
    return p;
  }

  async create(dto: CreateProductDto, scope: Scope): Promise<Product> {
    this.checkInput(dto);
    return this.uniqueCode(() =>
      this.db.transaction(async (m) => {
        const saved = await m.save(Product, m.create(Product, { ...dto, code: dto.code.toUpperCase() }));
        await this.audit.record(m, scope, { action: 'create', entityType: 'product', entityId: saved.id, fields: definedKeys(dto) });
        return m.findOneOrFail(Product, { where: { id: saved.id } });
      }),
    );
  }

  async update(id: string, dto: UpdateProductDto, scope: Scope): Promise<Product> {
    this.checkInput(dto);
    const patch: Partial<Product> = { ...dto } as Partial<Product>;
    if (dto.code !== undefined) patch.code = dto.code.toUpperCase();
    const fields = definedKeys(dto);
    return this.uniqueCode(() =>
      this.db.transaction(async (m) => {
        if (!(await m.exists(Product, { where: { id } }))) throw new NotFoundException('Product', id);
        if (fields.length) {
          await m.update(Product, { id }, patch);
          await this.audit.record(m, scope, { action: 'update', entityType: 'product', entityId: id, fields });
        }
        return m.findOneOrFail(Product, { where: { id } });
      }),
    );
  }

  /** Optional fields may be left out, but no column takes null. */
  private checkInput(dto: CreateProductDto | UpdateProductDto): void {
    const errors = Object.entries(dto).filter(([, v]) => v === null).map(([k]) => ({ field: k, message: 'may not be null' }));
    if (dto.defaultTargets) errors.push(...validateDefaultTargets(dto.defaultTargets));
    if (errors.length) throw new ValidationFailedException(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }

  private async uniqueCode<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (pgCode(e) === PG_UNIQUE_VIOLATION) throw new ProductsConflictException('duplicate', 'A product with this code exists', [{ field: 'code', message: 'is already in use' }]);
      throw e;
    }
  }
}

function definedKeys(dto: object): string[] {
  return Object.entries(dto).filter(([, v]) => v !== undefined).map(([k]) => k);
}
