import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../common/auth/scope';
import { addDays, isoWeekday, maxDay, minDay } from '../common/domain/calendar';
import { AppConfig } from '../config/app-config';
import { COLLEGE_TIME_ZONE } from '../config/time-zones';
import { AuditService } from '../modules/audit/audit.service';
import { EvaluationActor, RaisedSignal, SignalEvaluationRepository } from '../modules/signals/signal-evaluation.repository';
import { SignalRepository } from '../modules/signals/signal.repository';
import { SignalsService } from '../modules/signals/signals.service';
import { Prng } from './prng';

/** Written into the audit events of the demo's signal work, so they can be told apart from real use. */
export const DEMO_REQUEST_ID = 'seed:demo';
const NIGHTLY_ACTOR: EvaluationActor = { userId: null, role: 'system', requestId: DEMO_REQUEST_ID };
const PASS_EVERY_DAYS = 7;
const RECENT_DAYS = 10;

const CLOSE_NOTES = [
  'Gesprek gevoerd met de deelnemer; afgesproken dat ziekte vóór 9:00 uur wordt gemeld. Aanwezigheid is daarna weer op orde.',
  'Deelnemer had tijdelijk werk via het uitzendbureau. Met de klantmanager afgestemd; deelnemer volgt de lessen weer.',
  'Kinderopvang was weggevallen; via het wijkteam opnieuw geregeld. Deelnemer is weer aanwezig.',
  'Huisbezoek door de klantmanager van de gemeente; deelnemer is weer gestart en heeft een nieuwe lesafspraak.',
  'Deelnemer zat in de verhuizing naar een andere woning. Lessen hervat, afspraken vastgelegd in het trajectplan.',
  'Voortgangsgesprek gevoerd; motivatie besproken en een taalmaatje gekoppeld. Verzuim is gestopt.',
];
/** Closing an unreported signal needs the reason it was not reported to the municipality (SignalsService.close). */
const NOT_REPORTED_REASONS = [
  'Afwezigheid achteraf verklaard (ziekte, briefje van de huisarts); melden aan de gemeente was niet nodig.',
  'Verzuim opgelost in een gesprek met de deelnemer voordat melden nodig was.',
  'Deelnemer volgt de lessen weer; met de gemeente afgesproken dat eenmalig verzuim niet wordt gemeld.',
];
const END_NOTES = {
  completed: (end: string) => `Traject is afgerond op ${dutchDate(end)}; het verzuim is besproken in het eindgesprek. Signaal afgesloten.`,
  dropped_out: (end: string) => `Deelnemer is uitgevallen op ${dutchDate(end)}; het verzuim is meegenomen in de melding van de uitval aan de gemeente.`,
};
const dutchDate = (day: string) => `${Number(day.slice(8, 10))}-${Number(day.slice(5, 7))}-${day.slice(0, 4)}`;
const DUPLICATE_NOTE = (other: string) => `Dubbel signaal: dit verzuim wordt al behandeld via het signaal volgens ${other}.`;

type Step = { day: string; action: 'start' | 'report' | 'close' | 'withdraw'; note?: string };
interface Handled {
  id: string;
  trajectoryId: string;
  rule: string;
  triggeredOn: string;
  raisedOn: string;
  version: number;
  steps: Step[];
  handledOn: string | null;
  closedOn: string | null;
  reported?: boolean;
}

/** Coordinators handle signals on working days. */
const workday = (day: string): string => (isoWeekday(day) === 6 ? addDays(day, 2) : isoWeekday(day) === 7 ? addDays(day, 1) : day);

/** What a coordinator does with a signal, day by day from when it was raised. */
function plannedSteps(rng: Prng, raisedOn: string, duplicateOf: string | null, today: string): Step[] {
  // About half of last week's signals are still waiting for a coordinator when the demo starts.
  if (raisedOn >= addDays(today, -RECENT_DAYS) && rng.chance(0.5)) return [];
  const start = workday(addDays(raisedOn, rng.int(1, 3)));
  if (duplicateOf) return [{ day: start, action: 'withdraw', note: DUPLICATE_NOTE(duplicateOf) }];
  const steps: Step[] = [{ day: start, action: 'start' }];
  if (rng.chance(0.6)) steps.push({ day: workday(addDays(start, rng.int(0, 7))), action: 'report' });
  // Most signals are closed after a few weeks; some stay in progress long (a municipality follow-up pending).
  if (rng.chance(0.85)) steps.push({ day: workday(addDays(start, rng.int(12, 35))), action: 'close', note: rng.pick(CLOSE_NOTES) });
  return steps;
}

/**
 * Raises the demo's absence signals with the real rule engine and moves them through the workflow the way the
 * app does: a pass of koers_evaluate_absence_signals every week over the demo's history (as the nightly pass would
 * have run), then a coordinator starting, reporting to the municipality, closing or withdrawing each signal through
 * SignalsService, so later absences after a closed signal raise a new one. A trajectory that has ended since is
 * evaluated as it was while it ran, up to its end date, and its open signals are wrapped up after the end.
 * Runs in the caller's transaction (the
 * service's own transactions become savepoints); afterwards the timestamps are set to the simulated days.
 */
