import { DataSource } from 'typeorm';
import { randomBytes } from 'crypto';
import { Certificate } from '../../src/modules/certificates/entities/certificate.entity';
import { Assessment } from '../../src/modules/assessments/entities/assessment.entity';
import { AttendanceRecord } from '../../src/modules/attendance/entities/attendance-record.entity';
import { Lesson } from '../../src/modules/groups/entities/lesson.entity';
import { PortfolioItem } from '../../src/modules/portfolio/entities/portfolio-item.entity';
import { AbsenceSignal } from '../../src/modules/signals/entities/absence-signal.entity';
import { Trajectory } from '../../src/modules/trajectories/entities/trajectory.entity';
import { seedReference, Reference } from './reference.factory';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './records.factory';

/**
 * The crafted SPIL dataset of test/spil-report.e2e-spec.ts. Period Q1 2025, "today" 2025-03-15. Every figure the
 * spec expects is worked out by hand from DOMAIN.md in the comments there.
 */
export const SPIL_FROM = '2025-01-01';
export const SPIL_TO = '2025-03-31';
export const SPIL_TODAY = '2025-03-15';

export const SPIL_TARGETS = {
  dropout_rate: 0.2,
  rendement: 0.5,
  attendance_rate: 0.8,
  attendance_rate_excl_authorised: 0.75,
  registration_completeness: 0.9,
  target_reached_rate: 0.5,
  exam_pass_rate: 0.6,
  portfolio_completeness: 0.25,
};

export interface SpilDataset {
  ref: Reference;
  enschede: string;
  hengelo: string;
  trajectories: Record<string, Trajectory>;
}

type Status = 'present' | 'late' | 'absent_authorised' | 'absent_unauthorised';

async function record(db: DataSource, lesson: Lesson, tr: Trajectory, status: Status, minutesLate = 0, reportedInAdvance = false): Promise<void> {
  const attended = status === 'present' ? lesson.minutes : status === 'late' ? lesson.minutes - minutesLate : 0;
  await db.getRepository(AttendanceRecord).save({
    lessonId: lesson.id,
    learnerId: tr.learnerId,
    trajectoryId: tr.id,
    lessonDate: lesson.date,
    lessonMinutes: lesson.minutes,
    lessonMode: lesson.mode,
    status,
    minutesLate,
    attendedMinutes: attended,
    absenceReason: status === 'absent_authorised' ? 'arts' : null,
    reportedInAdvance,
  });
}

async function assess(db: DataSource, learnerId: string, a: Partial<Assessment>): Promise<void> {
  await db.getRepository(Assessment).save({ learnerId, instrument: a.isExam ? 'Staatsexamen' : 'Methodetoets', ...a });
}

