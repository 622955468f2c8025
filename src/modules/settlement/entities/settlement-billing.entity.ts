import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { SettlementLine } from './settlement-line.entity';
import { SettlementRun } from './settlement-run.entity';

/**
 * The ledger of billed lines: a row per line of a final run. Its unique key is the guard that bills an event at
 * most once (seq 0) and each correction of it once (seq 1, 2, …), even when two runs are finalised at once.
 */
@Entity('settlement_billing')
@Index('uq_settlement_billing_event', ['trajectoryId', 'eventKey', 'correctionSeq'], { unique: true })
export class SettlementBilling {
  @PrimaryColumn({ type: 'uuid' })
  lineId: string;

  @OneToOne(() => SettlementLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'line_id', foreignKeyConstraintName: 'fk_settlement_billing_line' })
  line?: SettlementLine;

  @Index('ix_settlement_billing_run')
  @Column({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => SettlementRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_settlement_billing_run' })
  run?: SettlementRun;

  @Column({ type: 'uuid' })
  trajectoryId: string;

  @Column({ type: 'varchar', length: 20 })
  eventKey: string;

  @Column({ type: 'integer' })
  correctionSeq: number;

  @Column({ type: 'integer' })
  amountCents: number;
}
