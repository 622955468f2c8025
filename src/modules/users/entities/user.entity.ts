import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ROLES, sqlIn } from '../../../common/domain/vocabulary';
import { Municipality } from '../../municipalities/entities/municipality.entity';

@Entity('app_user')
@Check('ck_app_user_role', sqlIn('role', ROLES))
@Check('ck_app_user_municipality', `"role" <> 'municipality' OR "municipality_id" IS NOT NULL`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('uq_app_user_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: string;

  @Index('ix_app_user_municipality')
  @Column({ type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_app_user_municipality' })
  municipality?: Municipality;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Raised by every password change; tokens carry the version they were signed with, so older ones end. */
  @Column({ type: 'int', default: 1 })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
