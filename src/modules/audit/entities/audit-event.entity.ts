import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger in the database refuses UPDATE and DELETE. */
@Entity('audit_event')
@Index('ix_audit_event_entity', ['entityType', 'entityId'])
@Index('ix_audit_event_occurred_at', ['occurredAt'])
@Index('ix_audit_event_actor', ['actorId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole: string | null;

  /** e.g. create, update, delete, status.activate, bsn.reveal, login */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 60 })
  entityType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  /** Names of the changed fields, never their values. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
