import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlIn } from '../../../common/domain/vocabulary';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';
import { User } from '../../users/entities/user.entity';
import { NETWORK_THEMES, REFERRAL_REASON_KINDS, REFERRAL_STATUSES } from '../network-vocabulary';
import { NetworkPartner } from './network-partner.entity';
import { Volunteer } from './volunteer.entity';

/** A koppeling: a trajectory referred to a partner, with the accompanied first contact and its outcome. */
@Entity('referral')
@Index('ix_referral_trajectory', ['trajectoryId'])
@Index('ix_referral_partner', ['partnerId', 'status'])
@Check('ck_referral_status', sqlIn('status', REFERRAL_STATUSES))
@Check('ck_referral_reason_kind', sqlIn('reason_kind', REFERRAL_REASON_KINDS))
@Check('ck_referral_reason_theme', sqlIn('reason_theme', NETWORK_THEMES))
@Check('ck_referral_accompanied', '"accompanied_by_volunteer_id" IS NULL OR "accompanied_by_user_id" IS NULL')
@Check('ck_referral_first_contact', `("status" IN ('planned', 'not_started')) = ("first_contact_date" IS NULL)`)
@Check('ck_referral_end', `("status" = 'ended') = ("end_date" IS NOT NULL) AND ("end_date" IS NULL OR "end_date" >= "first_contact_date")`)
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_referral_trajectory' })
  trajectory?: Trajectory;

  @Column({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => NetworkPartner, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'fk_referral_partner' })
  partner?: NetworkPartner;

  /** Why: a wish, need or ability of the integration agreement, on one of its themes. */
  @Column({ type: 'varchar', length: 10 })
  reasonKind: string;

  @Column({ type: 'varchar', length: 20 })
  reasonTheme: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'date' })
  plannedDate: string;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status: string;

  @Column({ type: 'date', nullable: true })
  firstContactDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  accompaniedByVolunteerId: string | null;

  @ManyToOne(() => Volunteer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accompanied_by_volunteer_id', foreignKeyConstraintName: 'fk_referral_accompanied_volunteer' })
  accompaniedByVolunteer?: Volunteer;

  @Column({ type: 'uuid', nullable: true })
  accompaniedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accompanied_by_user_id', foreignKeyConstraintName: 'fk_referral_accompanied_user' })
  accompaniedByUser?: User;

  @Column({ type: 'date', nullable: true })
  participatingFrom: string | null;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  /** Why it ended or never started. */
  @Column({ type: 'text', nullable: true })
  outcomeReason: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
