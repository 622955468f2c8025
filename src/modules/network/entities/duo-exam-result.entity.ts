import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../../../common/domain/vocabulary';
import { Assessment } from '../../assessments/entities/assessment.entity';
import { Learner } from '../../learners/entities/learner.entity';
import { DataImport } from './data-import.entity';

export const DUO_PARTS = ['LE', 'LU', 'SC', 'SP', 'KNM'] as const;
export const DUO_LEVELS = ['A2', 'B1', 'B2'] as const;
export const DUO_RESULTS = ['Geslaagd', 'Gezakt', 'Geen'] as const;
export const DUO_NO_RESULT_REASONS = ['Verwijtbaar', 'Nietverwijtbaar', 'Afgemeld', 'Absent'] as const;

/**
 * A DUO exam result as received, once per (learner, part, date): Geslaagd and Gezakt also became an exam assessment;
 * Geen is kept here only (an attempt without a result: neither passed nor failed, not taken in exam_pass_rate).
 */
@Entity('duo_exam_result')
@Index('uq_duo_exam_result', ['learnerId', 'part', 'examDate'], { unique: true })
@Check('ck_duo_exam_result_part', sqlIn('part', DUO_PARTS))
@Check('ck_duo_exam_result_level', `"level" IS NULL OR ${sqlIn('level', DUO_LEVELS)}`)
@Check('ck_duo_exam_result_result', sqlIn('result', DUO_RESULTS))
@Check('ck_duo_exam_result_reason', `("result" = 'Geen') = ("no_result_reason" IS NOT NULL)`)
export class DuoExamResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  learnerId: string;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'fk_duo_exam_result_learner' })
  learner?: Learner;

  @Column({ type: 'varchar', length: 3 })
  part: string;

  @Column({ type: 'date' })
  examDate: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  level: string | null;

  @Column({ type: 'varchar', length: 10 })
  result: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  noResultReason: string | null;

  @Index('ix_duo_exam_result_assessment')
  @Column({ type: 'uuid', nullable: true })
  assessmentId: string | null;

  @ManyToOne(() => Assessment, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'fk_duo_exam_result_assessment' })
  assessment?: Assessment;

  @Index('ix_duo_exam_result_import')
  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => DataImport, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_duo_exam_result_import' })
  dataImport?: DataImport;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
