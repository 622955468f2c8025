import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '../common/domain/calendar';
import { LocalDiskStorage } from '../common/storage/local-disk.storage';
import { AppConfig } from '../config/app-config';
import { COLLEGE_TIME_ZONE } from '../config/time-zones';
import { bsnHash, encryptBsn } from '../modules/learners/bsn/bsn';
import { searchKey } from '../modules/learners/name-folding';
import { bulkInsert } from './bulk-insert';
import { ASSESSMENT_COLUMNS, ATTENDANCE_COLUMNS, NOTE_COLUMNS, buildAssessments, buildAttendance, buildProgressNotes } from './demo-activity';
import { writeDemoPortfolio } from './demo-portfolio';
import { planDemoNetwork, removeDemoNetwork, writeDemoNetwork } from './demo-network';
import { DEMO_LEARNER_COUNT, DemoPlan, PlanTrajectory, buildDemoPlan, learnerNumber, planLongTerms } from './demo-plan';
import { GROUP_PLAN, MUNICIPALITY_INFO, PRODUCT_ABBR } from './demo-catalogue';
import { planAbsenceEpisodes } from './demo-episodes';
import { raiseDemoSignals } from './demo-signals';
import { createDemoSettlement, removeDemoSettlement } from './demo-settlement';
import { issueDemoCertificates, removeDemoCertificates } from './demo-certificates';
import { upsertDemoUsers } from './demo-users';
import { Prng } from './prng';
import { upsertReference } from './reference-seed';

export const DEMO_SEED = 20_061_402;

export interface SeedSummary {
  today: string;
  counts: Record<string, number>;
}

/** Natural keys of everything the demo owns, so a rerun replaces exactly its own rows. */
function demoGroupCodes(): string[] {
  const codes: string[] = [];
  for (const [cbs, products] of Object.entries(GROUP_PLAN)) {
    const seq: Record<string, number> = {};
    for (const code of products) {
      seq[code] = (seq[code] ?? 0) + 1;
      codes.push(`${MUNICIPALITY_INFO[cbs].abbr}-${PRODUCT_ABBR[code]}-${String(seq[code]).padStart(2, '0')}`);
    }
  }
  return codes;
}

/**
 * Learners stay (upserted by learner number); everything hanging off them and the demo groups is replaced.
 * Returns the storage keys of the evidence files that went with the removed rows (deleted once committed).
 */
async function removePreviousDemo(m: EntityManager): Promise<string[]> {
  const numbers = Array.from({ length: DEMO_LEARNER_COUNT }, (_, i) => learnerNumber(i));
  const ids = `SELECT id FROM learner WHERE learner_number = ANY($1)`;
  const files: Array<{ key: string }> = await m.query(`SELECT e.storage_key AS key FROM portfolio_evidence e JOIN portfolio_item i ON i.id = e.item_id
     JOIN trajectory t ON t.id = i.trajectory_id WHERE t.learner_id IN (${ids})`, [numbers]);
  await removeDemoSettlement(m, `SELECT id FROM trajectory WHERE learner_id IN (${ids})`, [numbers]);
  await removeDemoCertificates(m, `SELECT id FROM trajectory WHERE learner_id IN (${ids})`, [numbers]);
  // Enrolments, registers, notes, portfolio and signals cascade from the trajectory.
  await m.query(`DELETE FROM trajectory WHERE learner_id IN (${ids})`, [numbers]);
  await m.query(`DELETE FROM assessment WHERE learner_id IN (${ids})`, [numbers]);
  await m.query(`DELETE FROM attendance_record WHERE learner_id IN (${ids})`, [numbers]);
  await m.query(`DELETE FROM course_group WHERE code = ANY($1)`, [demoGroupCodes()]);
  // The upsert hands out BSNs anew: a previous (older) demo's BSN must not block another learner number taking it.
  await m.query(`UPDATE learner SET bsn_ciphertext = NULL, bsn_hash = NULL, bsn_last4 = NULL WHERE learner_number = ANY($1) AND bsn_hash IS NOT NULL`, [numbers]);
  return files.map((f) => f.key);
}

const LEARNER_COLUMNS = [
  'id', 'learner_number', 'first_name', 'last_name', 'search_text', 'date_of_birth', 'municipality_id', 'email', 'phone', 'street',
  'postal_code', 'city', 'country_of_origin', 'native_language', 'intake_date', 'intake_levels', 'bsn_ciphertext', 'bsn_hash', 'bsn_last4',
];
const LEARNER_UPSERT = `ON CONFLICT (learner_number) DO UPDATE SET ${LEARNER_COLUMNS.filter((c) => c !== 'id' && c !== 'learner_number')
  .map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}, version = learner.version + 1, updated_at = now() RETURNING id, learner_number`;

