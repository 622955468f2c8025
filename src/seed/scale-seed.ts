import { DataSource, EntityManager } from 'typeorm';
import { addDays, mondayOf } from '../common/domain/calendar';
import { AppConfig } from '../config/app-config';
import { bsnHash, encryptBsn } from '../modules/learners/bsn/bsn';
import { searchKey } from '../modules/learners/name-folding';
import { bulkInsert } from './bulk-insert';
import { MUNICIPALITY_INFO, PRODUCT_ABBR } from './demo-catalogue';
import { upsertDemoUsers } from './demo-users';
import { randomName } from './names';
import { Prng, randomBsn } from './prng';
import { upsertReference } from './reference-seed';
import { ASSESSMENTS_SQL, ATTENDANCE_SQL, ENROLMENTS_SQL, LESSONS_SQL, TRAJECTORIES_SQL } from './scale-sql';

export const SCALE_SEED = 30_000_2026;
export interface ScaleOptions { learners: number; groups: number; today: string; config: AppConfig }
export interface PhaseTiming { phase: string; ms: number; rows?: number }

const TEACHER_FIRST = ['Anne', 'Bram', 'Carla', 'Daan', 'Eva', 'Freek', 'Gerda', 'Hans', 'Ilse', 'Joost', 'Karin', 'Lars', 'Mieke', 'Niels', 'Petra', 'Ruud', 'Saskia', 'Tom', 'Wendy', 'Yvonne'];
const TEACHER_LAST = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Kamphuis', 'Nijhuis', 'Oude Egberink', 'Wolters', 'ter Horst', 'Huisman'];
/** Indexes rebuilt after the bulk load instead of maintained row by row. */
const BULK_TABLES = ['attendance_record', 'lesson', 'enrolment', 'assessment'];
const SCHEDULES: Array<Array<[number, string, number, string]>> = [
  [[1, '09:00', 180, 'physical'], [3, '09:00', 180, 'physical'], [5, '10:00', 90, 'online']],
  [[2, '13:00', 150, 'physical'], [4, '13:00', 150, 'physical'], [5, '13:00', 90, 'online']],
  [[1, '18:30', 150, 'physical'], [3, '18:30', 120, 'online'], [4, '18:30', 150, 'physical']],
];

type Step = (m: EntityManager) => Promise<number | undefined>;

/** Runs statements on one session; returns the row count of the INSERTs. */
async function exec(db: DataSource, statements: Array<[string, unknown[]?]>): Promise<number> {
  const qr = db.createQueryRunner();
  try {
    let affected = 0;
    for (const [sql, params] of statements) {
      const res = await qr.query(sql, params, true);
      if (/^\s*(WITH|INSERT)/i.test(sql)) affected += res.affected ?? 0;
    }
    return affected;
  } finally {
    await qr.release();
  }
}

