import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LEGAL_REGIMES, sqlIn } from '../../../common/domain/vocabulary';

/** A course type, e.g. B1-route; targets map a skill to a CEFR level or 'pass'. */
@Entity('product')
@Check('ck_product_legal_regime', sqlIn('legal_regime', LEGAL_REGIMES))
@Check('ck_product_hours', '"contracted_hours" > 0 AND "planned_duration_weeks" > 0')
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_product_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 10, default: 'wi2021' })
  legalRegime: string;

  @Column({ type: 'integer' })
  contractedHours: number;

  @Column({ type: 'integer' })
  plannedDurationWeeks: number;

  @Column({ type: 'jsonb', default: {} })
  defaultTargets: Record<string, string>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  requiredDomains: string[];

  /** Z-route: 800 language + 800 participation hours norm applies. */
  @Column({ type: 'boolean', default: false })
  participationNorm: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
