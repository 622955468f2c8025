import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Referral } from './referral.entity';

/** Dated participation at a partner; a Z-route trajectory's participation hours are the sum of these. */
@Entity('participation_entry')
@Index('ix_participation_entry_referral', ['referralId', 'entryDate'])
@Check('ck_participation_entry_minutes', '"minutes" > 0 AND "minutes" <= 1440')
export class ParticipationEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_participation_entry_referral' })
  referral?: Referral;

  @Column({ type: 'date' })
  entryDate: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_participation_entry_created_by' })
  creator?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** A correction is version-checked (explicit UPDATE … WHERE version = $n). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
