import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Contract } from '../../contracts/entities/contract.entity';
import { Product } from '../../products/entities/product.entity';
import { Trajectory } from '../../trajectories/entities/trajectory.entity';
import { SettlementRun } from './settlement-run.entity';

export const LINE_KINDS = ['start', 'halfway', 'completion', 'exam_bonus', 'dropout', 'hours', 'correction'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/**
 * One line of a run: a billable event (kind = its milestone) or a correction of an event billed before
 * (kind = correction, event_key = the corrected event, corrects_line_id = its first billed line).
 */
@Entity('settlement_line')
@Index('uq_settlement_line_run_no', ['runId', 'lineNo'], { unique: true })
@Index('ix_settlement_line_trajectory', ['trajectoryId', 'eventKey'])
@Index('ix_settlement_line_corrects', ['correctsLineId'])
@Check('ck_settlement_line_kind', `"kind" IN (${LINE_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('ck_settlement_line_correction', `("kind" = 'correction') = ("corrects_line_id" IS NOT NULL) AND ("kind" = 'correction') = ("correction_seq" > 0)`)
export class SettlementLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => SettlementRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_settlement_line_run' })
  run?: SettlementRun;

  @Column({ type: 'integer' })
  lineNo: number;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @ManyToOne(() => Trajectory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_settlement_line_trajectory' })
  trajectory?: Trajectory;

  @Index('ix_settlement_line_product')
  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_settlement_line_product' })
  product?: Product;

  @Index('ix_settlement_line_contract')
  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_settlement_line_contract' })
  contract?: Contract;

  @Column({ type: 'varchar', length: 12 })
  kind: string;

  /** The event's identity within its trajectory: the milestone kind, or hours:YYYY-MM. */
  @Column({ type: 'varchar', length: 20 })
  eventKey: string;

  @Column({ type: 'date' })
  eventDate: string;

  /** Share of the price (milestones), or null. */
  @Column({ type: 'integer', nullable: true })
  percent: number | null;

  /** Billed minutes (hours) or the attended minutes of a pro rata dropout. */
  @Column({ type: 'integer', nullable: true })
  minutes: number | null;

  @Column({ type: 'integer' })
  amountCents: number;

  @Column({ type: 'integer', default: 0 })
  vatRateBasisPoints: number;

  /** Dated before the run's period and billed by no final run yet ("nagekomen"). */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'uuid', nullable: true })
  correctsLineId: string | null;

  @ManyToOne(() => SettlementLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corrects_line_id', foreignKeyConstraintName: 'fk_settlement_line_corrects' })
  corrects?: SettlementLine;

  /** 0 for the event's own line, 1, 2, … for its corrections in billing order. */
  @Column({ type: 'integer', default: 0 })
  correctionSeq: number;
}
