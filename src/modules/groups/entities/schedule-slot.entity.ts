import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LESSON_MODES, sqlIn } from '../../../common/domain/vocabulary';
import { CourseGroup } from './course-group.entity';

/** One weekly slot of a group's schedule ("rooster"); ISO weekday 1 = Monday. */
@Entity('schedule_slot')
@Index('ix_schedule_slot_group', ['groupId'])
@Check('ck_schedule_slot_weekday', '"weekday" BETWEEN 1 AND 7')
@Check('ck_schedule_slot_minutes', '"minutes" BETWEEN 1 AND 720')
@Check('ck_schedule_slot_mode', sqlIn('mode', LESSON_MODES))
export class ScheduleSlot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => CourseGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_schedule_slot_group' })
  group?: CourseGroup;

  @Column({ type: 'smallint' })
  weekday: number;

  /** Local start time HH:MM (the college's time zone, COLLEGE_TIME_ZONE). */
  @Column({ type: 'time' })
  startTime: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'varchar', length: 10, default: 'physical' })
  mode: string;
}
