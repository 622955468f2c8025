import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CEFR_LEVELS, SKILLS, sqlIn } from '../../../common/domain/vocabulary';
import { Learner } from '../../learners/entities/learner.entity';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';
import { User } from '../../users/entities/user.entity';

/** A toets or examen: a CEFR level for language skills, pass/fail for knm/map/ona. */
@Entity('assessment')
/** (learner_id, skill, date) INCLUDE (level_index, level, passed): migration CoverAssessmentLevels (level at a date, index-only). */
@Index('ix_assessment_learner_skill_date_cover', { synchronize: false })
@Index('ix_assessment_date', ['date'])
@Check('ck_assessment_skill', sqlIn('skill', SKILLS))
@Check('ck_assessment_level', `"level" IS NULL OR ${sqlIn('level', CEFR_LEVELS)}`)
@Check('ck_assessment_result', `("level" IS NOT NULL AND "level_index" IS NOT NULL) OR ("level" IS NULL AND "passed" IS NOT NULL)`)
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  learnerId: string;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'fk_assessment_learner' })
  learner?: Learner;

  @Index('ix_assessment_trajectory')
  @Column({ type: 'uuid', nullable: true })
  trajectoryId: string | null;

  @ManyToOne(() => Trajectory, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_assessment_trajectory' })
  trajectory?: Trajectory;

  @Column({ type: 'varchar', length: 12 })
  skill: string;

  @Column({ type: 'date' })
  date: string;

  /** e.g. method test, exam, ... */
  @Column({ type: 'varchar', length: 120 })
  instrument: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  level: string | null;

  /** 0..6 for A0..C2, so "highest level" is a max() in SQL. */
  @Column({ type: 'smallint', nullable: true })
  levelIndex: number | null;

  /** For pass/fail skills; for level results, whether the attempt passed (a failed one never raises a level). */
  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ type: 'boolean', default: false })
  isExam: boolean;

  @Column({ type: 'uuid', nullable: true })
  assessorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assessor_id', foreignKeyConstraintName: 'fk_assessment_assessor' })
  assessor?: User;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