async function writePlan(m: EntityManager, plan: DemoPlan, ref: Awaited<ReturnType<typeof upsertReference>>, config: AppConfig): Promise<void> {
  const key = config.bsnEncryptionKey;
  const rows = await bulkInsert(m, 'learner', LEARNER_COLUMNS, plan.learners.map((l) => [
    l.id, l.number, l.firstName, l.lastName, searchKey(l.firstName, l.lastName), l.dateOfBirth, ref.municipalities[l.cbs], l.email, l.phone,
    l.street, l.postalCode, l.city, l.country, l.language, l.intakeDate, JSON.stringify(l.intakeLevels),
    l.bsn ? encryptBsn(key, l.bsn) : null, l.bsn ? bsnHash(config.bsnHmacKey, l.bsn) : null, l.bsn ? l.bsn.slice(-4) : null,
  ]), LEARNER_UPSERT);
  // A learner that existed before keeps its id.
  const idByNumber = new Map(rows.map((r) => [r.learner_number as string, r.id as string]));
  for (const l of plan.learners) l.id = idByNumber.get(l.number) ?? l.id;
  await bulkInsert(m, 'trajectory', [
    'id', 'learner_id', 'municipality_id', 'contract_id', 'product_id', 'status', 'legal_regime', 'start_date', 'planned_end_date', 'end_date',
    'pip_date', 'contracted_hours', 'target_levels', 'plan', 'integration_agreement', 'dropout_reason', 'dropout_note', 'never_active',
  ], plan.trajectories.map((t) => [
    t.id, t.learner.id, ref.municipalities[t.cbs], ref.contracts[t.cbs], ref.products[t.productCode], t.status, t.legalRegime, t.startDate,
    t.plannedEndDate, t.endDate, t.pipDate, t.contractedHours, JSON.stringify(t.targets), JSON.stringify(t.plan), JSON.stringify(t.agreement),
    t.dropoutReason, t.dropoutNote, t.neverActive,
  ]));
  await bulkInsert(m, 'course_group', ['id', 'code', 'name', 'location', 'municipality_id', 'product_id', 'capacity', 'start_date'],
    plan.groups.map((g) => [g.id, g.code, g.name, g.location, ref.municipalities[g.cbs], ref.products[g.productCode], g.capacity, g.startDate]));
  await bulkInsert(m, 'group_teacher', ['group_id', 'user_id'], plan.groups.flatMap((g) => g.teacherIds.map((u) => [g.id, u])));
  await bulkInsert(m, 'schedule_slot', ['id', 'group_id', 'weekday', 'start_time', 'minutes', 'mode'],
    plan.groups.flatMap((g) => g.slots.map((s) => [s.id, g.id, s.weekday, s.startTime, s.minutes, s.mode])));
  await bulkInsert(m, 'lesson', ['id', 'group_id', 'date', 'start_time', 'minutes', 'mode', 'cancelled', 'cancel_reason', 'teacher_id'],
    plan.lessons.map((l) => [l.id, l.group.id, l.date, l.startTime, l.minutes, l.mode, l.cancelled, l.cancelReason, l.teacherId]));
  await bulkInsert(m, 'enrolment', ['id', 'trajectory_id', 'group_id', 'from_date', 'to_date'],
    plan.enrolments.map((e) => [e.id, e.trajectory.id, e.group.id, e.fromDate, e.toDate]));
}

/**
 * Loads the demo world: reference data and logins are upserted by natural key; the demo's own learners and
 * groups (fixed learner numbers and group codes) are replaced, so running it twice never duplicates anything.
 */
