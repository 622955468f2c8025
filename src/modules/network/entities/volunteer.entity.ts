import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { NetworkPartner } from './network-partner.entity';

/** A vrijwilliger who accompanies newcomers; the VOG (certificate of conduct) expires 3 years after its date. */
@Entity('volunteer')
@Index('ix_volunteer_partner', ['partnerId'])
@Index('ix_volunteer_municipality', ['municipalityId'])
@Index('ix_volunteer_vog_date', ['vogDate'])
export class Volunteer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  /** Languages spoken, as the user writes them (e.g. "Arabisch", "Tigrinya"). */
  @Column({ type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  availability: string | null;

  /** The municipality the volunteer works in; the partner's when the volunteer belongs to one. */
  @Column({ type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_volunteer_municipality' })
  municipality?: Municipality;

  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @ManyToOne(() => NetworkPartner, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'fk_volunteer_partner' })
  partner?: NetworkPartner;

  /** Issue date of the VOG; expiry is koers_vog_expiry(vog_date). */
  @Column({ type: 'date', nullable: true })
  vogDate: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
