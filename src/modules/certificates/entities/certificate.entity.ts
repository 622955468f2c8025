import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlIn } from '../../../common/domain/vocabulary';
import { CourseGroup } from '../../groups/entities/course-group.entity';
import { Learner } from '../../learners/entities/learner.entity';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';
import { User } from '../../users/entities/user.entity';

export const CERTIFICATE_KINDS = ['level', 'participation', 'completion'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** What the certificate states, fixed when it is issued (a regeneration prints the same facts). */
export interface CertificateFacts {
  product: { code: string; name: string };
  /** level: per skill the CEFR level at the issue date, or `passed` for pass/fail skills (behaald). */
  levels?: Array<{ skill: string; level: string | null; passed: boolean | null }>;
  /** participation: attended minutes over [periodFrom, periodTo]. */
  hours?: { physicalMinutes: number; onlineMinutes: number };
  /** completion: the trajectory's start and end dates. */
  startDate?: string;
  endDate?: string;
}

/** A certificate: number CERT-YYYY-NNNNNN (gap-free per year of issue, see certificate_counter) and an unguessable code. */
@Entity('certificate')
@Index('uq_certificate_year_seq', ['year', 'seq'], { unique: true })
@Index('ix_certificate_trajectory', ['trajectoryId', 'kind'])
@Index('ix_certificate_learner', ['learnerId'])
@Index('ix_certificate_issued', ['issueDate', 'id'])
// One valid completion certificate per trajectory; a revoked one may be issued again.
@Index('uq_certificate_completion', ['trajectoryId'], { unique: true, where: `kind = 'completion' AND revoked_at IS NULL` })
@Check('ck_certificate_kind', sqlIn('kind', CERTIFICATE_KINDS))
@Check('ck_certificate_seq', '"seq" BETWEEN 1 AND 999999')
@Check('ck_certificate_period', '("period_from" IS NULL AND "period_to" IS NULL) OR ("period_from" <= "period_to")')
@Check('ck_certificate_revocation', '("revoked_at" IS NULL) = ("revocation_reason" IS NULL)')
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_certificate_number', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  number: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'integer' })
  seq: number;

  /** 16 base32 characters (80 random bits); the public verification page is found by it. */
  @Index('uq_certificate_verification_code', { unique: true })
  @Column({ type: 'char', length: 16 })
  verificationCode: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'uuid' })
  learnerId: string;

  @ManyToOne(() => Learner, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'fk_certificate_learner' })
  learner?: Learner;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_certificate_trajectory' })
  trajectory?: Trajectory;

  /** The group of a bulk request, if it came from one. */
  @Index('ix_certificate_group')
  @Column({ type: 'uuid', nullable: true })
  groupId: string | null;

  @ManyToOne(() => CourseGroup, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_certificate_group' })
  group?: CourseGroup;

  @Column({ type: 'date' })
  issueDate: string;

  @Column({ type: 'date', nullable: true })
  periodFrom: string | null;

  @Column({ type: 'date', nullable: true })
  periodTo: string | null;

  @Column({ type: 'jsonb' })
  facts: CertificateFacts;

  /** The latest document (PDF) made of it; a regeneration points here to the new one. */
  @Index('ix_certificate_document')
  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  issuedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'fk_certificate_issued_by' })
  issuer?: User;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'revoked_by', foreignKeyConstraintName: 'fk_certificate_revoked_by' })
  revoker?: User;

  @Column({ type: 'timestamptz', nullable: true })
  regeneratedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
