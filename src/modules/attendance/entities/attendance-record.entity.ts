import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ATTENDANCE_STATUSES, sqlIn } from '../../../common/domain/vocabulary';
import { Lesson } from '../../groups/entities/lesson.entity';
import { Learner } from '../../learners/entities/learner.entity';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';
import { User } from '../../users/entities/user.entity';

/** One record per (lesson, learner); attended minutes stored as computed at save. */
@Entity('attendance_record')
@Index('uq_attendance_lesson_learner', ['lessonId', 'learnerId'], { unique: true })
/** (trajectory_id, lesson_date) INCLUDE (status, minutes, mode, reported_in_advance): migration CoverAttendanceForReports. */
@Index('ix_attendance_trajectory_date_cover', { synchronize: false })
@Index('ix_attendance_learner', ['learnerId'])
@Check('ck_attendance_status', sqlIn('status', ATTENDANCE_STATUSES))
@Check('ck_attendance_minutes', '"minutes_late" >= 0 AND "minutes_late" <= "lesson_minutes" AND "attended_minutes" >= 0 AND "attended_minutes" <= "lesson_minutes"')
export class AttendanceRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'fk_attendance_lesson' })
  lesson?: Lesson;

  @Column({ type: 'uuid' })
  learnerId: string;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'fk_attendance_learner' })
  learner?: Learner;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_attendance_trajectory' })
  trajectory?: Trajectory;

  /** Copied from the lesson so reports and signal rules read one table. */
  @Column({ type: 'date' })
  lessonDate: string;

  @Column({ type: 'integer' })
  lessonMinutes: number;

  @Column({ type: 'varchar', length: 10 })
  lessonMode: string;

  @Column({ type: 'varchar', length: 24 })
  status: string;

  @Column({ type: 'integer', default: 0 })
  minutesLate: number;

  @Column({ type: 'integer' })
  attendedMinutes: number;

  @Column({ type: 'text', nullable: true })
  absenceReason: string | null;

  /** Absence reported before the lesson (by the learner or a coordinator). */
  @Column({ type: 'boolean', default: false })
  reportedInAdvance: boolean;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_attendance_recorded_by' })
  recorder?: User;

  @UpdateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
