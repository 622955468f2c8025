import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';
import { CourseGroup } from './course-group.entity';

/** A trajectory in a group for a date range; to_date null = open-ended. */
@Entity('enrolment')
@Index('ix_enrolment_group_dates', ['groupId', 'fromDate'])
@Index('ix_enrolment_trajectory', ['trajectoryId'])
/** A group's enrolled trajectories without the heap (a teacher's learners); the gist index cannot seek by group. */
@Index('ix_enrolment_group_trajectory', ['groupId', 'trajectoryId'])
@Check('ck_enrolment_dates', '"to_date" IS NULL OR "to_date" >= "from_date"')
@Exclusion(
  'ex_enrolment_no_overlap',
  `USING gist ("trajectory_id" WITH =, "group_id" WITH =, daterange("from_date", "to_date", '[]') WITH &&)`,
)
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_enrolment_trajectory' })
  trajectory?: Trajectory;

  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => CourseGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_enrolment_group' })
  group?: CourseGroup;

  @Column({ type: 'date' })
  fromDate: string;

  @Column({ type: 'date', nullable: true })
  toDate: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