/** Fills an empty, migrated database with the scale data set; returns the timing of every phase. */
export async function seedScale(db: DataSource, o: ScaleOptions, log: (t: PhaseTiming) => void = () => undefined): Promise<PhaseTiming[]> {
  const timings: PhaseTiming[] = [];
  const run = async (phase: string, step: Step, m: EntityManager = db.manager) => {
    const t0 = Date.now();
    const rows = await step(m);
    const t: PhaseTiming = { phase, ms: Date.now() - t0, ...(rows !== undefined ? { rows } : {}) };
    timings.push(t);
    log(t);
  };
  const rng = new Prng(SCALE_SEED);
  const today = o.today;
  let ref!: Awaited<ReturnType<typeof upsertReference>>;
  let teacherIds: string[] = [];
  await run('reference data, contracts, logins', async (m) => {
    ref = await upsertReference(m);
    const names = Array.from({ length: 60 }, (_, i) => `${TEACHER_FIRST[i % 20]} ${TEACHER_LAST[(i * 7) % 15]}${i >= 20 ? ` ${Math.floor(i / 20)}` : ''}`);
    teacherIds = (await upsertDemoUsers(m, ref.municipalities, names)).teacherIds;
    return undefined;
  });
  const dropped: string[] = [];
  await run('drop bulk indexes', async (m) => {
    const idx: Array<{ indexname: string; indexdef: string }> = await m.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`, [BULK_TABLES]);
    for (const i of idx) {
      await m.query(`DROP INDEX "${i.indexname}"`);
      dropped.push(i.indexdef);
    }
    // attendance_record's primary key too (nothing references it): random UUIDs make a live btree the bottleneck.
    const [pk] = await m.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'attendance_record'::regclass AND contype = 'p'`);
    await m.query(`ALTER TABLE attendance_record DROP CONSTRAINT "${pk.conname}"`);
    dropped.unshift(`ALTER TABLE attendance_record ADD CONSTRAINT "${pk.conname}" ${pk.def}`);
    return idx.length + 1;
  });
  await run('learners', async (m) => {
    const muniWeights = Object.fromEntries(Object.entries(MUNICIPALITY_INFO).map(([k, v]) => [k, v.weight]));
    const used = new Set<string>();
    const rows = Array.from({ length: o.learners }, (_, i) => {
      const n = randomName(rng);
      const cbs = rng.weighted(muniWeights);
      let bsn: string | null = null;
      if (rng.chance(0.2)) {
        do bsn = randomBsn(rng); while (used.has(bsn));
        used.add(bsn);
      }
      return [
        `S${String(i + 1).padStart(7, '0')}`, n.firstName, n.lastName, searchKey(n.firstName, n.lastName), addDays(today, -rng.int(18 * 365, 62 * 365)),
        ref.municipalities[cbs], MUNICIPALITY_INFO[cbs].location.split(',')[0], n.origin.country, n.origin.language, addDays(today, -rng.int(60, 700)),
        JSON.stringify({ reading: 'A1', listening: 'A1', writing: 'A0', speaking: 'A1' }),
        bsn ? encryptBsn(o.config.bsnEncryptionKey, bsn) : null, bsn ? bsnHash(o.config.bsnHmacKey, bsn) : null, bsn ? bsn.slice(-4) : null,
      ];
    });
    await bulkInsert(m, 'learner', ['learner_number', 'first_name', 'last_name', 'search_text', 'date_of_birth', 'municipality_id', 'city',
      'country_of_origin', 'native_language', 'intake_date', 'intake_levels', 'bsn_ciphertext', 'bsn_hash', 'bsn_last4'], rows);
    await m.query(`UPDATE learner SET user_id = (SELECT id FROM app_user WHERE email = 'learner@koers.test') WHERE learner_number = 'S0000001'`);
    return rows.length;
  });
  await run('trajectories', () => exec(db, [[TRAJECTORIES_SQL, [today]]]));
  await run('groups, teachers, schedules', async (m) => {
    const need: Array<{ municipality_id: string; product_id: string; c: number }> = await m.query(
      `SELECT municipality_id, product_id, count(*)::int AS c FROM trajectory WHERE status <> 'planned' GROUP BY 1, 2 ORDER BY 1, 2`);
    const total = need.reduce((s, r) => s + r.c, 0);
    // Largest remainder, so the groups add up to exactly o.groups.
    const alloc = need.map((r) => ({ ...r, n: Math.max(1, Math.floor((r.c * o.groups) / total)), rem: ((r.c * o.groups) / total) % 1 }));
    for (const r of [...alloc].sort((a, b) => b.rem - a.rem).slice(0, o.groups - alloc.reduce((s, r) => s + r.n, 0))) r.n++;
    const cbsById = Object.fromEntries(Object.entries(ref.municipalities).map(([k, v]) => [v, k]));
    const codeById = Object.fromEntries(Object.entries(ref.products).map(([k, v]) => [v, k]));
    const groups: unknown[][] = [];
    const slots: unknown[][] = [];
    const teachers: unknown[][] = [];
    const start = mondayOf(addDays(today, -238));
    for (const r of alloc) {
      const info = MUNICIPALITY_INFO[cbsById[r.municipality_id]];
      for (let k = 1; k <= r.n; k++) {
        const id = rng.uuid();
        const code = `${info.abbr}-${PRODUCT_ABBR[codeById[r.product_id]]}-${String(k).padStart(3, '0')}`;
        groups.push([id, code, `${codeById[r.product_id]} ${info.location.split(',')[0]} ${k}`, info.location, r.municipality_id, r.product_id, 24, start]);
        for (const [weekday, time, minutes, mode] of SCHEDULES[groups.length % SCHEDULES.length]) slots.push([id, weekday, time, minutes, mode]);
        teachers.push([id, teacherIds[groups.length % teacherIds.length]]);
      }
    }
    await bulkInsert(m, 'course_group', ['id', 'code', 'name', 'location', 'municipality_id', 'product_id', 'capacity', 'start_date'], groups);
    await bulkInsert(m, 'schedule_slot', ['group_id', 'weekday', 'start_time', 'minutes', 'mode'], slots);
    await bulkInsert(m, 'group_teacher', ['group_id', 'user_id'], teachers);
    return groups.length;
  });
  await run('lessons', () => exec(db, [[`SELECT setseed(0.2026)`], [LESSONS_SQL, [today]]]));
  await run('enrolments', () => exec(db, [[ENROLMENTS_SQL, [today]], ['ANALYZE course_group, lesson, enrolment, trajectory']]));
  await run('attendance records (2 sessions in parallel)', async () => {
    // Rows are consistent by construction: skip the per-row foreign-key triggers during the load.
    const counts = await Promise.all([0, 1].map((part) => exec(db, [
      [`SET session_replication_role = replica`], [`SET synchronous_commit = off`],
      [ATTENDANCE_SQL, [today, part, 2]], [`SET session_replication_role = DEFAULT`], [`SET synchronous_commit = on`],
    ])));
    return counts.reduce((a, b) => a + b, 0);
  });
  // The load ran without triggers: fill the per-lesson record counts they would have kept.
  await run('lesson record counts', () => exec(db, [[`SELECT koers_recount_lesson_records()`]]));
  await run('assessments', () => exec(db, [[ASSESSMENTS_SQL, [today]]]));
  await run('rebuild indexes', async () => {
    // Two index builds at a time, one per core.
    const queue = [...dropped];
    await Promise.all([0, 1].map(async () => {
      const qr = db.createQueryRunner();
      try {
        await qr.query(`SET maintenance_work_mem = '256MB'`);
        for (let def = queue.shift(); def; def = queue.shift()) await qr.query(def);
      } finally {
        await qr.release();
      }
    }));
    return dropped.length;
  });
  await run('vacuum analyze', async (m) => {
    await m.query('VACUUM (ANALYZE)');
    return undefined;
  });
  return timings;
}
