import { addDays, maxDay } from '../common/domain/calendar';
import { MUNICIPALITY_INFO } from './demo-catalogue';
import { DemoPlan, PlanEnrolment, learnerNumber } from './demo-plan';
import { ENSCHEDE } from './demo-users';
import { Prng } from './prng';

/** Learners per municipality given a stretch of unauthorised absence; Enschede (the municipality demo login) more. */
const EPISODE_LEARNERS: Record<string, number> = { [ENSCHEDE]: 9, GM0164: 4, GM0141: 4 };
const DEFAULT_EPISODE_LEARNERS = 2;
/** Of Enschede's, at least this many sit in a group of teacher@koers.test, so that login sees signals too. */
const TEACHER_LOGIN_EPISODES = 3;

function shuffled<T>(rng: Prng, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Marks a few active learners per municipality with episodes of unauthorised absence: a recent one (still open
 * when the demo starts) and/or an older one (handled since). Short episodes (3–4 lessons in a row) fire R1, long
 * ones R2 as well. The random profiles add more by chance. The learner login (D000001) never gets one.
 * Uses its own generator, so choosing episodes does not reshuffle the rest of the demo.
 */
export function planAbsenceEpisodes(rng: Prng, plan: DemoPlan, today: string, teacherLoginId: string): void {
  const byCbs = new Map<string, PlanEnrolment[]>();
  for (const e of plan.enrolments) {
    const t = e.trajectory;
    if (t.status !== 'active' || e.toDate !== null || t.learner.number === learnerNumber(0) || t.learner.profile === 'chronic') continue;
    if (e.fromDate > addDays(today, -70)) continue;
    byCbs.set(t.cbs, [...(byCbs.get(t.cbs) ?? []), e]);
  }
  for (const cbs of Object.keys(MUNICIPALITY_INFO)) {
    const candidates = shuffled(rng, byCbs.get(cbs) ?? []);
    const own = candidates.filter((e) => e.group.teacherIds[0] === teacherLoginId);
    const first = cbs === ENSCHEDE ? own.slice(0, TEACHER_LOGIN_EPISODES) : [];
    const chosen = [...first, ...candidates.filter((e) => !first.includes(e))].slice(0, EPISODE_LEARNERS[cbs] ?? DEFAULT_EPISODE_LEARNERS);
    for (const e of chosen) {
      const episodes: Array<{ from: string; to: string }> = [];
      const earliest = addDays(e.fromDate, 14);
      // Recent: ended a few days ago, or still going on.
      const recent = rng.chance(0.75);
      if (!recent || rng.chance(0.5)) {
        const to = addDays(today, -rng.int(45, 120));
        const from = maxDay(earliest, addDays(to, -rng.int(8, 24)));
        if (from < to) episodes.push({ from, to });
      }
      if (recent || !episodes.length) {
        const to = addDays(today, -rng.int(1, 12));
        episodes.push({ from: maxDay(earliest, addDays(to, -rng.pick([8, 10, 14, 18, 22]))), to });
      }
      e.trajectory.absenceEpisodes = episodes;
    }
  }
  // Ended trajectories had their absences too: a stretch halfway through a completed one (signalled and handled
  // long before the end), and one in the last weeks before a dropout.
  const ended = new Map<string, PlanEnrolment[]>();
  for (const e of plan.enrolments) {
    const t = e.trajectory;
    if ((t.status !== 'completed' && t.status !== 'dropped_out') || !t.endDate || t.learner.profile === 'chronic') continue;
    if (t.dropoutReason === 'route_switch' || e.fromDate > addDays(t.endDate, -90)) continue;
    ended.set(t.cbs, [...(ended.get(t.cbs) ?? []), e]);
  }
  for (const cbs of Object.keys(MUNICIPALITY_INFO)) {
    const candidates = shuffled(rng, ended.get(cbs) ?? []);
    const completed = candidates.filter((e) => e.trajectory.status === 'completed').slice(0, cbs === ENSCHEDE ? 3 : 1);
    const dropped = candidates.filter((e) => e.trajectory.status === 'dropped_out').slice(0, cbs === ENSCHEDE ? 2 : 1);
    for (const e of [...completed, ...dropped]) {
      const end = e.trajectory.endDate!;
      const to = e.trajectory.status === 'completed' ? addDays(end, -rng.int(40, 80)) : addDays(end, -rng.int(2, 10));
      const from = maxDay(addDays(e.fromDate, 14), addDays(to, -rng.pick([8, 10, 14, 18])));
      if (from < to) e.trajectory.absenceEpisodes = [{ from, to }];
    }
  }
}
