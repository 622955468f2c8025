import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last invoice number given per year; taken with a row lock in the finalising transaction, so numbers have no gaps. */
@Entity('settlement_invoice_counter')
export class InvoiceCounter {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastNumber: number;
}
