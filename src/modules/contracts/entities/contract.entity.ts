import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Municipality } from '../../municipalities/entities/municipality.entity';

/** SPIL targets: indicator name → target value (rates as fractions 0..1). */
export type SpilTargets = Record<string, number>;

@Entity('contract')
@Check('ck_contract_period', '"valid_to" IS NULL OR "valid_to" >= "valid_from"')
@Check('ck_contract_vat', '"vat_rate_basis_points" >= 0 AND "vat_rate_basis_points" <= 10000')
@Check('ck_contract_thresholds', '"r1_consecutive_lessons" >= 1 AND "r2_window_days" >= 1 AND "r2_unauthorised_minutes" >= 1')
export class Contract {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_contract_municipality')
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_contract_municipality' })
  municipality?: Municipality;

  @Index('uq_contract_reference', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** VAT in basis points (2100 = 21%); inburgering is usually exempt. */
  @Column({ type: 'integer', default: 0 })
  vatRateBasisPoints: number;

  /** R1: this many consecutive registered lessons absent_unauthorised raise a signal. */
  @Column({ type: 'integer', default: 3 })
  r1ConsecutiveLessons: number;

  /** R2: unauthorised absence within this many days ... */
  @Column({ type: 'integer', default: 28 })
  r2WindowDays: number;

  /** ... reaching this many minutes raises a signal (16 h). */
  @Column({ type: 'integer', default: 960 })
  r2UnauthorisedMinutes: number;

  @Column({ type: 'jsonb', default: {} })
  spilTargets: SpilTargets;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
