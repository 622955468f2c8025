import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailedException } from '../../common/errors/domain.exception';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { parseSort } from '../../common/http/sort';
import { AuditEventQueryDto } from './dto/audit-event-query.dto';
import { AuditEvent } from './entities/audit-event.entity';

const SORTS = { occurredAt: 'occurred_at', action: 'action', entityType: 'entity_type' };

@Injectable()
export class AuditEventRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPage(q: AuditEventQueryDto): Promise<Page<AuditEvent>> {
    if (q.from && q.to && Date.parse(q.to) < Date.parse(q.from)) throw ValidationFailedException.field('to', 'must be on or after from');
    const qb = this.db.getRepository(AuditEvent).createQueryBuilder('a');
    if (q.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: q.entityId });
    if (q.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.occurred_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.occurred_at <= :to', { to: q.to });
    const order = parseSort(q.sort, SORTS, '-occurredAt');
    for (const [i, t] of order.entries()) {
      if (i === 0) qb.orderBy(t.column, t.direction);
      else qb.addOrderBy(t.column, t.direction);
    }
    qb.addOrderBy('a.id', 'DESC').skip(offsetOf(q)).take(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, q);
  }
}
