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
import { DROPOUT_REASONS, LEGAL_REGIMES, TRAJECTORY_STATUSES, sqlIn } from '../../../common/domain/vocabulary';
import { Contract } from '../../contracts/entities/contract.entity';
import { Learner } from '../../learners/entities/learner.entity';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { Product } from '../../products/entities/product.entity';

export interface TrajectoryPlan {
  goals?: Partial<Record<string, string>>;
  agreements?: string;
}

export interface IntegrationAgreement {
  wishes?: Partial<Record<string, string>>;
  needs?: Partial<Record<string, string>>;
  abilities?: Partial<Record<string, string>>;
}

@Entity('trajectory')
@Index('uq_trajectory_unfinished_per_learner', ['learnerId'], {
  unique: true,
  where: `status IN ('planned', 'active', 'suspended')`,
})
@Index('ix_trajectory_municipality_status', ['municipalityId', 'status'])
@Index('ix_trajectory_learner', ['learnerId'])
@Index('ix_trajectory_start_date', ['startDate', 'id'])
@Check('ck_trajectory_status', sqlIn('status', TRAJECTORY_STATUSES))
@Check('ck_trajectory_regime', sqlIn('legal_regime', LEGAL_REGIMES))
@Check('ck_trajectory_dropout_reason', `"dropout_reason" IS NULL OR ${sqlIn('dropout_reason', DROPOUT_REASONS)}`)
@Check('ck_trajectory_dates', '"planned_end_date" >= "start_date" AND ("end_date" IS NULL OR "end_date" >= "start_date")')
@Check('ck_trajectory_hours', '"contracted_hours" > 0')
export class Trajectory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  learnerId: string;

  @ManyToOne(() => Learner, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'fk_trajectory_learner' })
  learner?: Learner;

  /** The paying client. */
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_trajectory_municipality' })
  municipality?: Municipality;

  @Index('ix_trajectory_contract')
  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_trajectory_contract' })
  contract?: Contract;

  @Index('ix_trajectory_product')
  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_trajectory_product' })
  product?: Product;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status: string;

  @Column({ type: 'varchar', length: 10, default: 'wi2021' })
  legalRegime: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  plannedEndDate: string;

  /** Set when completed or dropped out. */
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  /** First PIP date (wi2021): the 3-year term runs from the day after. */
  @Column({ type: 'date', nullable: true })
  pipDate: string | null;

  @Column({ type: 'integer' })
  contractedHours: number;

  /** Target per skill: CEFR level for language skills, 'pass' for knm/map/ona. */
  @Column({ type: 'jsonb', default: {} })
  targetLevels: Record<string, string>;

  @Column({ type: 'jsonb', default: {} })
  plan: TrajectoryPlan;

  @Column({ type: 'jsonb', default: {} })
  integrationAgreement: IntegrationAgreement;

  @Column({ type: 'varchar', length: 30, nullable: true })
  dropoutReason: string | null;

  @Column({ type: 'text', nullable: true })
  dropoutNote: string | null;

  /** Dropped out while still planned (e.g. no_show): it never became active, so it bills nothing. */
  @Column({ type: 'boolean', default: false })
  neverActive: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
