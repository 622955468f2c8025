import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BILLING_BASES, DROPOUT_RULES, sqlIn } from '../../../common/domain/vocabulary';
import { Product } from '../../products/entities/product.entity';
import { Contract } from './contract.entity';

export interface MilestoneShare {
  kind: 'start' | 'halfway' | 'completion';
  percent: number;
}

/** Per product in a contract: billing basis, price in cents, milestones, dropout rule. */
@Entity('contract_product')
@Index('uq_contract_product', ['contractId', 'productId'], { unique: true })
@Check('ck_contract_product_basis', sqlIn('billing_basis', BILLING_BASES))
@Check('ck_contract_product_dropout_rule', sqlIn('dropout_rule', DROPOUT_RULES))
@Check('ck_contract_product_money', '"price_cents" >= 0 AND "hourly_rate_cents" >= 0 AND "exam_bonus_cents" >= 0')
export class ContractProduct {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_contract_product_contract' })
  contract?: Contract;

  @Index('ix_contract_product_product')
  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_contract_product_product' })
  product?: Product;

  @Column({ type: 'varchar', length: 20 })
  billingBasis: string;

  /** Price per trajectory in euro cents (per_trajectory basis). */
  @Column({ type: 'integer', default: 0 })
  priceCents: number;

  /** Hourly rate in euro cents (per_attended_hour basis). */
  @Column({ type: 'integer', default: 0 })
  hourlyRateCents: number;

  @Column({ type: 'jsonb', default: [] })
  milestones: MilestoneShare[];

  @Column({ type: 'integer', default: 0 })
  examBonusCents: number;

  @Column({ type: 'varchar', length: 20, default: 'none' })
  dropoutRule: string;
}
