import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../src/config/app-config';
import { addDays, todayIn } from '../src/common/domain/calendar';
import { JobQueueService } from '../src/jobs/job-queue.service';
import { NightlySignalsScheduler } from '../src/modules/signals/jobs/nightly-signals.scheduler';
import { NightlyPassJob } from '../src/modules/signals/jobs/nightly-pass.job';
import { seedReference, Reference } from './factories/reference.factory';
import { createContract, createGroup, createLearner, createLesson, createTrajectory, enrol } from './factories/records.factory';
import { createUser, TestUser } from './factories/user.factory';
import { createTestApp, TestApp } from './helpers/test-app';

describe('absence signals (e2e)', () => {
  let t: TestApp;
  let ref: Reference;
  let coordinator: TestUser;
  let enschede: string;
  let hengelo: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await seedReference(t.db);
    coordinator = await createUser(t, 'coordinator');
    enschede = ref.municipalities.Enschede;
    hengelo = ref.municipalities.Hengelo;
  });
  afterAll(() => t.close());

  /** A group with one learner of `municipalityId`, under a contract with these thresholds. */
  async function setup(thresholds: { r1ConsecutiveLessons?: number; r2WindowDays?: number; r2UnauthorisedMinutes?: number } = {}, municipalityId = enschede) {
    const teacher = await createUser(t, 'teacher');
    const contract = await createContract(t.db, municipalityId, [ref.products['B1-ROUTE']], thresholds);
    const group = await createGroup(t.db, ref.products['B1-ROUTE'], { teacherIds: [teacher.id] });
    const learner = await createLearner(t.db, municipalityId);
    const tr = await createTrajectory(t.db, { learnerId: learner.id, municipalityId, contractId: contract.id, productId: ref.products['B1-ROUTE'] });
    await enrol(t.db, tr.id, group.id);
    return { teacher, groupId: group.id, learnerId: learner.id, trajectoryId: tr.id };
  }

  async function saveOn(s: Awaited<ReturnType<typeof setup>>, date: string, status: string, minutes = 180) {
    const lesson = await createLesson(t.db, s.groupId, { date, minutes });
    const entry: Record<string, unknown> = { learnerId: s.learnerId, status };
    if (status === 'absent_authorised') entry.absenceReason = 'Ziek';
    const res = await t.http.put(`/api/v1/lessons/${lesson.id}/register`).set('Authorization', s.teacher.auth).send({ entries: [entry] }).expect(200);
    return { lessonId: lesson.id, raised: res.body.signalsRaised as { id: string; rule: string }[], entry };
  }

  const signalsOf = (trajectoryId: string) =>
    t.db.query(`SELECT id, rule, status, to_char(triggered_on, 'YYYY-MM-DD') AS triggered_on FROM absence_signal WHERE trajectory_id = $1 ORDER BY raised_at, rule`, [trajectoryId]);

  it('raises R1 after three consecutive unauthorised absences, once, even when the register is saved again', async () => {
    const s = await setup();
    await saveOn(s, '2025-03-03', 'absent_unauthorised');
    const second = await saveOn(s, '2025-03-05', 'absent_unauthorised');
    expect(second.raised).toEqual([]);
    const third = await saveOn(s, '2025-03-07', 'absent_unauthorised');
    expect(third.raised.map((r) => r.rule)).toEqual(['R1']);
    const [signal] = await signalsOf(s.trajectoryId);
    expect(signal).toMatchObject({ rule: 'R1', status: 'registered', triggered_on: '2025-03-07' });

    const again = await t.http.put(`/api/v1/lessons/${third.lessonId}/register`).set('Authorization', s.teacher.auth).send({ entries: [third.entry] }).expect(200);
    expect(again.body.signalsRaised).toEqual([]);
    await saveOn(s, '2025-03-10', 'absent_unauthorised');
    expect(await signalsOf(s.trajectoryId)).toHaveLength(1);
  });

  it('never counts authorised absence, and below the thresholds raises nothing', async () => {
    const s = await setup();
    await saveOn(s, '2025-03-03', 'absent_unauthorised');
    await saveOn(s, '2025-03-05', 'absent_authorised');
    await saveOn(s, '2025-03-07', 'absent_unauthorised');
    await saveOn(s, '2025-03-10', 'absent_authorised');
    await saveOn(s, '2025-03-12', 'absent_authorised');
    await saveOn(s, '2025-03-14', 'absent_authorised');
    // 2 × 180 = 360 unauthorised minutes in 28 days: below 960; no run of 3.
    expect(await signalsOf(s.trajectoryId)).toEqual([]);
  });

  it('raises R2 with the contract\'s thresholds, exactly at the threshold', async () => {
    const s = await setup({ r1ConsecutiveLessons: 10, r2WindowDays: 7, r2UnauthorisedMinutes: 360 });
    await saveOn(s, '2025-03-03', 'absent_unauthorised');
    await saveOn(s, '2025-03-04', 'present');
    // 8 days after the first: outside a 7-day window.
    const outside = await saveOn(s, '2025-03-11', 'absent_unauthorised');
    expect(outside.raised).toEqual([]);
    const justBelow = await saveOn(s, '2025-03-12', 'absent_unauthorised', 179);
    expect(justBelow.raised).toEqual([]);
    const at = await saveOn(s, '2025-03-13', 'absent_unauthorised', 1);
    expect(at.raised.map((r) => r.rule)).toEqual(['R2']);
    const [signal] = await t.db.query(`SELECT details FROM absence_signal WHERE trajectory_id = $1`, [s.trajectoryId]);
    expect(signal.details).toMatchObject({ windowDays: 7, thresholdMinutes: 360, unauthorisedMinutes: 360 });
  });

  it('moves a signal through the workflow with version checks, recording who and when, audited', async () => {
    const s = await setup({ r1ConsecutiveLessons: 1 });
    const { raised } = await saveOn(s, '2025-03-03', 'absent_unauthorised');
    const id = raised[0].id;
    const url = `/api/v1/signals/${id}`;
    const got = await t.http.get(url).set('Authorization', coordinator.auth).expect(200);
    expect(got.body).toMatchObject({ id, rule: 'R1', status: 'registered', version: 1, trajectoryId: s.trajectoryId, learnerId: s.learnerId, municipalityId: enschede });

    await t.http.post(`${url}/close`).set('Authorization', coordinator.auth).send({ version: 1, note: 'x' }).expect(422);
    const [a, b] = await Promise.all([
      t.http.post(`${url}/start`).set('Authorization', coordinator.auth).send({ version: 1 }),
      t.http.post(`${url}/start`).set('Authorization', coordinator.auth).send({ version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const started = a.status === 200 ? a.body : b.body;
    expect(started).toMatchObject({ status: 'in_progress', version: 2, handledBy: coordinator.id });
    expect(started.handledAt).toBeTruthy();

    await t.http.post(`${url}/report`).set('Authorization', coordinator.auth).send({ version: 2, reportedToMunicipalityOn: '2099-01-01' }).expect(400);
    const early = await t.http.post(`${url}/report`).set('Authorization', coordinator.auth).send({ version: 2, reportedToMunicipalityOn: '2025-03-02' }).expect(400);
    expect(early.body.errors[0].field).toBe('reportedToMunicipalityOn');
    await t.http.post(`${url}/report`).set('Authorization', coordinator.auth).send({ version: 2, reportedToMunicipalityOn: '2025-13-01' }).expect(400);
    const reported = await t.http.post(`${url}/report`).set('Authorization', coordinator.auth).send({ version: 2, reportedToMunicipalityOn: '2025-03-10' }).expect(200);
    expect(reported.body).toMatchObject({ status: 'in_progress', reportedToMunicipalityOn: '2025-03-10', version: 3 });

    await t.http.post(`${url}/close`).set('Authorization', coordinator.auth).send({ version: 3 }).expect(400);
    await t.http.post(`${url}/close`).set('Authorization', coordinator.auth).send({ version: 2, note: 'Besproken' }).expect(409);
    const closed = await t.http.post(`${url}/close`).set('Authorization', coordinator.auth).send({ version: 3, note: 'Besproken met deelnemer' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', note: 'Besproken met deelnemer', version: 4, reportedToMunicipalityOn: '2025-03-10' });
    expect(closed.body.closedAt).toBeTruthy();
    const w = await t.http.post(`${url}/withdraw`).set('Authorization', coordinator.auth).send({ version: 4, note: 'x' }).expect(422);
    expect(w.body.code).toBe('invalid_transition');

    const audit = await t.db.query(`SELECT action FROM audit_event WHERE entity_type = 'absence_signal' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['raise', 'signal.start', 'signal.report', 'signal.close']);

    // Closed: the same absence does not raise it again; a new one does.
    await saveOn(s, '2025-03-04', 'absent_unauthorised');
    const all = await signalsOf(s.trajectoryId);
    expect(all.map((x: { status: string }) => x.status)).toEqual(['closed', 'registered']);
    const second = all[1].id;
    const withdrawn = await t.http.post(`/api/v1/signals/${second}/withdraw`).set('Authorization', coordinator.auth).send({ version: 1, note: 'Verkeerd geregistreerd' }).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('refuses a date-time or blank note on a transition, naming the field, and changes nothing', async () => {
    const s = await setup({ r1ConsecutiveLessons: 1 });
    const { raised } = await saveOn(s, '2025-03-03', 'absent_unauthorised');
    const url = `/api/v1/signals/${raised[0].id}`;
    const stamp = await t.http.post(`${url}/report`).set('Authorization', coordinator.auth).send({ version: 1, reportedToMunicipalityOn: '2025-03-10T23:30:00+05:00' }).expect(400);
    expect(stamp.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stamp.body.errors.map((e: { field: string }) => e.field)).toEqual(['reportedToMunicipalityOn']);
    const blank = await t.http.post(`${url}/withdraw`).set('Authorization', coordinator.auth).send({ version: 1, note: '   ' }).expect(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['note']);
    const unchanged = await t.http.get(url).set('Authorization', coordinator.auth).expect(200);
    expect(unchanged.body).toMatchObject({ status: 'registered', version: 1, reportedToMunicipalityOn: null, note: null });
  });

  it('filters the list by learner and by the period the signals were triggered in', async () => {
    const s = await setup({ r1ConsecutiveLessons: 1 });
    await saveOn(s, '2025-04-07', 'absent_unauthorised');
    const list = (q: string) => t.http.get(`/api/v1/signals?${q}`).set('Authorization', coordinator.auth);
    const mine = await list(`learnerId=${s.learnerId}`).expect(200);
    expect(mine.body.items.map((x: { learnerId: string }) => x.learnerId)).toEqual([s.learnerId]);
    expect((await list(`learnerId=${s.learnerId}&from=2025-04-07&to=2025-04-07`).expect(200)).body.total).toBe(1);
    expect((await list(`learnerId=${s.learnerId}&from=2025-04-08`).expect(200)).body.total).toBe(0);
    const reversed = await list('from=2025-04-08&to=2025-04-07').expect(400);
    expect(reversed.body.errors[0].field).toBe('to');
    expect((await list('from=2025-02-30').expect(400)).body.errors[0].field).toBe('from');
  });

  it('scopes signals: a municipality reads only its own, a teacher its groups\' learners; only staff write', async () => {
    const mine = await setup({ r1ConsecutiveLessons: 1 });
    const theirs = await setup({ r1ConsecutiveLessons: 1 }, hengelo);
    const a = (await saveOn(mine, '2025-03-03', 'absent_unauthorised')).raised[0].id;
    const b = (await saveOn(theirs, '2025-03-03', 'absent_unauthorised')).raised[0].id;
    const mun = await createUser(t, 'municipality', { municipalityId: enschede });

    // Not reported yet: the municipality does not see it (DOMAIN.md "Who sees what"); once reported it does.
    await t.http.get(`/api/v1/signals/${a}`).set('Authorization', mun.auth).expect(404);
    expect((await t.http.get('/api/v1/signals?pageSize=100').set('Authorization', mun.auth).expect(200)).body.items.map((s: { id: string }) => s.id)).not.toContain(a);
    const reported = await t.http.post(`/api/v1/signals/${a}/report`).set('Authorization', coordinator.auth).send({ version: 1, reportedToMunicipalityOn: '2025-03-10' });
    expect(reported.status).toBeLessThan(300);
    await t.http.get(`/api/v1/signals/${a}`).set('Authorization', mun.auth).expect(200);
    await t.http.get(`/api/v1/signals/${b}`).set('Authorization', mun.auth).expect(404);
    const list = await t.http.get(`/api/v1/signals?pageSize=100&municipalityId=${hengelo}`).set('Authorization', mun.auth).expect(200);
    expect(list.body.total).toBe(0);
    const own = await t.http.get('/api/v1/signals?pageSize=100').set('Authorization', mun.auth).expect(200);
    expect(own.body.items.every((s: { municipalityId: string }) => s.municipalityId === enschede)).toBe(true);
    expect(own.body.items.map((s: { id: string }) => s.id)).toContain(a);
    await t.http.post(`/api/v1/signals/${a}/start`).set('Authorization', mun.auth).send({ version: 1 }).expect(403);
    await t.http.post(`/api/v1/signals/${a}/start`).set('Authorization', mine.teacher.auth).send({ version: 1 }).expect(403);

    await t.http.get(`/api/v1/signals/${a}`).set('Authorization', mine.teacher.auth).expect(200);
    await t.http.get(`/api/v1/signals/${b}`).set('Authorization', mine.teacher.auth).expect(404);
    const tl = await t.http.get('/api/v1/signals').set('Authorization', mine.teacher.auth).expect(200);
    expect(tl.body.items.map((s: { id: string }) => s.id)).toEqual([a]);
    const learner = await createUser(t, 'learner', { learnerId: mine.learnerId });
    await t.http.get('/api/v1/signals').set('Authorization', learner.auth).expect(403);

    const filtered = await t.http.get(`/api/v1/signals?trajectoryId=${theirs.trajectoryId}&rule=R1&status=registered`).set('Authorization', coordinator.auth).expect(200);
    expect(filtered.body.items.map((s: { id: string }) => s.id)).toEqual([b]);
    await t.http.get('/api/v1/signals?status=open').set('Authorization', coordinator.auth).expect(400);
    await t.http.get('/api/v1/signals?sort=colour').set('Authorization', coordinator.auth).expect(400);
    await t.http.get('/api/v1/signals/00000000-0000-4000-8000-000000000000').set('Authorization', coordinator.auth).expect(404);
  });

  it('the nightly pass raises signals for records saved without evaluation, as of a date, idempotently', async () => {
    const s = await setup();
    const other = await setup({ r1ConsecutiveLessons: 2 }, hengelo);
    // Records inserted directly (as an import would), so only the nightly pass sees them.
    for (const x of [s, other]) {
      await t.db.query(
        `WITH l AS (
           INSERT INTO lesson (group_id, date, start_time, minutes, mode)
           SELECT $1, DATE '2025-04-07' + i, '09:00', 180, 'physical' FROM generate_series(0, 2) i RETURNING id, date, minutes, mode)
         INSERT INTO attendance_record (lesson_id, learner_id, trajectory_id, lesson_date, lesson_minutes, lesson_mode, status, attended_minutes)
         SELECT l.id, $2, $3, l.date, l.minutes, l.mode, 'absent_unauthorised', 0 FROM l`,
        [x.groupId, x.learnerId, x.trajectoryId],
      );
    }
    const job = t.app.get(NightlyPassJob);
    expect((await job.handle({ asOf: '2025-04-08' })).raised).toBe(1); // only `other` (R1 = 2) by then
    expect((await signalsOf(other.trajectoryId)).map((x: { rule: string }) => x.rule)).toEqual(['R1']);
    const res = await job.handle({ asOf: '2025-04-30' });
    expect(res.raised).toBe(1);
    expect(await signalsOf(s.trajectoryId)).toEqual([expect.objectContaining({ rule: 'R1', triggered_on: '2025-04-09' })]);
    expect((await job.handle({ asOf: '2025-04-30' })).raised).toBe(0);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'absence_signal' AND action = 'raise' AND actor_role = 'system'`);
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it('the scheduler enqueues the nightly pass once per date (deterministic job id)', async () => {
    const scheduler = new NightlySignalsScheduler(t.app.get(JobQueueService), t.app.get(AppConfig), new SchedulerRegistry());
    const at = new Date('2025-06-01T00:30:00Z');
    expect(await scheduler.enqueueNightlyPass(at)).toBe('2025-06-01');
    await scheduler.enqueueNightlyPass(at);
    const queue = t.app.get(JobQueueService).queue('signals');
    const waiting = (await queue.getJobs(['waiting', 'delayed', 'active'])).filter((j) => j.name === 'signals.nightly-pass');
    expect(waiting).toHaveLength(1);
    expect(waiting[0].id).toBe('signals.nightly-pass_2025-06-01');
    expect(waiting[0].data).toEqual({ asOf: '2025-06-01' });
  });
  describe('worklist: municipality, age, over tijd, lessons, closing', () => {
    /** Independent twin of koers_signal_report_due: the 5th Monday-to-Friday day after `raised`. */
    const dueAfter = (raised: string) => {
      let day = raised;
      for (let n = 0; n < 5; ) {
        day = addDays(day, 1);
        if (![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) n++;
      }
      return day;
    };
    const tz = () => t.app.get(AppConfig).reportTimezone;
    /** Moves the signal's raise to noon of `day` on the college calendar. */
    const raiseOn = (id: string, day: string) =>
      t.db.query(`UPDATE absence_signal SET raised_at = ($2::date + time '12:00') AT TIME ZONE $3 WHERE id = $1`, [id, day, tz()]);
    const get = async (id: string) => (await t.http.get(`/api/v1/signals/${id}`).set('Authorization', coordinator.auth).expect(200)).body;

    it('the report is due on the 5th working day after the raise: weekends do not count', async () => {
      const due = async (day: string) => (await t.db.query(`SELECT koers_signal_report_due($1::date)::text AS d`, [day]))[0].d;
      expect(await due('2025-03-03')).toBe('2025-03-10'); // Monday → next Monday
      expect(await due('2025-03-05')).toBe('2025-03-12'); // Wednesday → next Wednesday
      expect(await due('2025-03-07')).toBe('2025-03-14'); // Friday → next Friday
      expect(await due('2025-03-08')).toBe('2025-03-14'); // Saturday → Friday
      expect(await due('2025-03-09')).toBe('2025-03-14'); // Sunday → Friday
      expect(await due('2025-12-26')).toBe('2026-01-02'); // across the year
      // Every day of a year against the twin.
      const year: Array<{ day: string; due: string }> = await t.db.query(
        `SELECT d::date::text AS day, koers_signal_report_due(d::date)::text AS due FROM generate_series(DATE '2025-01-01', DATE '2025-12-31', interval '1 day') d`,
      );
      expect(year).toHaveLength(365);
      expect(year.filter((r) => r.due !== dueAfter(r.day))).toEqual([]);
    });

    it('shows municipality, age and over tijd, counted in working days to today, and filters on it', async () => {
      const s = await setup({ r1ConsecutiveLessons: 1 });
      const id = (await saveOn(s, '2025-03-03', 'absent_unauthorised')).raised[0].id;
      const today = todayIn(tz());
      const seen = new Set<boolean>();
      for (let back = 0; back <= 10; back++) {
        const raised = addDays(today, -back);
        await raiseOn(id, raised);
        const sig = await get(id);
        expect(sig).toMatchObject({ municipalityName: 'Enschede', ageDays: back, reportDueOn: dueAfter(raised), overdue: dueAfter(raised) < today });
        seen.add(sig.overdue);
        const listed = await t.http.get(`/api/v1/signals?learnerId=${s.learnerId}&overdue=${sig.overdue}`).set('Authorization', coordinator.auth).expect(200);
        expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([id]);
        expect(listed.body.items[0]).toMatchObject({ overdue: sig.overdue, ageDays: back, municipalityName: 'Enschede' });
        const other = await t.http.get(`/api/v1/signals?learnerId=${s.learnerId}&overdue=${!sig.overdue}`).set('Authorization', coordinator.auth).expect(200);
        expect(other.body.total).toBe(0);
      }
      expect([...seen].sort()).toEqual([false, true]);
      expect((await t.http.get('/api/v1/signals?overdue=soms').set('Authorization', coordinator.auth).expect(400)).body.errors[0].field).toBe('overdue');

      // Reported: over tijd only when the report came after the due day.
      await raiseOn(id, '2025-03-07');
      await t.http.post(`/api/v1/signals/${id}/report`).set('Authorization', coordinator.auth).send({ version: 1, reportedToMunicipalityOn: '2025-03-14' }).expect(200);
      expect(await get(id)).toMatchObject({ reportDueOn: '2025-03-14', overdue: false });
      await t.http.post(`/api/v1/signals/${id}/report`).set('Authorization', coordinator.auth).send({ version: 2, reportedToMunicipalityOn: '2025-03-17' }).expect(200);
      expect(await get(id)).toMatchObject({ overdue: true });
      await t.http.post(`/api/v1/signals/${id}/withdraw`).set('Authorization', coordinator.auth).send({ version: 3, note: 'Ten onrechte' }).expect(200);
      expect(await get(id)).toMatchObject({ status: 'withdrawn', overdue: false });
    });

    it('names the lessons behind the signal with their dates (R1 its run, R2 its window)', async () => {
      const s = await setup({ r1ConsecutiveLessons: 2, r2WindowDays: 7, r2UnauthorisedMinutes: 300 });
      const first = await saveOn(s, '2025-03-03', 'absent_unauthorised', 120);
      const second = await saveOn(s, '2025-03-05', 'absent_unauthorised', 120);
      const r1 = second.raised.find((r) => r.rule === 'R1')!;
      expect((await get(r1.id)).lessons).toEqual([
        expect.objectContaining({ lessonId: first.lessonId, date: '2025-03-03', startTime: '09:00' }),
        expect.objectContaining({ lessonId: second.lessonId, date: '2025-03-05', startTime: '09:00' }),
      ]);
      await saveOn(s, '2025-03-06', 'present');
      const third = await saveOn(s, '2025-03-07', 'absent_unauthorised', 120);
      const r2 = third.raised.find((r) => r.rule === 'R2')!;
      const lessons = (await get(r2.id)).lessons;
      expect(lessons.map((l: { date: string }) => l.date)).toEqual(['2025-03-03', '2025-03-05', '2025-03-07']);
      expect(lessons[0].groupCode).toMatch(/^G-/);
    });

    it('closes only with the report date or a reason why it was not reported, in Dutch, naming the fields', async () => {
      const s = await setup({ r1ConsecutiveLessons: 1 });
      const id = (await saveOn(s, '2025-03-03', 'absent_unauthorised')).raised[0].id;
      const url = `/api/v1/signals/${id}`;
      await t.http.post(`${url}/start`).set('Authorization', coordinator.auth).send({ version: 1 }).expect(200);
      const bare = await t.http.post(`${url}/close`).set('Authorization', coordinator.auth).send({ version: 2, note: 'Besproken' }).expect(400);
      expect(bare.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bare.body.errors.map((e: { field: string }) => e.field)).toEqual(['reportedToMunicipalityOn', 'notReportedReason']);
      expect(bare.body.errors[0].message).toMatch(/^vul de datum in waarop het signaal aan de gemeente is gemeld/);
      expect(bare.body.detail).toMatch(/pas afgesloten/);
      const blank = await t.http.post(`${url}/close`).set('Authorization', coordinator.auth).send({ version: 2, note: 'x', notReportedReason: '  ' }).expect(400);
      expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['notReportedReason']);
      const both = await t.http.post(`${url}/close`).set('Authorization', coordinator.auth)
        .send({ version: 2, note: 'x', reportedToMunicipalityOn: '2025-03-04', notReportedReason: 'Niet nodig' }).expect(400);
      expect(both.body.errors.map((e: { field: string }) => e.field)).toEqual(['notReportedReason']);
      const future = await t.http.post(`${url}/close`).set('Authorization', coordinator.auth).send({ version: 2, note: 'x', reportedToMunicipalityOn: '2099-01-01' }).expect(400);
      expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['reportedToMunicipalityOn']);
      expect(await get(id)).toMatchObject({ status: 'in_progress', version: 2, closedAt: null });

      const closed = await t.http.post(`${url}/close`).set('Authorization', coordinator.auth)
        .send({ version: 2, note: 'Besproken met deelnemer', notReportedReason: 'Afwezigheid verklaard, deelnemer weer aanwezig' }).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', reportedToMunicipalityOn: null, notReportedReason: 'Afwezigheid verklaard, deelnemer weer aanwezig', overdue: false });

      // The report date given with the close is recorded; once reported, a reason of not reporting is refused.
      const s2 = await setup({ r1ConsecutiveLessons: 1 });
      const id2 = (await saveOn(s2, '2025-03-03', 'absent_unauthorised')).raised[0].id;
      await t.http.post(`/api/v1/signals/${id2}/report`).set('Authorization', coordinator.auth).send({ version: 1, reportedToMunicipalityOn: '2025-03-04' }).expect(200);
      const refused = await t.http.post(`/api/v1/signals/${id2}/close`).set('Authorization', coordinator.auth).send({ version: 2, note: 'x', notReportedReason: 'Niet nodig' }).expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['notReportedReason']);
      await t.http.post(`/api/v1/signals/${id2}/close`).set('Authorization', coordinator.auth).send({ version: 2, note: 'Gemeld en besproken' }).expect(200);
      const s3 = await setup({ r1ConsecutiveLessons: 1 });
      const id3 = (await saveOn(s3, '2025-03-03', 'absent_unauthorised')).raised[0].id;
      await t.http.post(`/api/v1/signals/${id3}/start`).set('Authorization', coordinator.auth).send({ version: 1 }).expect(200);
      const early = await t.http.post(`/api/v1/signals/${id3}/close`).set('Authorization', coordinator.auth).send({ version: 2, note: 'x', reportedToMunicipalityOn: '2025-03-02' }).expect(400);
      expect(early.body.errors[0].field).toBe('reportedToMunicipalityOn');
      const withDate = await t.http.post(`/api/v1/signals/${id3}/close`).set('Authorization', coordinator.auth).send({ version: 2, note: 'Gemeld', reportedToMunicipalityOn: '2025-03-05' }).expect(200);
      expect(withDate.body).toMatchObject({ status: 'closed', reportedToMunicipalityOn: '2025-03-05', notReportedReason: null });
      const audit = await t.db.query(`SELECT fields FROM audit_event WHERE entity_type = 'absence_signal' AND entity_id = $1 AND action = 'signal.close'`, [id3]);
      expect(audit[0].fields).toEqual(expect.arrayContaining(['reportedToMunicipalityOn', 'notReportedReason']));
    });
  });
});
