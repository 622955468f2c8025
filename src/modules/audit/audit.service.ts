import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { AuditEvent } from './entities/audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Names of changed fields; never values (and never a BSN). */
  fields?: string[];
}

/** Writes audit events through the caller's transaction, so a write and its audit land together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, scope: Scope | null, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
      actorId: scope?.userId ?? null,
      actorRole: scope?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      fields: entry.fields ?? [],
      requestId: scope?.requestId ?? null,
    });
  }
}
