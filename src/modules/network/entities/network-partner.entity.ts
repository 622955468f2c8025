import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlIn } from '../../../common/domain/vocabulary';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { NETWORK_THEMES, PARTNER_KINDS } from '../network-vocabulary';

/** A netwerkpartner: an organisation in one municipality that newcomers are referred to. */
@Entity('network_partner')
@Index('ix_network_partner_municipality', ['municipalityId', 'kind'])
@Check('ck_network_partner_kind', sqlIn('kind', PARTNER_KINDS))
@Check('ck_network_partner_themes', `"themes" <@ ARRAY[${NETWORK_THEMES.map((t) => `'${t}'`).join(', ')}]::varchar[]`)
export class NetworkPartner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_network_partner_municipality' })
  municipality?: Municipality;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  kind: string;

  @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" })
  themes: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
