import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Municipality } from '../../municipalities/entities/municipality.entity';
import { Product } from '../../products/entities/product.entity';

/** A class ("groep") with a location, a product and a weekly schedule. */
@Entity('course_group')
@Check('ck_course_group_capacity', '"capacity" > 0')
@Check('ck_course_group_period', '"end_date" IS NULL OR "end_date" >= "start_date"')
export class CourseGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_course_group_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  location: string;

  /** Municipality where the group is held (the location's). */
  @Index('ix_course_group_municipality')
  @Column({ type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_course_group_municipality' })
  municipality?: Municipality;

  @Index('ix_course_group_product')
  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_course_group_product' })
  product?: Product;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
