import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { parseSort } from '../../common/http/sort';
import { ProductQueryDto } from './dto/product.dto';
import { Product } from './entities/product.entity';

const SORTS = { name: 'p.name', code: 'p.code' };

/** Products are reference data: every logged-in role reads all of them. */
@Injectable()
export class ProductRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPage(q: ProductQueryDto): Promise<Page<Product>> {
    const qb = this.db.getRepository(Product).createQueryBuilder('p');
    if (q.search) qb.andWhere('(p.name ILIKE :s OR p.code ILIKE :s)', { s: `%${q.search.replace(/[%_\\]/g, '\\$&')}%` });
    if (q.active !== undefined) qb.andWhere('p.active = :active', { active: q.active });
    const terms = parseSort(q.sort, SORTS, 'name');
    terms.forEach((t, i) => (i ? qb.addOrderBy(t.column, t.direction) : qb.orderBy(t.column, t.direction)));
    qb.addOrderBy('p.id').skip(offsetOf(q)).take(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, q);
  }

  findById(id: string): Promise<Product | null> {
    return this.db.getRepository(Product).findOne({ where: { id } });
  }
}