export async function raiseDemoSignals(
  m: EntityManager,
  opts: { trajectoryIds: string[]; today: string; coordinatorId: string; config: AppConfig; rng: Prng },
): Promise<number> {
  const { today, rng } = opts;
  // The service and repository take a DataSource; the transaction's manager offers the same transaction().
  const db = m as unknown as DataSource;
  const service = new SignalsService(db, new SignalRepository(db), new AuditService(), opts.config);
  const evaluation = new SignalEvaluationRepository();
  const coordinator: Scope = { userId: opts.coordinatorId, role: 'coordinator', municipalityId: null, learnerId: null, requestId: DEMO_REQUEST_ID };

  // Only trajectories that could fire at all (enough unauthorised lessons or minutes for their contract's thresholds).
  const candidates: Array<{ id: string; first: string; days: string[] }> = await m.query(
    `SELECT a.trajectory_id AS id, to_char(min(a.lesson_date), 'YYYY-MM-DD') AS first,
            array_agg(DISTINCT to_char(a.lesson_date, 'YYYY-MM-DD')) AS days
       FROM attendance_record a JOIN trajectory t ON t.id = a.trajectory_id JOIN contract c ON c.id = t.contract_id
      WHERE a.trajectory_id = ANY($1) AND a.status = 'absent_unauthorised'
      GROUP BY a.trajectory_id, c.r1_consecutive_lessons, c.r2_unauthorised_minutes
     HAVING count(*) >= c.r1_consecutive_lessons OR sum(a.lesson_minutes) >= c.r2_unauthorised_minutes
      ORDER BY 1`,
    [opts.trajectoryIds],
  );
  if (!candidates.length) return 0;
  const since = candidates.reduce((d, c) => minDay(d, c.first), today);

  const signals: Handled[] = [];
  const open: Handled[] = [];
  const lastClosed = new Map<string, string>();
  const closedSinceLastPass = new Set<string>();
  const runDue = async (day: string) => {
    const due = open.flatMap((s) => s.steps.filter((st) => st.day <= day).map((st) => ({ s, st })))
      .sort((a, b) => a.st.day.localeCompare(b.st.day) || a.s.trajectoryId.localeCompare(b.s.trajectoryId) || a.s.rule.localeCompare(b.s.rule));
    for (const { s, st } of due) {
      const view = st.action === 'report'
        ? await service.report(s.id, { version: s.version, reportedToMunicipalityOn: st.day }, coordinator)
        : st.action === 'start'
          ? await service.start(s.id, { version: s.version }, coordinator)
          : st.action === 'close' && !s.reported
            ? await service.close(s.id, { version: s.version, note: st.note!, notReportedReason: NOT_REPORTED_REASONS[signals.indexOf(s) % NOT_REPORTED_REASONS.length] }, coordinator)
            : await service[st.action](s.id, { version: s.version, note: st.note! }, coordinator);
      if (st.action === 'report') s.reported = true;
      s.version = view.version;
      s.handledOn = st.day;
      s.steps = s.steps.filter((x) => x !== st);
      if (st.action === 'close' || st.action === 'withdraw') {
        s.closedOn = st.day;
        lastClosed.set(`${s.trajectoryId}/${s.rule}`, st.day);
        closedSinceLastPass.add(s.trajectoryId);
        open.splice(open.indexOf(s), 1);
      }
    }
  };

  // Trajectories that have ended since were unfinished while their registers were saved, and the nightly pass
  // evaluated them then: they run as `active` until the pass of their end date, then take their final status.
  // A later trajectory of the same learner (a route switch) did not exist yet: it is set aside until then, so the
  // one-unfinished-trajectory-per-learner rule holds at every step.
  const ended: Array<{ id: string; status: string; end: string; later: Array<{ id: string; status: string }> }> = await m.query(
    `SELECT t.id, t.status, to_char(t.end_date, 'YYYY-MM-DD') AS "end",
            coalesce((SELECT json_agg(json_build_object('id', o.id, 'status', o.status) ORDER BY o.id) FROM trajectory o
                       WHERE o.learner_id = t.learner_id AND o.id <> t.id AND o.start_date > t.end_date), '[]') AS later
       FROM trajectory t WHERE t.id = ANY($1) AND t.status IN ('completed', 'dropped_out') ORDER BY t.end_date, t.id`,
    [candidates.map((c) => c.id)],
  );
  const setStatus = (rows: Array<{ id: string; status: string }>, status?: string) => rows.length
    ? m.query(`UPDATE trajectory t SET status = x.status FROM unnest($1::uuid[], $2::text[]) AS x(id, status) WHERE t.id = x.id`,
      [rows.map((r) => r.id), rows.map((r) => status ?? r.status)])
    : Promise.resolve();
  // Set aside as `completed`: not evaluated, and it has no records before its start anyway.
  await setStatus(ended.flatMap((e) => e.later), 'completed');
  await setStatus(ended, 'active');
  const running = [...ended];
  const endTrajectories = async (asOf: string) => {
    const now = running.filter((e) => e.end <= asOf);
    if (!now.length) return;
    for (const e of now) running.splice(running.indexOf(e), 1);
    await setStatus(now);
    await setStatus(now.flatMap((e) => e.later));
    // What is still open is wrapped up after the end: discussed in the final conversation or with the dropout.
    for (const e of now) {
      for (const s of open.filter((x) => x.trajectoryId === e.id)) {
        if (s.steps.some((st) => st.action === 'close' || st.action === 'withdraw')) continue;
        const after = s.steps.reduce((d, st) => maxDay(d, st.day), workday(addDays(e.end, rng.int(1, 4))));
        const note = e.status === 'completed' ? END_NOTES.completed(e.end) : END_NOTES.dropped_out(e.end);
        const steps: Step[] = s.handledOn || s.steps.some((st) => st.action === 'start') ? [] : [{ day: after, action: 'start' }];
        steps.push({ day: workday(addDays(after, rng.int(0, 5))), action: 'close', note });
        s.steps = [...s.steps, ...steps].filter((st) => st.day <= today);
      }
    }
  };

  // A pass every week, and one on each end date (registers up to the end are in; the next pass no longer sees it).
  const passDays = new Set<string>();
  for (let day = addDays(since, PASS_EVERY_DAYS - 1); day < today; day = addDays(day, PASS_EVERY_DAYS)) passDays.add(day);
  for (const e of ended) if (e.end < today) passDays.add(e.end);
  passDays.add(today);
  let previous = addDays(since, -1);
  for (const asOf of [...passDays].sort()) {
    await runDue(asOf);
    // A pass can only raise something new for a trajectory with unauthorised absence since the previous pass, or
    // whose signal was closed since (a hit the open signal held back); evaluating just those gives the same result.
    const ids = candidates.filter((c) => closedSinceLastPass.has(c.id) || c.days.some((d) => d > previous && d <= asOf)).map((c) => c.id);
    previous = asOf;
    closedSinceLastPass.clear();
    const raised: RaisedSignal[] = await evaluation.evaluate(m, ids, asOf, NIGHTLY_ACTOR);
    raised.sort((a, b) => a.trajectoryId.localeCompare(b.trajectoryId) || a.rule.localeCompare(b.rule));
    for (const r of raised) {
      // Raised when the register was saved, or, if an open signal of the rule held it back, the night after it closed.
      const closed = lastClosed.get(`${r.trajectoryId}/${r.rule}`);
      const raisedOn = minDay(closed && closed >= r.triggeredOn ? addDays(closed, 1) : r.triggeredOn, asOf);
      // The same absence fires R1 and R2 alike; now and then a coordinator withdraws the second as a duplicate.
      const sibling = open.find((s) => s.trajectoryId === r.trajectoryId && s.rule !== r.rule);
      const duplicate = sibling && r.rule === 'R2' && rng.chance(0.5) ? sibling.rule : null;
      const s: Handled = { ...r, raisedOn, version: 1, steps: [], handledOn: null, closedOn: null };
      s.steps = plannedSteps(rng, raisedOn, duplicate, today).filter((st) => st.day <= today);
      signals.push(s);
      open.push(s);
    }
    await runDue(asOf);
    await endTrajectories(asOf);
  }
  // Anything ending today or later than the last pass (not expected) takes its final status too.
  await endTrajectories('9999-12-31');
  await runDue(today);

  // The service stamps now(); the demo's history happened on the simulated days (never after now()). A signal
  // raised by a register save carries the save's time (the demo saves registers at 17:30 UTC), the nightly pass 02:30.
  const local = (day: string | null, time: string) => (day ? `${day} ${time} ${COLLEGE_TIME_ZONE}` : null);
  await m.query(
    `UPDATE absence_signal s
        SET raised_at = least(x.raised::timestamptz, now()),
            -- least() skips nulls, so unhandled and open signals keep their null explicitly.
            handled_at = CASE WHEN x.handled IS NOT NULL THEN least(x.handled::timestamptz, now()) END,
            closed_at = CASE WHEN x.closed IS NOT NULL THEN least(x.closed::timestamptz, now()) END,
            updated_at = least(coalesce(x.closed, x.handled, x.raised)::timestamptz, now())
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS x(id, raised, handled, closed)
      WHERE s.id = x.id`,
    [
      signals.map((s) => s.id),
      signals.map((s) => (s.raisedOn === s.triggeredOn ? `${s.raisedOn} 17:30+00` : local(s.raisedOn, '02:30'))),
      signals.map((s) => local(s.handledOn, `${String(rng.int(9, 15)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`)),
      signals.map((s) => local(s.closedOn, '16:45')),
    ],
  );
  return signals.length;
}
