import { AuditEvent } from './audit-event.entity';
export const AuditEntities = [AuditEvent];
