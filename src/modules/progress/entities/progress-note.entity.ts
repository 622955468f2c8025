import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';
import { User } from '../../users/entities/user.entity';

/** Notes of a voortgangsgesprek: what was discussed, agreements and a follow-up date. */
@Entity('progress_note')
@Index('ix_progress_note_trajectory_date', ['trajectoryId', 'date'])
export class ProgressNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_progress_note_trajectory' })
  trajectory?: Trajectory;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  agreements: string | null;

  @Column({ type: 'date', nullable: true })
  followUpDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_progress_note_author' })
  author?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
