import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { User } from '../../users/entities/user.entity';

@Entity('learner')
@Index('ix_learner_municipality_name_id', ['municipalityId', 'lastName', 'firstName', 'id'])
@Index('ix_learner_name', ['lastName', 'firstName', 'id'])
export class Learner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_learner_number', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  learnerNumber: string;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  /** Folded name (lower case, no diacritics, Cyrillic also transliterated) for search; trigram-indexed. */
  @Index('ix_learner_search_trgm', { synchronize: false })
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_learner_municipality' })
  municipality?: Municipality;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  street: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  postalCode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  countryOfOrigin: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  nativeLanguage: string | null;

  @Column({ type: 'date' })
  intakeDate: string;

  /** Intake level per language skill (CEFR). */
  @Column({ type: 'jsonb', default: {} })
  intakeLevels: Record<string, string>;

  /** AES-256-GCM ciphertext (iv.tag.data, base64); never selected by default. */
  @Column({ type: 'text', nullable: true, select: false })
  bsnCiphertext: string | null;

  /** HMAC-SHA256 blind index for exact lookup and uniqueness. */
  @Index('uq_learner_bsn_hash', { unique: true, where: 'bsn_hash IS NOT NULL' })
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  bsnHash: string | null;

  /** Last four digits for the masked display (*****2782). */
  @Column({ type: 'varchar', length: 4, nullable: true })
  bsnLast4: string | null;

  /** The learner's own login, if any. */
  @Index('uq_learner_user', { unique: true, where: 'user_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_learner_user' })
  user?: User;

  /**
   * Municipalities other than the residence that pay a trajectory of this learner (sorted, null when none), so
   * a municipality's learner list reads its scope from this table alone. Kept by triggers from the trajectory
   * rows (src/modules/learners/sql/koers_learner_other_payers_fill.sql); never written by the application.
   */
  @Index('ix_learner_other_payers', { synchronize: false })
  @Column({ type: 'uuid', array: true, nullable: true, select: false, insert: false, update: false })
  otherPayers: string[] | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
