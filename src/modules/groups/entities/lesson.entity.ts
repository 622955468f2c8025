import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LESSON_MODES, sqlIn } from '../../../common/domain/vocabulary';
import { User } from '../../users/entities/user.entity';
import { CourseGroup } from './course-group.entity';

@Entity('lesson')
@Index('uq_lesson_group_start', ['groupId', 'date', 'startTime'], { unique: true })
@Index('ix_lesson_date', ['date'])
/** (group_id, date) WHERE NOT cancelled: migration IndexHeldLessonsPerGroup (the SPIL report's expected registers). */
@Index('ix_lesson_group_date_held', { synchronize: false })
@Check('ck_lesson_minutes', '"minutes" BETWEEN 1 AND 720')
@Check('ck_lesson_mode', sqlIn('mode', LESSON_MODES))
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => CourseGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_lesson_group' })
  group?: CourseGroup;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'time' })
  startTime: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'varchar', length: 10, default: 'physical' })
  mode: string;

  @Column({ type: 'boolean', default: false })
  cancelled: boolean;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Index('ix_lesson_teacher')
  @Column({ type: 'uuid', nullable: true })
  teacherId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'teacher_id', foreignKeyConstraintName: 'fk_lesson_teacher' })
  teacher?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Attendance records of this lesson, kept by triggers (src/modules/attendance/sql/koers_count_lesson_records.sql); never written from here. */
  @Column({ type: 'integer', default: 0, insert: false, update: false, select: false })
  recordedLearners: number;
}
