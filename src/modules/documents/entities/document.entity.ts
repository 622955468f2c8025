import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlIn } from '../../../common/domain/vocabulary';
import { Learner } from '../../learners/entities/learner.entity';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { User } from '../../users/entities/user.entity';

export const DOCUMENT_STATUSES = ['pending', 'running', 'done', 'failed', 'expired'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
/** Statuses in which a request is still open: the same request again answers this row. */
export const OPEN_STATUSES: DocumentStatus[] = ['pending', 'running'];

/**
 * A request for a file, written before any work is queued (so a Redis outage loses nothing), and its result.
 * The BullMQ job id is this row's id. `attemptToken` names the attempt that may finish it.
 */
@Entity('document')
@Check('ck_document_status', sqlIn('status', DOCUMENT_STATUSES))
@Check('ck_document_progress', '"progress" BETWEEN 0 AND 100')
@Index('ix_document_requested_by', ['requestedBy', 'createdAt'])
@Index('ix_document_municipality', ['municipalityId', 'createdAt'], { where: 'municipality_id IS NOT NULL' })
@Index('ix_document_learner', ['learnerId', 'createdAt'], { where: 'learner_id IS NOT NULL' })
@Index('ix_document_created', ['createdAt'])
@Index('ix_document_unfinished', ['status', 'leaseUntil'], { where: "status IN ('pending', 'running')" })
@Index('ix_document_done_finished', ['finishedAt'], { where: "status = 'done'" })
@Index('uq_document_open_request', ['paramsHash'], { unique: true, where: "status IN ('pending', 'running')" })
@Index('uq_document_idempotency_key', ['requestedBy', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
export class DocumentRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A registered kind, e.g. `certificate.pdf` (src/modules/documents/document-kinds.ts). */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  /** The kind's parameters: ids and options only, never personal data. */
  @Column({ type: 'jsonb', default: {} })
  params: Record<string, unknown>;

  /** sha256 of kind, requester and canonical parameters: one open request per combination. */
  @Column({ type: 'char', length: 64 })
  paramsHash: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: DocumentStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'varchar', length: 60, nullable: true })
  errorCode: string | null;

  /** Dutch, shown on the page as is. */
  @Column({ type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_document_requested_by' })
  requester?: User;

  /** Scope: the municipality the document is about (its users may see it when the kind is made for them). */
  @Column({ type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_document_municipality' })
  municipality?: Municipality;

  /** Scope: the learner the document is about (the learner may see it when the kind is made for learners). */
  @Column({ type: 'uuid', nullable: true })
  learnerId: string | null;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'fk_document_learner' })
  learner?: Learner;

  @Column({ type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  storageKey: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contentType: string | null;

  /** Dutch file name offered on download, e.g. `Certificaat Şahin Çelik.pdf`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  sizeBytes: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  /** Random per attempt; only the attempt holding it may report progress or finish the row. */
  @Column({ type: 'uuid', nullable: true })
  attemptToken: string | null;

  /** A running attempt renews this; past it, the reconciler takes the row back (its worker is gone). */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiredAt: Date | null;
}
