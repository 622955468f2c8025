import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { parseSort } from '../../common/http/sort';
import { MunicipalityQueryDto } from './dto/municipality.dto';
import { Municipality } from './entities/municipality.entity';

const SORTS = { name: 'm.name', cbsCode: 'm.cbs_code' };

@Injectable()
export class MunicipalityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A municipality user sees only its own municipality. */
  async findPageInScope(q: MunicipalityQueryDto, scope: Scope): Promise<Page<Municipality>> {
    const qb = this.db.getRepository(Municipality).createQueryBuilder('m');
    if (scope.role === 'municipality') qb.andWhere('m.id = :own', { own: scope.municipalityId });
    if (q.search) qb.andWhere('(m.name ILIKE :s OR m.cbs_code ILIKE :s)', { s: `%${q.search.replace(/[%_\\]/g, '\\$&')}%` });
    const terms = parseSort(q.sort, SORTS, 'name');
    terms.forEach((t, i) => (i ? qb.addOrderBy(t.column, t.direction) : qb.orderBy(t.column, t.direction)));
    qb.addOrderBy('m.id').skip(offsetOf(q)).take(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, q);
  }

  findOneInScope(id: string, scope: Scope): Promise<Municipality | null> {
    if (scope.role === 'municipality' && scope.municipalityId !== id) return Promise.resolve(null);
    return this.db.getRepository(Municipality).findOne({ where: { id } });
  }
}
