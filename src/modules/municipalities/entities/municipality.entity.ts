import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('municipality')
export class Municipality {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** CBS code, e.g. GM0153. */
  @Index('uq_municipality_cbs_code', { unique: true })
  @Column({ type: 'varchar', length: 6 })
  cbsCode: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  debtorNumber: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
