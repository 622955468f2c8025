import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { Contract } from '../../src/modules/contracts/entities/contract.entity';
import { ContractProduct } from '../../src/modules/contracts/entities/contract-product.entity';
import { CourseGroup } from '../../src/modules/groups/entities/course-group.entity';
import { Enrolment } from '../../src/modules/groups/entities/enrolment.entity';
import { GroupTeacher } from '../../src/modules/groups/entities/group-teacher.entity';
import { Lesson } from '../../src/modules/groups/entities/lesson.entity';
import { Learner } from '../../src/modules/learners/entities/learner.entity';
import { searchKey } from '../../src/modules/learners/name-folding';
import { Trajectory } from '../../src/modules/trajectories/entities/trajectory.entity';

/** Direct database inserts for test set-up; the API under test is exercised by the specs themselves. */
const uniq = () => randomBytes(4).toString('hex');

export async function createContract(db: DataSource, municipalityId: string, productIds: string[], over: Partial<Contract> = {}): Promise<Contract> {
  const contract = await db.getRepository(Contract).save({
    municipalityId,
    reference: `C-${uniq()}`,
    name: 'Test contract',
    validFrom: '2024-01-01',
    validTo: null,
    ...over,
  });
  for (const productId of productIds) {
    await db.getRepository(ContractProduct).save({
      contractId: contract.id,
      productId,
      billingBasis: 'per_trajectory',
      priceCents: 1_000_000,
      milestones: [
        { kind: 'start', percent: 30 },
        { kind: 'halfway', percent: 40 },
        { kind: 'completion', percent: 30 },
      ],
      dropoutRule: 'pro_rata_hours',
    });
  }
  return contract;
}

export async function createLearner(db: DataSource, municipalityId: string, over: Partial<Learner> = {}): Promise<Learner> {
  const firstName = over.firstName ?? 'Test';
  const lastName = over.lastName ?? `Learner ${uniq()}`;
  return db.getRepository(Learner).save({
    learnerNumber: `L${uniq()}`,
    dateOfBirth: '1990-05-17',
    intakeDate: '2025-01-06',
    intakeLevels: { reading: 'A1', listening: 'A1', writing: 'A0', speaking: 'A1' },
    municipalityId,
    ...over,
    firstName,
    lastName,
    searchText: searchKey(firstName, lastName),
  });
}

export async function createTrajectory(
  db: DataSource,
  t: { learnerId: string; municipalityId: string; contractId: string; productId: string } & Partial<Trajectory>,
): Promise<Trajectory> {
  return db.getRepository(Trajectory).save({
    status: 'active',
    startDate: '2025-01-06',
    plannedEndDate: '2026-07-06',
    contractedHours: 1200,
    targetLevels: { reading: 'B1', listening: 'B1', writing: 'B1', speaking: 'B1' },
    ...t,
  });
}

export async function createGroup(
  db: DataSource,
  productId: string,
  over: Partial<CourseGroup> & { teacherIds?: string[] } = {},
): Promise<CourseGroup> {
  const { teacherIds = [], ...rest } = over;
  const group = await db.getRepository(CourseGroup).save({
    code: `G-${uniq()}`,
    name: 'Test group',
    location: 'Enschede, Gronausestraat 1',
    productId,
    capacity: 16,
    startDate: '2025-01-06',
    ...rest,
  });
  for (const userId of teacherIds) await db.getRepository(GroupTeacher).save({ groupId: group.id, userId });
  return group;
}

export async function createLesson(db: DataSource, groupId: string, over: Partial<Lesson> = {}): Promise<Lesson> {
  return db.getRepository(Lesson).save({ groupId, date: '2025-03-03', startTime: '09:00', minutes: 180, mode: 'physical', ...over });
}

export async function enrol(db: DataSource, trajectoryId: string, groupId: string, fromDate = '2025-01-06', toDate: string | null = null): Promise<Enrolment> {
  return db.getRepository(Enrolment).save({ trajectoryId, groupId, fromDate, toDate });
}
