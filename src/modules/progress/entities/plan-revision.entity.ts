import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Trajectory, TrajectoryPlan } from '../../trajectories/entities/trajectory.entity';
import { User } from '../../users/entities/user.entity';

/** History of a trajectory plan: one row per saved version. */
@Entity('plan_revision')
@Index('ix_plan_revision_trajectory', ['trajectoryId', 'createdAt'])
export class PlanRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_plan_revision_trajectory' })
  trajectory?: Trajectory;

  /** The trajectory version this plan was saved as. */
  @Column({ type: 'integer' })
  trajectoryVersion: number;

  @Column({ type: 'jsonb' })
  plan: TrajectoryPlan;

  @Column({ type: 'uuid', nullable: true })
  changedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by', foreignKeyConstraintName: 'fk_plan_revision_changed_by' })
  changer?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