export async function seedDemo(
  db: DataSource,
  opts: { today?: string; config?: AppConfig; onPhase?: (phase: string, ms: number) => void } = {},
): Promise<SeedSummary> {
  const today = opts.today ?? todayIn(COLLEGE_TIME_ZONE);
  let mark = Date.now();
  const phase = (name: string) => {
    opts.onPhase?.(name, Date.now() - mark);
    mark = Date.now();
  };
  const config = opts.config ?? new AppConfig();
  const rng = new Prng(DEMO_SEED);
  const storage = new LocalDiskStorage(config.storageDir);
  const written: string[] = [];
  let replaced: string[] = [];
  await db.transaction(async (m) => {
    const ref = await upsertReference(m);
    const users = await upsertDemoUsers(m, ref.municipalities);
    phase('reference data and logins');
    const plan = buildDemoPlan(rng, today, users.teacherIds);
    planAbsenceEpisodes(new Prng(DEMO_SEED + 1), plan, today, users.teacherIds[0]);
    planLongTerms(new Prng(DEMO_SEED + 5), plan, today);
    const coordinatorId = users.byEmail['coordinator@koers.test'];
    const network = planDemoNetwork(new Prng(DEMO_SEED + 6), plan, today, { staffIds: [coordinatorId, users.teacherIds[0]], coordinatorId });
    replaced = await removePreviousDemo(m);
    await removeDemoNetwork(m, ref.municipalities);
    phase('remove previous demo records');
    await writePlan(m, plan, ref, config);
    phase('learners, trajectories, groups, lessons');
    await writeDemoNetwork(m, network, ref.municipalities);
    phase('network: partners, volunteers, referrals, participation hours');
    const learnerUser = users.byEmail['learner@koers.test'];
    await m.query(`UPDATE learner SET user_id = NULL WHERE user_id = $1`, [learnerUser]);
    await m.query(`UPDATE learner SET user_id = $1 WHERE id = $2`, [learnerUser, plan.learners[0].id]);
    const groupOf = new Map(plan.enrolments.map((e) => [e.trajectory.id, e.group]));
    const teacherOf = (t: PlanTrajectory) => groupOf.get(t.id)?.teacherIds[0] ?? users.teacherIds[1];
    const attendance = buildAttendance(rng, plan, today, users.byEmail['coordinator@koers.test']);
    phase('attendance (generate)');
    await bulkInsert(m, 'attendance_record', ATTENDANCE_COLUMNS, attendance);
    // Attended minutes by the rule itself (src/modules/attendance/sql/koers_attended_minutes.sql), as a register save stores them.
    await m.query(`UPDATE attendance_record SET attended_minutes = koers_attended_minutes(status, lesson_minutes, minutes_late)
                    WHERE attended_minutes IS DISTINCT FROM koers_attended_minutes(status, lesson_minutes, minutes_late)`);
    phase('attendance');
    await bulkInsert(m, 'assessment', ASSESSMENT_COLUMNS, buildAssessments(rng, plan, today, teacherOf));
    await bulkInsert(m, 'progress_note', NOTE_COLUMNS, buildProgressNotes(rng, plan, today, teacherOf));
    phase('assessments, notes');
    await writeDemoPortfolio(m, { rng: new Prng(DEMO_SEED + 3), plan, today, teacherOf, storage, learnerUserId: learnerUser, written });
    phase('portfolio items and evidence files');
    await raiseDemoSignals(m, {
      trajectoryIds: plan.trajectories.map((t) => t.id), today, coordinatorId: users.byEmail['coordinator@koers.test'], config, rng: new Prng(DEMO_SEED + 2),
    });
    phase('absence signals (rule engine, handled by a coordinator)');
    await issueDemoCertificates(m, { rng: new Prng(DEMO_SEED + 4), plan, today, coordinatorId: users.byEmail['coordinator@koers.test'] });
    phase('certificates');
    await createDemoSettlement(m, ref.municipalities, today, users.byEmail['finance@koers.test'] ?? null);
    phase('settlement runs (a final invoice and a draft)');
  }).catch(async (e) => {
    // Nothing of this run stays behind: its files go with its rolled-back rows.
    await Promise.all(written.map((key) => storage.delete(key)));
    throw e;
  });
  // The previous demo's files, now that nothing refers to them any more.
  await Promise.all(replaced.map((key) => storage.delete(key)));
  phase('commit');
  return { today, counts: await countRows(db) };
}

export const COUNTED_TABLES = [
  'municipality', 'product', 'contract', 'contract_product', 'app_user', 'learner', 'trajectory', 'course_group', 'group_teacher',
  'schedule_slot', 'lesson', 'enrolment', 'attendance_record', 'assessment', 'progress_note', 'portfolio_item', 'portfolio_evidence', 'absence_signal', 'certificate',
  'network_partner', 'volunteer', 'referral', 'participation_entry',
];

export async function countRows(db: DataSource | EntityManager): Promise<Record<string, number>> {
  const [row] = await db.query(`SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(', ')}`);
  return row;
}
