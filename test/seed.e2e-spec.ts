import { DataSource } from 'typeorm';
import { AppConfig, loadEnvironment } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { decryptBsn, isValidBsn } from '../src/modules/learners/bsn/bsn';
import { searchKey } from '../src/modules/learners/name-folding';
import { seedDemo, SeedSummary } from '../src/modules/seed/demo-seed';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/modules/seed/demo-users';
import { verifyPassword } from '../src/modules/users/password';
import { createTestDatabase } from './helpers/test-app';

describe('demo data loader (seed:demo)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DataSource;
  let first: SeedSummary;
  let firstLearners: Array<{ learner_number: string; id: string; first_name: string }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(buildDataSourceOptions(loadEnvironment().DATABASE_URL)).initialize();
    first = await seedDemo(db, { today: '2026-11-25' });
    firstLearners = await db.query(`SELECT learner_number, id, first_name FROM learner ORDER BY learner_number`);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('loads the reference data, people and activity in the promised amounts', () => {
    const c = first.counts;
    expect(c.municipality).toBe(14);
    expect(c.product).toBe(4);
    expect(c.contract).toBe(14);
    expect(c.contract_product).toBe(56);
    expect(c.learner).toBeGreaterThanOrEqual(600);
    expect(c.course_group).toBeGreaterThanOrEqual(40);
    expect(c.attendance_record).toBeGreaterThan(10_000);
    expect(c.assessment).toBeGreaterThan(1_000);
    expect(c.progress_note).toBeGreaterThan(0);
    expect(c.portfolio_item).toBeGreaterThan(0);
  });

  it('writes names in Cyrillic and Latin with diacritics, with a folded search text', async () => {
    const [names] = await db.query(`SELECT
      count(*) FILTER (WHERE first_name ~ '[А-Яа-яІіЇїЄєҐґ]')::int AS cyrillic,
      count(*) FILTER (WHERE last_name ~ '[ÇçŞşŁłóÖöüıİğ]' OR first_name ~ '[ÇçŞşŁłóÖöüıİğ]')::int AS diacritics
      FROM learner`);
    expect(names.cyrillic).toBeGreaterThan(20);
    expect(names.diacritics).toBeGreaterThan(20);
    const rows: Array<{ first_name: string; last_name: string; search_text: string }> = await db.query(`SELECT first_name, last_name, search_text FROM learner`);
    for (const r of rows) expect(r.search_text).toBe(searchKey(r.first_name, r.last_name));
    const [olga] = await db.query(`SELECT count(*)::int AS n FROM learner WHERE search_text LIKE '%olga%'`);
    expect(olga.n).toBeGreaterThan(0);
  });

  it('stores valid BSNs encrypted, with blind index and last four digits', async () => {
    const rows: Array<{ bsn_ciphertext: string; bsn_last4: string; bsn_hash: string }> = await db.query(
      `SELECT bsn_ciphertext, bsn_last4, bsn_hash FROM learner WHERE bsn_ciphertext IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(50);
    const key = new AppConfig().bsnEncryptionKey;
    for (const r of rows.slice(0, 50)) {
      const bsn = decryptBsn(key, r.bsn_ciphertext);
      expect(isValidBsn(bsn)).toBe(true);
      expect(bsn.slice(-4)).toBe(r.bsn_last4);
      expect(r.bsn_hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('creates the demo logins with the demo password, each in its scope', async () => {
    for (const login of DEMO_LOGINS) {
      const [u] = await db.query(`SELECT password_hash, role FROM app_user WHERE email = $1`, [login.email]);
      expect(u?.role).toBe(login.role);
      expect(await verifyPassword(u.password_hash, DEMO_PASSWORD)).toBe(true);
    }
    const [enschede] = await db.query(`SELECT m.cbs_code FROM app_user u JOIN municipality m ON m.id = u.municipality_id WHERE u.email = 'enschede@koers.test'`);
    expect(enschede.cbs_code).toBe('GM0153');
    const [teacher] = await db.query(`SELECT count(*)::int AS n FROM group_teacher gt JOIN app_user u ON u.id = gt.user_id WHERE u.email = 'teacher@koers.test'`);
    expect(teacher.n).toBeGreaterThanOrEqual(3);
    const [learner] = await db.query(`SELECT l.id, m.cbs_code,
        (SELECT count(*)::int FROM trajectory t WHERE t.learner_id = l.id AND t.status = 'active') AS active,
        (SELECT count(*)::int FROM attendance_record a WHERE a.learner_id = l.id) AS attendance,
        (SELECT count(*)::int FROM assessment s WHERE s.learner_id = l.id) AS assessments
      FROM learner l JOIN app_user u ON u.id = l.user_id JOIN municipality m ON m.id = l.municipality_id WHERE u.email = 'learner@koers.test'`);
    expect(learner).toMatchObject({ cbs_code: 'GM0153', active: 1 });
    expect(learner.attendance).toBeGreaterThan(10);
    expect(learner.assessments).toBeGreaterThan(0);
  });

  it('derives every attendance record from its lesson as DOMAIN.md says', async () => {
    const [v] = await db.query(`SELECT
      count(*) FILTER (WHERE a.attended_minutes <> CASE a.status WHEN 'present' THEN a.lesson_minutes
        WHEN 'late' THEN a.lesson_minutes - a.minutes_late ELSE 0 END)::int AS wrong_minutes,
      count(*) FILTER (WHERE a.status <> 'late' AND a.minutes_late <> 0 OR a.status = 'late' AND a.minutes_late <= 0)::int AS wrong_late,
      count(*) FILTER (WHERE a.lesson_date <> l.date OR a.lesson_minutes <> l.minutes OR a.lesson_mode <> l.mode)::int AS not_copied,
      count(*) FILTER (WHERE l.cancelled)::int AS on_cancelled,
      count(*) FILTER (WHERE l.date >= '2026-11-25' AND NOT (a.status = 'absent_authorised' AND a.reported_in_advance))::int AS future,
      count(*) FILTER (WHERE a.status = 'absent_authorised' AND a.absence_reason IS NULL)::int AS no_reason,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.trajectory_id = a.trajectory_id AND e.group_id = l.group_id
        AND l.date >= e.from_date AND (e.to_date IS NULL OR l.date <= e.to_date)))::int AS not_enrolled,
      count(DISTINCT a.status)::int AS statuses
      FROM attendance_record a JOIN lesson l ON l.id = a.lesson_id`);
    expect(v).toEqual({ wrong_minutes: 0, wrong_late: 0, not_copied: 0, on_cancelled: 0, future: 0, no_reason: 0, not_enrolled: 0, statuses: 4 });
    const [runs] = await db.query(`SELECT count(*)::int AS n FROM (
      SELECT trajectory_id FROM attendance_record WHERE status = 'absent_unauthorised' AND lesson_date >= '2026-10-25'
      GROUP BY trajectory_id HAVING count(*) >= 3) x`);
    expect(runs.n).toBeGreaterThan(3);
  });

  it('can run again without duplicating anything, producing the same data', async () => {
    const second = await seedDemo(db, { today: '2026-11-25' });
    expect(second.counts).toEqual(first.counts);
    const learners = await db.query(`SELECT learner_number, id, first_name FROM learner ORDER BY learner_number`);
    expect(learners).toEqual(firstLearners);
    const [dups] = await db.query(`SELECT
      (SELECT count(*) - count(DISTINCT cbs_code) FROM municipality)::int AS municipalities,
      (SELECT count(*) - count(DISTINCT email) FROM app_user)::int AS users,
      (SELECT count(*) FROM (SELECT learner_id FROM trajectory WHERE status IN ('planned','active','suspended') GROUP BY 1 HAVING count(*) > 1) x)::int AS open_trajectories`);
    expect(dups).toEqual({ municipalities: 0, users: 0, open_trajectories: 0 });
    // The trigger-kept learner counts (AddLearnerCounts) agree with the rows after a bulk load and a re-run.
    const kept = await db.query(`SELECT municipality_id, learners AS n FROM learner_count WHERE learners <> 0 ORDER BY 1`);
    expect(kept).toEqual(await db.query(`SELECT municipality_id, count(*)::int AS n FROM learner GROUP BY 1 ORDER BY 1`));
  }, 90_000);
});
