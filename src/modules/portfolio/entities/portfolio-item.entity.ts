import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { COMPETENCE_DOMAINS, PORTFOLIO_STATUSES, sqlIn } from '../../../common/domain/vocabulary';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';
import { User } from '../../users/entities/user.entity';

@Entity('portfolio_item')
@Index('ix_portfolio_item_trajectory', ['trajectoryId', 'domain'])
@Check('ck_portfolio_item_domain', sqlIn('domain', COMPETENCE_DOMAINS))
@Check('ck_portfolio_item_status', sqlIn('status', PORTFOLIO_STATUSES))
export class PortfolioItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_portfolio_item_trajectory' })
  trajectory?: Trajectory;

  @Column({ type: 'varchar', length: 30 })
  domain: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: string;

  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_portfolio_item_reviewed_by' })
  reviewer?: User;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
