import { createHash } from 'crypto';
import { DataSource } from 'typeorm';
import { CertificateFactsRepository } from '../src/modules/certificates/certificate-facts.repository';
import { LocalDiskStorage } from '../src/common/storage/local-disk.storage';
import { extensionForContentType, sniffFileType } from '../src/modules/portfolio/evidence/file-type-sniffer';
import { AppConfig, loadEnvironment } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { decryptBsn, isValidBsn } from '../src/modules/learners/bsn/bsn';
import { searchKey } from '../src/modules/learners/name-folding';
import { seedDemo, SeedSummary } from '../src/seed/demo-seed';
import { DEMO_REQUEST_ID } from '../src/seed/demo-signals';
import { evaluateR1, evaluateR2, RuleRecord } from '../src/modules/signals/signal-rules';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/seed/demo-users';
import { verifyPassword } from '../src/modules/users/password';
import { createTestDatabase } from './helpers/test-app';

const TODAY = '2026-11-25';

/** Every demo signal with what the rules need to recompute it, in a stable order (ids are not: the rule engine draws them). */
const SIGNALS_SQL = `
  SELECT s.id, s.trajectory_id AS "trajectoryId", l.learner_number AS "learnerNumber", m.cbs_code AS cbs, s.rule, s.status,
         to_char(s.triggered_on, 'YYYY-MM-DD') AS "triggeredOn", s.details, to_char(s.reported_to_municipality_on, 'YYYY-MM-DD') AS reported,
         s.note, u.email AS "handledBy", s.raised_at AS "raisedAt", s.handled_at AS "handledAt", s.closed_at AS "closedAt", s.version,
         t.status AS "trajectoryStatus", c.r1_consecutive_lessons AS r1n, c.r2_window_days AS r2w, c.r2_unauthorised_minutes AS r2m
    FROM absence_signal s
    JOIN trajectory t ON t.id = s.trajectory_id JOIN learner l ON l.id = t.learner_id JOIN contract c ON c.id = t.contract_id
    JOIN municipality m ON m.id = s.municipality_id LEFT JOIN app_user u ON u.id = s.handled_by
   ORDER BY l.learner_number, s.rule, s.triggered_on`;

