import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { PortfolioItem } from './portfolio-item.entity';

/** A bewijsstuk: a file stored under a generated key, its type decided from its bytes. */
@Entity('portfolio_evidence')
@Index('ix_portfolio_evidence_item', ['itemId'])
export class PortfolioEvidence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  itemId: string;

  @ManyToOne(() => PortfolioItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_portfolio_evidence_item' })
  item?: PortfolioItem;

  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Index('uq_portfolio_evidence_storage_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_portfolio_evidence_uploaded_by' })
  uploader?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