export async function seedSpilDataset(db: DataSource): Promise<SpilDataset> {
  const ref = await seedReference(db);
  const enschede = ref.municipalities.Enschede;
  const hengelo = ref.municipalities.Hengelo;
  const b1 = ref.products['B1-ROUTE'];
  const z = ref.products['Z-ROUTE'];
  // The contract valid on 2025-03-31 gives the targets; the older one must not.
  await createContract(db, enschede, [b1, z], { validFrom: '2023-01-01', validTo: '2024-12-31', spilTargets: { dropout_rate: 0.01, attendance_rate: 0.99 } });
  await createContract(db, enschede, [b1, z], { validFrom: '2025-01-01', validTo: '2025-12-31', spilTargets: SPIL_TARGETS });
  // Hengelo's contract ended before the period's last day: no targets.
  const hContract = await createContract(db, hengelo, [b1], { validFrom: '2024-01-01', validTo: '2025-03-30', spilTargets: { attendance_rate: 0.5 } });
  const contracts = await db.query(`SELECT id, municipality_id AS m, valid_from::text AS f FROM contract`);
  const eContract = contracts.find((c: { m: string; f: string }) => c.m === enschede && c.f === '2025-01-01').id;

  const traj = async (key: string, municipalityId: string, contractId: string, productId: string, t: Partial<Trajectory>, intake: Record<string, string>) => {
    const learner = await createLearner(db, municipalityId, { lastName: `Spil ${key}`, intakeLevels: intake });
    return createTrajectory(db, { learnerId: learner.id, municipalityId, contractId, productId, targetLevels: {}, ...t });
  };
  const T: Record<string, Trajectory> = {};
  T.t1 = await traj('t1', enschede, eContract, b1, { status: 'active', startDate: '2024-09-01' }, { reading: 'A1', listening: 'A2' });
  T.t2 = await traj('t2', enschede, eContract, b1, { status: 'completed', startDate: '2024-06-01', endDate: '2025-02-14', targetLevels: { reading: 'B1', knm: 'pass' } }, { reading: 'A2' });
  T.t3 = await traj('t3', enschede, eContract, b1, { status: 'dropped_out', startDate: '2024-10-01', endDate: '2025-01-31', dropoutReason: 'moved' }, {});
  T.t4 = await traj('t4', enschede, eContract, b1, { status: 'dropped_out', startDate: '2025-01-15', endDate: '2025-03-10', dropoutReason: 'motivation_absence', targetLevels: { reading: 'B1' } }, { reading: 'A1' });
  T.t5 = await traj('t5', enschede, eContract, b1, { status: 'active', startDate: '2025-02-10' }, { reading: 'A0', writing: 'A0' });
  T.t6 = await traj('t6', enschede, eContract, b1, { status: 'active', startDate: '2025-05-01', plannedEndDate: '2026-05-01' }, { reading: 'A0' });
  T.t7 = await traj('t7', enschede, eContract, b1, { status: 'planned', startDate: '2025-01-01' }, { reading: 'A0' });
  T.t8 = await traj('t8', enschede, eContract, b1, { status: 'completed', startDate: '2024-01-01', endDate: '2024-12-20', targetLevels: { reading: 'A1' } }, { reading: 'A0' });
  T.t10 = await traj('t10', enschede, eContract, b1, { status: 'completed', startDate: '2024-05-01', endDate: '2025-04-15' }, { reading: 'A2', speaking: 'A1' });
  T.t11 = await traj('t11', enschede, eContract, z, { status: 'active', startDate: '2024-01-01' }, {});
  T.t9 = await traj('t9', hengelo, hContract.id, b1, { status: 'active', startDate: '2024-01-01' }, {});

  // Group G1 (Enschede, B1): enrolments from each trajectory's start.
  const g1 = await createGroup(db, b1, { code: 'SPIL-G1' });
  for (const k of ['t1', 't2', 't3', 't4', 't5', 't10']) await enrol(db, T[k].id, g1.id, T[k].startDate, null);
  const lx0 = await createLesson(db, g1.id, { date: '2024-12-16', minutes: 180, mode: 'physical' });
  const lx1 = await createLesson(db, g1.id, { date: '2025-01-06', minutes: 180, mode: 'physical' });
  const lx2 = await createLesson(db, g1.id, { date: '2025-02-03', minutes: 120, mode: 'online' });
  const lx3 = await createLesson(db, g1.id, { date: '2025-02-17', minutes: 180, mode: 'physical' });
  await createLesson(db, g1.id, { date: '2025-03-03', minutes: 180, mode: 'physical' }); // register missing
  await createLesson(db, g1.id, { date: '2025-03-10', minutes: 180, mode: 'physical', cancelled: true, cancelReason: 'ziekte docent' });
  const lx6 = await createLesson(db, g1.id, { date: '2025-03-17', minutes: 180, mode: 'physical' }); // after "today"

  await record(db, lx0, T.t1, 'present');
  await record(db, lx1, T.t1, 'present');
  await record(db, lx1, T.t2, 'late', 30);
  await record(db, lx1, T.t3, 'absent_unauthorised');
  await record(db, lx1, T.t10, 'present');
  await record(db, lx2, T.t1, 'present');
  await record(db, lx2, T.t2, 'absent_authorised');
  await record(db, lx2, T.t4, 'present');
  await record(db, lx2, T.t10, 'late', 20);
  await record(db, lx3, T.t1, 'absent_unauthorised');
  await record(db, lx3, T.t4, 'present');
  await record(db, lx3, T.t5, 'present');
  await record(db, lx6, T.t1, 'absent_authorised', 0, true);

  // Group G2 (Enschede, Z-route).
  const g2 = await createGroup(db, z, { code: 'SPIL-G2' });
  await enrol(db, T.t11.id, g2.id, '2024-01-01', null);
  const lz0 = await createLesson(db, g2.id, { date: '2024-12-10', minutes: 180, mode: 'physical' });
  const lz1 = await createLesson(db, g2.id, { date: '2025-01-08', minutes: 120, mode: 'online' });
  await record(db, lz0, T.t11, 'present');
  await record(db, lz1, T.t11, 'present');

  // Group G3 (Hengelo).
  const g3 = await createGroup(db, b1, { code: 'SPIL-G3' });
  await enrol(db, T.t9.id, g3.id, '2024-01-01', null);
  const lh1 = await createLesson(db, g3.id, { date: '2025-02-05', minutes: 180, mode: 'physical' });
  await record(db, lh1, T.t9, 'late', 60);

  // Assessments.
  await assess(db, T.t1.learnerId, { skill: 'reading', date: '2025-01-10', level: 'A2', levelIndex: 2, passed: true });
  await assess(db, T.t1.learnerId, { skill: 'reading', date: '2025-04-05', level: 'B1', levelIndex: 3, passed: true, isExam: true });
  await assess(db, T.t2.learnerId, { skill: 'reading', date: '2025-02-01', level: 'B1', levelIndex: 3, passed: true, isExam: true, trajectoryId: T.t2.id });
  await assess(db, T.t2.learnerId, { skill: 'knm', date: '2025-01-20', level: null, levelIndex: null, passed: true });
  await assess(db, T.t4.learnerId, { skill: 'reading', date: '2025-03-01', level: 'B1', levelIndex: 3, passed: false, isExam: true });
  await assess(db, T.t5.learnerId, { skill: 'reading', date: '2025-03-05', level: 'A1', levelIndex: 1, passed: true });
  await assess(db, T.t10.learnerId, { skill: 'reading', date: '2025-03-25', level: 'B1', levelIndex: 3, passed: true, isExam: true, trajectoryId: T.t10.id });
  await assess(db, T.t10.learnerId, { skill: 'speaking', date: '2025-04-10', level: 'B1', levelIndex: 3, passed: true });

  // Signals.
  const signal = (tr: Trajectory, rule: string, triggeredOn: string) =>
    db.getRepository(AbsenceSignal).save({ trajectoryId: tr.id, municipalityId: tr.municipalityId, rule, triggeredOn, status: 'registered' });
  await signal(T.t1, 'R1', '2025-02-17');
  await signal(T.t3, 'R2', '2024-12-01');
  await signal(T.t9, 'R2', '2025-03-01');

  // Portfolio items (B1 requires 5 domains, Z-route 4).
  const item = (tr: Trajectory, domain: string, status: string, reviewedAt: string | null) =>
    db.getRepository(PortfolioItem).save({ trajectoryId: tr.id, domain, title: `${domain} item`, status, reviewedAt: reviewedAt ? new Date(reviewedAt) : null });
  await item(T.t1, 'work', 'approved', '2025-02-01T10:00:00Z');
  await item(T.t1, 'work', 'approved', '2025-02-02T10:00:00Z');
  await item(T.t1, 'housing', 'approved', '2025-03-31T21:30:00Z'); // 23:30 in Amsterdam: on the last day
  await item(T.t1, 'neighbourhood', 'approved', '2025-03-31T22:30:00Z'); // 00:30 on 1 April in Amsterdam
  await item(T.t1, 'parenting', 'approved', '2025-01-05T10:00:00Z'); // not required by the B1-route
  await item(T.t1, 'health_care', 'submitted', null);
  await item(T.t2, 'knowledge_of_society', 'approved', '2025-01-15T10:00:00Z');
  await item(T.t11, 'housing', 'approved', '2025-01-20T10:00:00Z');

  // Z-route participation at a network partner: 3 h before `to`, 2 h after (not counted).
  const [partner] = await db.query(`INSERT INTO network_partner (municipality_id, name, kind, themes) VALUES ($1, 'Buurthuis De Bolder', 'other', '{neighbourhood}') RETURNING id`, [enschede]);
  const [referral] = await db.query(
    `INSERT INTO referral (trajectory_id, partner_id, reason_kind, reason_theme, planned_date, status, first_contact_date, participating_from)
     VALUES ($1, $2, 'wish', 'neighbourhood', '2025-01-05', 'participating', '2025-01-10', '2025-01-10') RETURNING id`,
    [T.t11.id, partner.id],
  );
  await db.query(`INSERT INTO participation_entry (referral_id, entry_date, minutes) VALUES ($1, '2025-02-01', 180), ($1, '2025-04-02', 120)`, [referral.id]);

  // Certificates: counted by issue date, per kind and (level certificates) the highest level stated.
  let seq = 0;
  const cert = (tr: Trajectory, kind: string, issueDate: string, levels: { skill: string; level: string | null; passed: boolean | null }[] = [], revokedAt: Date | null = null) => {
    seq += 1;
    return db.getRepository(Certificate).save({
      number: `CERT-${issueDate.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
      year: Number(issueDate.slice(0, 4)),
      seq,
      verificationCode: randomBytes(10).toString('hex').slice(0, 16).toUpperCase(),
      kind,
      learnerId: tr.learnerId,
      trajectoryId: tr.id,
      issueDate,
      periodFrom: kind === 'participation' ? tr.startDate : null,
      periodTo: kind === 'participation' ? issueDate : null,
      facts: { product: { code: 'B1-ROUTE', name: 'B1-route' }, levels },
      revokedAt,
      revocationReason: revokedAt ? 'verkeerd uitgereikt' : null,
    } as Partial<Certificate>);
  };
  await cert(T.t2, 'level', '2025-02-20', [{ skill: 'reading', level: 'B1', passed: null }, { skill: 'listening', level: 'A2', passed: null }, { skill: 'knm', level: null, passed: true }]);
  await cert(T.t2, 'completion', '2025-02-20');
  await cert(T.t1, 'participation', '2025-03-01', [], new Date('2025-03-05T10:00:00Z'));
  await cert(T.t10, 'level', '2025-04-20', [{ skill: 'reading', level: 'B1', passed: null }]);
  await cert(T.t9, 'level', '2025-01-10', [{ skill: 'reading', level: 'A2', passed: null }]);

  return { ref, enschede, hengelo, trajectories: T };
}