describe('demo data loader (seed:demo)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DataSource;
  let first: SeedSummary;
  let firstLearners: Array<{ learner_number: string; id: string; first_name: string }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(buildDataSourceOptions(loadEnvironment().DATABASE_URL)).initialize();
    first = await seedDemo(db, { today: TODAY });
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
    expect(c.portfolio_evidence).toBeGreaterThan(c.portfolio_item / 2);
    expect(c.certificate).toBeGreaterThan(100);
    expect(c.network_partner).toBeGreaterThanOrEqual(14 * 4);
    expect(c.volunteer).toBeGreaterThanOrEqual(14 * 2);
    expect(c.referral).toBeGreaterThan(100);
    expect(c.participation_entry).toBeGreaterThan(500);
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

  describe('absence signals (verzuimsignalen)', () => {
    type Row = {
      id: string; trajectoryId: string; learnerNumber: string; cbs: string; rule: string; status: string; triggeredOn: string;
      details: Record<string, unknown>; reported: string | null; note: string | null; handledBy: string | null; raisedAt: Date;
      handledAt: Date | null; closedAt: Date | null; version: number; trajectoryStatus: string; r1n: number; r2w: number; r2m: number;
    };
    let signals: Row[];
    let records: Map<string, RuleRecord[]>;

    beforeAll(async () => {
      signals = await db.query(SIGNALS_SQL);
      records = new Map();
      const rows: Array<RuleRecord & { trajectoryId: string }> = await db.query(`
        SELECT a.trajectory_id AS "trajectoryId", a.lesson_id AS "lessonId", to_char(a.lesson_date, 'YYYY-MM-DD') AS "lessonDate",
               to_char(l.start_time, 'HH24:MI') AS "startTime", a.status, a.lesson_minutes AS "lessonMinutes"
          FROM attendance_record a JOIN lesson l ON l.id = a.lesson_id`);
      for (const { trajectoryId, ...r } of rows) records.set(trajectoryId, [...(records.get(trajectoryId) ?? []), r]);
    });

    it('are raised in every municipality, most in Enschede, in every status, also for the teacher login but not the learner login', async () => {
      const perMunicipality = new Map<string, number>();
      for (const s of signals) perMunicipality.set(s.cbs, (perMunicipality.get(s.cbs) ?? 0) + 1);
      expect(perMunicipality.size).toBe(14);
      for (const n of perMunicipality.values()) expect(n).toBeGreaterThanOrEqual(2);
      expect(perMunicipality.get('GM0153')).toBe(Math.max(...perMunicipality.values()));
      expect(perMunicipality.get('GM0153')).toBeGreaterThanOrEqual(10);
      const statuses = (cbs?: string) => new Set(signals.filter((s) => !cbs || s.cbs === cbs).map((s) => s.status));
      expect([...statuses()].sort()).toEqual(['closed', 'in_progress', 'registered', 'withdrawn']);
      expect([...statuses('GM0153')].sort()).toEqual(['closed', 'in_progress', 'registered', 'withdrawn']);
      expect(new Set(signals.map((s) => s.rule))).toEqual(new Set(['R1', 'R2']));
      expect(signals.filter((s) => s.reported).length).toBeGreaterThan(10);
      const [scoped] = await db.query(`SELECT
        (SELECT count(*)::int FROM absence_signal s WHERE EXISTS (SELECT 1 FROM enrolment e JOIN group_teacher gt ON gt.group_id = e.group_id
           JOIN app_user u ON u.id = gt.user_id WHERE e.trajectory_id = s.trajectory_id AND u.email = 'teacher@koers.test')) AS teacher,
        (SELECT count(*)::int FROM absence_signal s JOIN trajectory t ON t.id = s.trajectory_id JOIN learner l ON l.id = t.learner_id
           JOIN app_user u ON u.id = l.user_id WHERE u.email = 'learner@koers.test') AS learner`);
      expect(scoped.teacher).toBeGreaterThanOrEqual(3);
      expect(scoped.learner).toBe(0);
    });

    it('each satisfies its rule: recomputed from the records after the previous signal of that rule, with the contract thresholds', () => {
      const previous = new Map<string, string>();
      for (const s of signals) {
        const key = `${s.trajectoryId}/${s.rule}`;
        const recs = records.get(s.trajectoryId) ?? [];
        const hit = s.rule === 'R1' ? evaluateR1(recs, s.r1n, previous.get(key)) : evaluateR2(recs, s.r2w, s.r2m, previous.get(key));
        expect({ learner: s.learnerNumber, rule: s.rule, triggeredOn: hit?.triggeredOn }).toEqual({ learner: s.learnerNumber, rule: s.rule, triggeredOn: s.triggeredOn });
        expect(s.details).toEqual(hit!.details);
        previous.set(key, s.triggeredOn);
      }
    });

    it('none is missing: an unfinished trajectory whose records fire a rule again has an open signal of that rule', async () => {
      const open = new Set(signals.filter((s) => s.status === 'registered' || s.status === 'in_progress').map((s) => `${s.trajectoryId}/${s.rule}`));
      const last = new Map(signals.map((s) => [`${s.trajectoryId}/${s.rule}`, s.triggeredOn]));
      const trajectories: Array<{ id: string; r1n: number; r2w: number; r2m: number }> = await db.query(`
        SELECT t.id, c.r1_consecutive_lessons AS r1n, c.r2_window_days AS r2w, c.r2_unauthorised_minutes AS r2m
          FROM trajectory t JOIN contract c ON c.id = t.contract_id WHERE t.status IN ('planned', 'active', 'suspended')`);
      const missing: string[] = [];
      for (const t of trajectories) {
        const recs = records.get(t.id) ?? [];
        if (evaluateR1(recs, t.r1n, last.get(`${t.id}/R1`), TODAY) && !open.has(`${t.id}/R1`)) missing.push(`${t.id}/R1`);
        if (evaluateR2(recs, t.r2w, t.r2m, last.get(`${t.id}/R2`), TODAY) && !open.has(`${t.id}/R2`)) missing.push(`${t.id}/R2`);
      }
      expect(missing).toEqual([]);
    });

    it('none is missing on ended trajectories either: evaluated up to the end date, a hit after the last signal was held back by one still open then', async () => {
      const ended: Array<{ id: string; status: string; end: string; r1n: number; r2w: number; r2m: number }> = await db.query(`
        SELECT t.id, t.status, to_char(t.end_date, 'YYYY-MM-DD') AS "end", c.r1_consecutive_lessons AS r1n, c.r2_window_days AS r2w,
               c.r2_unauthorised_minutes AS r2m
          FROM trajectory t JOIN contract c ON c.id = t.contract_id WHERE t.status IN ('completed', 'dropped_out')`);
      const day = (d: Date | null) => (d ? d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }) : null);
      const missing: string[] = [];
      let qualifying = 0;
      for (const t of ended) {
        const recs = records.get(t.id) ?? [];
        for (const rule of ['R1', 'R2']) {
          const mine = signals.filter((s) => s.trajectoryId === t.id && s.rule === rule);
          const first = rule === 'R1' ? evaluateR1(recs, t.r1n, undefined, t.end) : evaluateR2(recs, t.r2w, t.r2m, undefined, t.end);
          if (first) qualifying++;
          // Every qualifying run has its signal...
          if (first && !mine.length) missing.push(`${t.id}/${rule}: no signal`);
          const last = mine[mine.length - 1];
          const again = rule === 'R1' ? evaluateR1(recs, t.r1n, last?.triggeredOn, t.end) : evaluateR2(recs, t.r2w, t.r2m, last?.triggeredOn, t.end);
          // ...and a later one was only held back by a signal still open on the end date.
          if (again && last && day(last.closedAt) !== null && day(last.closedAt)! <= t.end) missing.push(`${t.id}/${rule}: closed ${day(last.closedAt)}, then ${again.triggeredOn}`);
          for (const s of mine) expect({ s: s.id, ok: s.triggeredOn <= t.end && day(s.raisedAt)! <= t.end }).toEqual({ s: s.id, ok: true });
        }
      }
      expect(missing).toEqual([]);
      expect(qualifying).toBeGreaterThan(10);
      // Signals on completed and on dropped-out trajectories, in Enschede too (the municipality login sees them).
      const onEnded = signals.filter((s) => s.trajectoryStatus === 'completed' || s.trajectoryStatus === 'dropped_out');
      expect(new Set(onEnded.map((s) => s.trajectoryStatus))).toEqual(new Set(['completed', 'dropped_out']));
      expect(onEnded.filter((s) => s.cbs === 'GM0153').length).toBeGreaterThanOrEqual(3);
      expect(onEnded.filter((s) => s.reported).length).toBeGreaterThan(0);
    });

    it('went through the workflow as the service does it: coordinator, consistent dates, notes and audit events', async () => {
      const now = new Date();
      for (const s of signals) {
        const ctx = `${s.learnerNumber} ${s.rule} ${s.triggeredOn} ${s.status}`;
        const day = (d: Date | null) => (d ? d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }) : null);
        expect({ ctx, ok: day(s.raisedAt)! >= s.triggeredOn && s.raisedAt <= now }).toEqual({ ctx, ok: true });
        if (s.status === 'registered') {
          expect({ ctx, handledBy: s.handledBy, handledAt: s.handledAt, closedAt: s.closedAt, reported: s.reported, note: s.note, version: s.version })
            .toEqual({ ctx, handledBy: null, handledAt: null, closedAt: null, reported: null, note: null, version: 1 });
          continue;
        }
        expect({ ctx, handledBy: s.handledBy }).toEqual({ ctx, handledBy: 'coordinator@koers.test' });
        expect({ ctx, ok: s.handledAt! >= s.raisedAt && s.handledAt! <= now && day(s.handledAt)! <= TODAY }).toEqual({ ctx, ok: true });
        if (s.reported) expect({ ctx, ok: s.reported >= s.triggeredOn && s.reported <= TODAY }).toEqual({ ctx, ok: true });
        const closed = s.status === 'closed' || s.status === 'withdrawn';
        expect({ ctx, closed: !!s.closedAt, note: !!s.note?.trim() }).toEqual({ ctx, closed, note: closed });
        if (closed) expect({ ctx, ok: s.closedAt! >= s.handledAt! && s.closedAt! <= now }).toEqual({ ctx, ok: true });
      }
      // One audit event per step, written as the rule engine and SignalsService write them.
      const audit: Array<{ entity_id: string; actions: string[]; roles: string[] }> = await db.query(`
        SELECT entity_id, array_agg(action ORDER BY id) AS actions, array_agg(DISTINCT coalesce(actor_role, '-')) AS roles
          FROM audit_event WHERE entity_type = 'absence_signal' AND entity_id = ANY($1) AND request_id = $2 GROUP BY 1`,
        [signals.map((s) => s.id), DEMO_REQUEST_ID]);
      const byId = new Map(audit.map((a) => [a.entity_id, a]));
      for (const s of signals) {
        const a = byId.get(s.id);
        const steps = a?.actions ?? [];
        expect({ id: s.id, first: steps[0], count: steps.length }).toEqual({ id: s.id, first: 'raise', count: s.version });
        const expected = { registered: null, in_progress: /^signal\.(start|report)$/, closed: /^signal\.close$/, withdrawn: /^signal\.withdraw$/ }[s.status];
        if (expected) expect(steps[steps.length - 1]).toMatch(expected);
        expect(steps.includes('signal.report')).toBe(s.reported !== null);
      }
    });
  });

  it('gives a no-show dropout no attendance at all: never active, not enrolled, no register line, test, note, portfolio or bill', async () => {
    const rows = await db.query(`SELECT t.id, t.never_active,
        (SELECT count(*)::int FROM attendance_record a WHERE a.trajectory_id = t.id) AS attendance,
        (SELECT count(*)::int FROM enrolment e WHERE e.trajectory_id = t.id) AS enrolments,
        (SELECT count(*)::int FROM assessment s WHERE s.trajectory_id = t.id) AS assessments,
        (SELECT count(*)::int FROM progress_note n WHERE n.trajectory_id = t.id) AS notes,
        (SELECT count(*)::int FROM portfolio_item p WHERE p.trajectory_id = t.id) AS portfolio,
        (SELECT count(*)::int FROM absence_signal g WHERE g.trajectory_id = t.id) AS signals,
        (SELECT count(*)::int FROM settlement_line sl WHERE sl.trajectory_id = t.id) AS lines,
        (SELECT count(*)::int FROM certificate c WHERE c.trajectory_id = t.id) AS certificates
      FROM trajectory t WHERE t.dropout_reason = 'no_show'`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const { id: _id, ...r } of rows) {
      expect(r).toEqual({ never_active: true, attendance: 0, enrolments: 0, assessments: 0, notes: 0, portfolio: 0, signals: 0, lines: 0, certificates: 0 });
    }
    // Every other dropout was active once (the no-show is the only kind that drops out from planned here).
    const [others] = await db.query(`SELECT count(*)::int AS n FROM trajectory WHERE never_active AND dropout_reason IS DISTINCT FROM 'no_show'`);
    expect(others.n).toBe(0);
  });

  describe('portfolio (portfolio-onderdelen en bewijsstukken)', () => {
    it('holds items in every state, with consistent dates and reviews, for the learner login too', async () => {
      const [v] = await db.query(`SELECT
        array_agg(DISTINCT status ORDER BY status) AS statuses,
        count(*) FILTER (WHERE status = 'submitted' AND feedback IS NOT NULL AND reviewed_at < submitted_at)::int AS resubmitted,
        count(*) FILTER (WHERE (status = 'draft') <> (submitted_at IS NULL))::int AS bad_submitted,
        count(*) FILTER (WHERE status IN ('approved', 'needs_revision') AND (reviewed_by IS NULL OR reviewed_at < submitted_at))::int AS bad_review,
        count(*) FILTER (WHERE status = 'needs_revision' AND coalesce(btrim(feedback), '') = '')::int AS revision_without_feedback,
        count(*) FILTER (WHERE submitted_at < created_at)::int AS bad_created
        FROM portfolio_item`);
      expect(v).toEqual({ statuses: ['approved', 'draft', 'needs_revision', 'submitted'], resubmitted: v.resubmitted, bad_submitted: 0, bad_review: 0, revision_without_feedback: 0, bad_created: 0 });
      expect(v.resubmitted).toBeGreaterThan(0);
      // Reviews happened while the trajectory ran (an ended one is read-only); evidence was there before submitting.
      const [order] = await db.query(`SELECT
        (SELECT count(*)::int FROM portfolio_item i JOIN trajectory t ON t.id = i.trajectory_id
          WHERE (i.reviewed_at AT TIME ZONE 'Europe/Amsterdam')::date > t.end_date OR i.created_at::date < t.start_date) AS outside_trajectory,
        (SELECT count(*)::int FROM portfolio_evidence e JOIN portfolio_item i ON i.id = e.item_id
          WHERE e.created_at > i.submitted_at OR e.created_at < i.created_at) AS evidence_order,
        (SELECT count(*)::int FROM portfolio_item i WHERE i.submitted_at > now() OR i.reviewed_at > now()) AS future`);
      expect(order).toEqual({ outside_trajectory: 0, evidence_order: 0, future: 0 });
      const own = await db.query(`SELECT DISTINCT i.status FROM portfolio_item i JOIN trajectory t ON t.id = i.trajectory_id JOIN learner l ON l.id = t.learner_id
        JOIN app_user u ON u.id = l.user_id WHERE u.email = 'learner@koers.test' ORDER BY 1`);
      expect(own.map((r: { status: string }) => r.status)).toEqual(['approved', 'draft', 'needs_revision', 'submitted']);
      // The teacher login has submitted work with evidence to review in its own groups.
      const [review] = await db.query(`SELECT count(DISTINCT i.id)::int AS n FROM portfolio_item i
        JOIN portfolio_evidence e ON e.item_id = i.id JOIN trajectory t ON t.id = i.trajectory_id AND t.status IN ('active', 'suspended')
        JOIN enrolment en ON en.trajectory_id = i.trajectory_id AND en.to_date IS NULL JOIN group_teacher gt ON gt.group_id = en.group_id
        JOIN app_user u ON u.id = gt.user_id WHERE u.email = 'teacher@koers.test' AND i.status = 'submitted'`);
      expect(review.n).toBeGreaterThanOrEqual(3);
    });

    it('has evidence for every submitted or reviewed item, each a real PDF, JPEG or PNG in storage with its size and hash', async () => {
      const [gaps] = await db.query(`SELECT count(*)::int AS n FROM portfolio_item i
        WHERE i.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM portfolio_evidence e WHERE e.item_id = i.id)`);
      expect(gaps.n).toBe(0);
      const files: Array<{ storage_key: string; content_type: string; size_bytes: number; sha256: string; original_name: string }> = await db.query(
        `SELECT storage_key, content_type, size_bytes, sha256, original_name FROM portfolio_evidence ORDER BY id`);
      expect(new Set(files.map((f) => f.content_type))).toEqual(new Set(['application/pdf', 'image/jpeg', 'image/png']));
      const storage = new LocalDiskStorage(new AppConfig().storageDir);
      for (const f of files) {
        const chunks: Buffer[] = [];
        for await (const c of await storage.get(f.storage_key)) chunks.push(c as Buffer);
        const bytes = Buffer.concat(chunks);
        expect({ key: f.storage_key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), type: sniffFileType(bytes)?.contentType })
          .toEqual({ key: f.storage_key, size: f.size_bytes, sha256: f.sha256, type: f.content_type });
        expect(f.original_name.split('.').pop()).toBe(extensionForContentType(f.content_type));
      }
      expect(await storage.list('portfolio')).toHaveLength(files.length);
    });
  });

  it('issues certificates as the rules allow: a completion and a level certificate per completed trajectory, numbered gap-free in order of issue', async () => {
    const [v] = await db.query(`SELECT
      (SELECT count(*)::int FROM trajectory t WHERE t.status = 'completed' AND NOT EXISTS (SELECT 1 FROM certificate c
         WHERE c.trajectory_id = t.id AND c.kind = 'completion' AND c.revoked_at IS NULL AND c.issue_date >= t.end_date)) AS completed_without,
      (SELECT count(*)::int FROM certificate c JOIN trajectory t ON t.id = c.trajectory_id WHERE c.kind = 'completion' AND t.status <> 'completed') AS completion_not_completed,
      (SELECT count(*)::int FROM certificate c JOIN trajectory t ON t.id = c.trajectory_id WHERE t.never_active) AS no_show,
      (SELECT count(*)::int FROM certificate WHERE issue_date > $1::date) AS future,
      (SELECT count(*)::int FROM certificate WHERE revoked_at IS NOT NULL AND revocation_reason <> '') AS revoked,
      (SELECT array_agg(DISTINCT kind ORDER BY kind) FROM certificate) AS kinds,
      (SELECT count(*)::int FROM certificate c JOIN learner l ON l.id = c.learner_id JOIN app_user u ON u.id = l.user_id WHERE u.email = 'learner@koers.test') AS own`, [TODAY]);
    expect(v).toEqual({ completed_without: 0, completion_not_completed: 0, no_show: 0, future: 0, revoked: 1, kinds: ['completion', 'level', 'participation'], own: 1 });
    // Numbers: CERT-YYYY-NNNNNN, 1..n per year without gaps, rising with the issue date; the counter holds n.
    const numbers: Array<{ year: number; seq: number; number: string; issue_date: string }> = await db.query(
      `SELECT year, seq, number, to_char(issue_date, 'YYYY-MM-DD') AS issue_date FROM certificate ORDER BY year, seq`);
    const [counter] = await db.query(`SELECT last_number FROM certificate_counter WHERE year = 2026`);
    expect(numbers.filter((c) => c.year === 2026).map((c) => c.seq)).toEqual(Array.from({ length: counter.last_number }, (_, i) => i + 1));
    for (let i = 0; i < numbers.length; i++) {
      expect(numbers[i].number).toBe(`CERT-${numbers[i].year}-${String(numbers[i].seq).padStart(6, '0')}`);
      if (i) expect(numbers[i].issue_date >= numbers[i - 1].issue_date).toBe(true);
    }
    // The facts are those of the issue day: levels reached by then, hours attended in the period.
    const facts = new CertificateFactsRepository();
    const certs: Array<{ kind: string; learner_id: string; trajectory_id: string; issue_date: string; period_from: string; period_to: string; facts: { levels?: unknown; hours?: unknown } }> = await db.query(
      `SELECT kind, learner_id, trajectory_id, to_char(issue_date, 'YYYY-MM-DD') AS issue_date, to_char(period_from, 'YYYY-MM-DD') AS period_from,
              to_char(period_to, 'YYYY-MM-DD') AS period_to, facts FROM certificate WHERE kind <> 'completion'`);
    for (const c of certs) {
      if (c.kind === 'level') expect(c.facts.levels).toEqual((await facts.levelsAt(db.manager, [c.learner_id], c.issue_date)).get(c.learner_id));
      else {
        const h = (await facts.hours(db.manager, [{ trajectoryId: c.trajectory_id, from: c.period_from, to: c.period_to }])).get(c.trajectory_id)!;
        expect(c.facts.hours).toEqual(h);
        expect(h.physicalMinutes + h.onlineMinutes).toBeGreaterThan(0);
        expect(c.period_to < c.issue_date).toBe(true);
      }
    }
  });

  it("gives the term worklist learners whose Wi2021 term ends within six months (or has just passed), from their first PIP date", async () => {
    const [v] = await db.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE w.term_end < $1::date)::int AS overdue FROM (
        SELECT koers_wi2021_term_end('wi2021', (SELECT min(t1.pip_date) FROM trajectory t1 WHERE t1.learner_id = t.learner_id AND t1.legal_regime = 'wi2021')) AS term_end
          FROM trajectory t WHERE t.legal_regime = 'wi2021' AND t.status IN ('planned', 'active', 'suspended')) w
       WHERE w.term_end <= $1::date + interval '6 months'`, [TODAY]);
    expect(v.n).toBeGreaterThanOrEqual(8);
    const [order] = await db.query(`SELECT count(*)::int AS n FROM trajectory WHERE pip_date > start_date`);
    expect(order.n).toBe(0);
  });

  it('has absences reported in advance for coming lessons, one of them by the learner login', async () => {
    const [v] = await db.query(`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE l.learner_number = 'D000001')::int AS own
      FROM attendance_record a JOIN learner l ON l.id = a.learner_id
     WHERE a.reported_in_advance AND a.status = 'absent_authorised' AND a.lesson_date > $1::date`, [TODAY]);
    expect(v.n).toBeGreaterThan(5);
    expect(v.own).toBe(1);
  });

  describe('network (netwerkpartners, vrijwilligers, koppelingen)', () => {
    it('has partners of every kind in every municipality, every theme in Enschede, and two no longer active', async () => {
      const [v] = await db.query(`SELECT
        (SELECT count(DISTINCT municipality_id)::int FROM network_partner) AS municipalities,
        (SELECT min(n)::int FROM (SELECT count(*) AS n FROM network_partner GROUP BY municipality_id) x) AS fewest,
        (SELECT array_agg(DISTINCT kind ORDER BY kind) FROM network_partner) AS kinds,
        (SELECT array_agg(DISTINCT t ORDER BY t) FROM network_partner p JOIN municipality m ON m.id = p.municipality_id, unnest(p.themes) t
          WHERE m.cbs_code = 'GM0153') AS enschede_themes,
        (SELECT count(*)::int FROM network_partner WHERE NOT active) AS inactive,
        (SELECT count(*)::int FROM network_partner WHERE contact_name IS NULL OR address IS NULL) AS no_contact`);
      expect(v).toEqual({
        municipalities: 14, fewest: v.fewest, inactive: 2, no_contact: 0,
        kinds: ['employer', 'library', 'neighbourhood_team', 'other', 'religious_community', 'sport_club', 'volunteer_organisation', 'welfare_organisation'],
        enschede_themes: ['culture', 'housing', 'neighbourhood', 'religion', 'sport', 'work'],
      });
      expect(v.fewest).toBeGreaterThanOrEqual(4);
    });

    it('has volunteers in every municipality with VOG dates: most valid, some expiring within 60 days (Enschede too), some expired, one without', async () => {
      const [v] = await db.query(`SELECT
        (SELECT count(DISTINCT municipality_id)::int FROM volunteer) AS municipalities,
        count(*) FILTER (WHERE koers_vog_expiry(vog_date) >= $1::date AND koers_vog_expiry(vog_date) < $1::date + 60)::int AS expiring,
        count(*) FILTER (WHERE koers_vog_expiry(vog_date) >= $1::date AND koers_vog_expiry(vog_date) < $1::date + 60 AND m.cbs_code = 'GM0153')::int AS expiring_enschede,
        count(*) FILTER (WHERE koers_vog_expiry(vog_date) < $1::date)::int AS expired,
        count(*) FILTER (WHERE vog_date IS NULL)::int AS without,
        count(*) FILTER (WHERE vog_date > $1::date)::int AS future,
        count(*) FILTER (WHERE p.id IS NOT NULL AND p.municipality_id <> v.municipality_id)::int AS wrong_municipality,
        count(*) FILTER (WHERE p.id IS NOT NULL)::int AS with_partner, count(*)::int AS n
        FROM volunteer v JOIN municipality m ON m.id = v.municipality_id LEFT JOIN network_partner p ON p.id = v.partner_id`, [TODAY]);
      expect(v).toMatchObject({ municipalities: 14, expiring_enschede: 1, without: 1, future: 0, wrong_municipality: 0 });
      expect(v.expiring).toBeGreaterThanOrEqual(3);
      expect(v.expiring).toBeLessThanOrEqual(5);
      expect(v.expired).toBeGreaterThanOrEqual(1);
      expect(v.with_partner / v.n).toBeGreaterThan(0.5);
    });

    it('refers learners to partners of their own municipality for a reason in their integration agreement, in every status, mostly accompanied', async () => {
      const [v] = await db.query(`SELECT
        count(*) FILTER (WHERE p.municipality_id <> t.municipality_id)::int AS other_municipality,
        count(*) FILTER (WHERE coalesce(t.integration_agreement -> (CASE r.reason_kind WHEN 'wish' THEN 'wishes' WHEN 'need' THEN 'needs' ELSE 'abilities' END)
                                 ->> r.reason_theme, '') = '')::int AS reason_missing,
        count(*) FILTER (WHERE NOT r.reason_theme = ANY(p.themes))::int AS off_theme,
        count(*) FILTER (WHERE r.accompanied_by_volunteer_id IS NOT NULL AND NOT (vo.vog_date <= r.first_contact_date AND r.first_contact_date < koers_vog_expiry(vo.vog_date)))::int AS vog_invalid,
        count(*) FILTER (WHERE vo.id IS NOT NULL AND vo.municipality_id <> t.municipality_id)::int AS volunteer_elsewhere,
        count(*) FILTER (WHERE r.planned_date < t.start_date OR r.first_contact_date < r.planned_date OR r.participating_from < r.first_contact_date
                            OR r.first_contact_date > least($1::date, t.end_date) OR r.end_date > least($1::date, t.end_date))::int AS bad_dates,
        count(*) FILTER (WHERE r.status = 'planned' AND r.planned_date <= $1::date)::int AS planned_in_past,
        count(*) FILTER (WHERE t.never_active OR t.status = 'planned')::int AS not_started_trajectory,
        count(*) FILTER (WHERE r.first_contact_date IS NOT NULL)::int AS contacts,
        count(*) FILTER (WHERE r.accompanied_by_volunteer_id IS NOT NULL OR r.accompanied_by_user_id IS NOT NULL)::int AS accompanied,
        count(*) FILTER (WHERE r.accompanied_by_volunteer_id IS NOT NULL)::int AS by_volunteer,
        count(*) FILTER (WHERE t.status IN ('completed', 'dropped_out'))::int AS history
        FROM referral r JOIN trajectory t ON t.id = r.trajectory_id JOIN network_partner p ON p.id = r.partner_id
        LEFT JOIN volunteer vo ON vo.id = r.accompanied_by_volunteer_id`, [TODAY]);
      expect(v).toMatchObject({ other_municipality: 0, reason_missing: 0, off_theme: 0, vog_invalid: 0, volunteer_elsewhere: 0, bad_dates: 0, planned_in_past: 0, not_started_trajectory: 0 });
      expect(v.accompanied / v.contacts).toBeGreaterThan(0.7);
      expect(v.accompanied / v.contacts).toBeLessThan(1);
      expect(v.by_volunteer).toBeGreaterThan(0);
      expect(v.history).toBeGreaterThan(0);
      for (const cbs of ['GM0153', 'GM0164', 'GM0141']) {
        const statuses = await db.query(`SELECT DISTINCT r.status FROM referral r JOIN trajectory t ON t.id = r.trajectory_id
          JOIN municipality m ON m.id = t.municipality_id WHERE m.cbs_code = $1 ORDER BY 1`, [cbs]);
        expect({ cbs, statuses: statuses.map((r: { status: string }) => r.status) })
          .toEqual({ cbs, statuses: ['ended', 'first_contact', 'not_started', 'participating', 'planned'] });
      }
    });

    it('records participation hours within each referral, most for the Z-route, with two Z-route learners far along toward the 800-hour norm', async () => {
      const [v] = await db.query(`SELECT
        count(*) FILTER (WHERE e.entry_date >= $1::date OR e.entry_date < r.participating_from OR e.entry_date > r.end_date)::int AS outside,
        count(*) FILTER (WHERE r.status NOT IN ('participating', 'ended'))::int AS wrong_status,
        count(*) FILTER (WHERE e.minutes NOT BETWEEN 1 AND 1440)::int AS bad_minutes,
        count(*) FILTER (WHERE pr.participation_norm)::int AS z_route, count(*)::int AS n
        FROM participation_entry e JOIN referral r ON r.id = e.referral_id JOIN trajectory t ON t.id = r.trajectory_id JOIN product pr ON pr.id = t.product_id`, [TODAY]);
      expect(v).toMatchObject({ outside: 0, wrong_status: 0, bad_minutes: 0 });
      expect(v.z_route / v.n).toBeGreaterThan(0.6);
      const [z] = await db.query(`SELECT count(*)::int AS active,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM referral r WHERE r.trajectory_id = t.id))::int AS referred,
          count(*) FILTER (WHERE koers_participation_minutes(t.id, $1::date) >= 300 * 60)::int AS far_along
        FROM trajectory t JOIN product p ON p.id = t.product_id WHERE p.participation_norm AND t.status = 'active'`, [TODAY]);
      expect(z.referred / z.active).toBeGreaterThan(0.6);
      expect(z.far_along).toBeGreaterThanOrEqual(2);
    });
  });

  it('can run again without duplicating anything, producing the same data', async () => {
    const before = await db.query(SIGNALS_SQL);
    const second = await seedDemo(db, { today: TODAY });
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
    // The same signals, in the same state, with the same history: only their ids (drawn by the rule engine) are new.
    const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ id: _id, trajectoryId: _t, ...rest }) => rest);
    const after = await db.query(SIGNALS_SQL);
    expect(strip(after)).toEqual(strip(before));
    const [orphans] = await db.query(`SELECT count(*)::int AS n FROM absence_signal s WHERE NOT EXISTS (SELECT 1 FROM trajectory t WHERE t.id = s.trajectory_id)`);
    expect(orphans.n).toBe(0);
    const [network] = await db.query(`SELECT
      (SELECT count(*) - count(DISTINCT (municipality_id, name)) FROM network_partner)::int AS partners,
      (SELECT count(*) - count(DISTINCT email) FROM volunteer)::int AS volunteers`);
    expect(network).toEqual({ partners: 0, volunteers: 0 });
    // The previous run's evidence files are gone with its rows: storage holds exactly the files the rows name.
    const keys: Array<{ storage_key: string }> = await db.query(`SELECT storage_key FROM portfolio_evidence ORDER BY 1`);
    expect((await new LocalDiskStorage(new AppConfig().storageDir).list('portfolio')).sort()).toEqual(keys.map((k) => k.storage_key));
  }, 90_000);
});
