import { DataSource } from 'typeorm';
import { Contract } from '../../src/modules/contracts/entities/contract.entity';
import { ContractProduct } from '../../src/modules/contracts/entities/contract-product.entity';
import { Trajectory } from '../../src/modules/trajectories/entities/trajectory.entity';
import { createContract, createGroup, createLearner, createTrajectory } from './records.factory';

/** Set-up for settlement specs: one contract with one product of the given terms, trajectories and attendance by date. */
export class SettlementWorld {
  constructor(
    readonly db: DataSource,
    readonly municipalityId: string,
    readonly productId: string,
    readonly contract: Contract,
    readonly groupId: string,
  ) {}

  private lessons = 0;

  static async create(
    db: DataSource,
    municipalityId: string,
    productId: string,
    terms: Partial<ContractProduct>,
    contractOver: Partial<Contract> = {},
  ): Promise<SettlementWorld> {
    const contract = await createContract(db, municipalityId, [productId], contractOver);
    await db.getRepository(ContractProduct).update({ contractId: contract.id, productId }, terms);
    const group = await createGroup(db, productId, { startDate: '2024-01-01' });
    return new SettlementWorld(db, municipalityId, productId, contract, group.id);
  }

  async trajectory(over: Partial<Trajectory> = {}): Promise<Trajectory> {
    const learner = await createLearner(this.db, this.municipalityId);
    return createTrajectory(this.db, {
      learnerId: learner.id,
      municipalityId: this.municipalityId,
      contractId: this.contract.id,
      productId: this.productId,
      startDate: '2025-01-06',
      contractedHours: 10,
      ...over,
    });
  }

  /** A lesson on `date` with a record for the trajectory's learner: `attended` minutes of `lessonMinutes`. */
  async attend(t: Trajectory, date: string, attended: number, lessonMinutes = 180, extra: { reportedInAdvance?: boolean } = {}): Promise<string> {
    const [lesson] = await this.db.query(
      `INSERT INTO lesson (group_id, date, start_time, minutes, mode) VALUES ($1, $2, make_time(6 + $4 / 60, $4 % 60, 0), $3, 'physical') RETURNING id`,
      [this.groupId, date, lessonMinutes, this.lessons++],
    );
    const status = attended === 0 ? 'absent_unauthorised' : attended === lessonMinutes ? 'present' : 'late';
    const [rec] = await this.db.query(
      `INSERT INTO attendance_record (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status, minutes_late,
                                      attended_minutes, reported_in_advance)
       VALUES ($1, $2, $3, $4, $5, 'physical', $6, $7, $8, $9) RETURNING id`,
      [lesson.id, t.learnerId, t.id, date, lessonMinutes, status, status === 'late' ? lessonMinutes - attended : 0, attended, extra.reportedInAdvance ?? false],
    );
    return rec.id;
  }

  async setAttended(recordId: string, attended: number): Promise<void> {
    await this.db.query(
      `UPDATE attendance_record SET attended_minutes = $2, minutes_late = lesson_minutes - $2,
              status = CASE WHEN $2 = 0 THEN 'absent_unauthorised' WHEN $2 = lesson_minutes THEN 'present' ELSE 'late' END
        WHERE id = $1`,
      [recordId, attended],
    );
  }

  async exam(t: Trajectory, date: string, passed: boolean | null, isExam = true): Promise<void> {
    await this.db.query(
      `INSERT INTO assessment (learner_id, trajectory_id, skill, date, instrument, passed, is_exam) VALUES ($1, $2, 'knm', $3, 'Examen KNM', $4, $5)`,
      [t.learnerId, t.id, date, passed, isExam],
    );
  }
}
