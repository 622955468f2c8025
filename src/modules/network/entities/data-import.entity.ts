import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../../../common/domain/vocabulary';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { User } from '../../users/entities/user.entity';

export const IMPORT_KINDS = ['learners', 'exam_results'] as const;
/** uploaded → checked (dry run done) → committed; refused when the worker could not read the file. */
export const IMPORT_STATUSES = ['uploaded', 'checked', 'refused', 'committed'] as const;
/** What a list shows: dry_run (uploaded or checked), committed, failed (refused, or its dry-run document failed). */
export const IMPORT_STATES = ['dry_run', 'committed', 'failed'] as const;
export const IMPORT_ROW_OUTCOMES = ['new', 'known', 'refused'] as const;

/** An uploaded file from a municipality: its dry run (rows) and, once committed, what it added. */
@Entity('data_import')
@Index('ix_data_import_municipality', ['municipalityId', 'createdAt'])
@Check('ck_data_import_kind', sqlIn('kind', IMPORT_KINDS))
@Check('ck_data_import_status', sqlIn('status', IMPORT_STATUSES))
export class DataImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_data_import_municipality' })
  municipality?: Municipality;

  @Column({ type: 'varchar', length: 20, default: 'uploaded' })
  status: string;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** The uploaded file until the dry run has read it (then removed: the rows hold what the commit needs). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  storageKey: string | null;

  /** Dutch reason when the whole file was refused. */
  @Column({ type: 'text', nullable: true })
  fileError: string | null;

  /** Counts per outcome, e.g. { new: 10, known: 2, refused: 1 }. */
  @Column({ type: 'jsonb', default: {} })
  summary: Record<string, number>;

  @Column({ type: 'uuid', nullable: true })
  dryRunDocumentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_data_import_requested_by' })
  requester?: User;

  @Column({ type: 'timestamptz', nullable: true })
  checkedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  committedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'committed_by', foreignKeyConstraintName: 'fk_data_import_committed_by' })
  committer?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One row of the dry run: its outcome, the problems (field + Dutch reason) and the checked values. */
@Entity('data_import_row')
@Check('ck_data_import_row_outcome', sqlIn('outcome', IMPORT_ROW_OUTCOMES))
export class DataImportRow {
  @PrimaryColumn({ type: 'uuid' })
  importId: string;

  @ManyToOne(() => DataImport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_data_import_row_import' })
  dataImport?: DataImport;

  /** Line in the sheet (header = 1), or the position of the exam in a JSON file. */
  @PrimaryColumn({ type: 'integer' })
  line: number;

  @Column({ type: 'varchar', length: 10 })
  outcome: string;

  @Column({ type: 'jsonb', default: [] })
  problems: Array<{ field: string; reason: string }>;

  /** Checked values for the commit; a BSN only sealed (ciphertext, blind index, last 4), never in plain. */
  @Column({ type: 'jsonb', nullable: true })
  value: Record<string, unknown> | null;

  /** The learner it matched (known), or that the commit created / the exam belongs to. */
  @Column({ type: 'uuid', nullable: true })
  learnerId: string | null;

  /** Short text for the table: name, or exam part and date (no BSN). */
  @Column({ type: 'varchar', length: 300, default: '' })
  label: string;
}
