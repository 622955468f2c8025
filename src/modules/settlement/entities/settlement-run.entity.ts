import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { User } from '../../users/entities/user.entity';

export const RUN_STATUSES = ['draft', 'final'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** An afrekening for one municipality and period (inclusive): a draft until finalised, then an invoice that never changes. */
@Entity('settlement_run')
@Index('ix_settlement_run_municipality', ['municipalityId', 'periodTo'])
@Index('uq_settlement_run_invoice_number', ['invoiceNumber'], { unique: true })
@Check('ck_settlement_run_status', `"status" IN ('draft', 'final')`)
@Check('ck_settlement_run_period', '"period_to" >= "period_from"')
@Check('ck_settlement_run_final', `"status" = 'draft' OR ("invoice_number" IS NOT NULL AND "invoice_date" IS NOT NULL)`)
export class SettlementRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_settlement_run_municipality' })
  municipality?: Municipality;

  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: string;

  /** YYYY-NNNN, gap-free per year, given at finalisation. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  invoiceNumber: string | null;

  @Column({ type: 'date', nullable: true })
  invoiceDate: string | null;

  @Column({ type: 'integer', default: 0 })
  lineCount: number;

  @Column({ type: 'bigint', default: 0 })
  subtotalCents: string;

  @Column({ type: 'bigint', default: 0 })
  vatCents: string;

  @Column({ type: 'bigint', default: 0 })
  totalCents: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_settlement_run_created_by' })
  creator?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finalisedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  finalisedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'finalised_by', foreignKeyConstraintName: 'fk_settlement_run_finalised_by' })
  finaliser?: User;
}
