import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last certificate number handed out per year of issue. Taken with an UPDATE in the issuing transaction, so
 * the row lock orders concurrent issues and a rollback returns the number (a sequence would leave a gap).
 */
@Entity('certificate_counter')
@Check('ck_certificate_counter_last', '"last_number" BETWEEN 0 AND 999999')
export class CertificateCounter {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'integer', default: 0 })
  lastNumber: number;
}
