import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SIGNAL_RULES, SIGNAL_STATUSES, sqlIn } from '../../../common/domain/vocabulary';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';

/** A verzuimsignaal; at most one open per trajectory and rule. */
@Entity('absence_signal')
@Index('uq_absence_signal_open', ['trajectoryId', 'rule'], { unique: true, where: `status IN ('registered', 'in_progress')` })
@Index('ix_absence_signal_municipality_status', ['municipalityId', 'status'])
@Index('ix_absence_signal_trajectory_rule', ['trajectoryId', 'rule', 'triggeredOn'])
@Check('ck_absence_signal_rule', sqlIn('rule', SIGNAL_RULES))
@Check('ck_absence_signal_status', sqlIn('status', SIGNAL_STATUSES))
export class AbsenceSignal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_absence_signal_trajectory' })
  trajectory?: Trajectory;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_absence_signal_municipality' })
  municipality?: Municipality;

  @Column({ type: 'varchar', length: 4 })
  rule: string;

  @Column({ type: 'varchar', length: 20, default: 'registered' })
  status: string;

  /** Date of the lesson that made the rule fire. */
  @Column({ type: 'date' })
  triggeredOn: string;

  /** What fired it: lesson ids, minutes in window, thresholds applied. */
  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @Column({ type: 'date', nullable: true })
  reportedToMunicipalityOn: string | null;

  /** Why a closed signal was never reported to the municipality (closing needs this or the report date). */
  @Column({ type: 'text', nullable: true })
  notReportedReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  handledBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
