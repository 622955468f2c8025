import { addDays, daysBetween, minDay } from '../common/domain/calendar';
import { AttendanceStatus, CEFR_LEVELS, LANGUAGE_SKILLS } from '../common/domain/vocabulary';
import { STANDARD_PRODUCTS } from '../modules/products/standard-products';
import { ABSENCE_REASONS, NOTE_AGREEMENTS, NOTE_SUMMARIES } from './demo-catalogue';
import { DemoPlan, LESSON_HORIZON_DAYS, PlanEnrolment, PlanTrajectory, Profile, learnerNumber } from './demo-plan';
import { Prng } from './prng';

const PRODUCTS = Object.fromEntries(STANDARD_PRODUCTS.map((p) => [p.code, p]));
const PATTERNS: Record<Profile, { present: number; late: number; absent_authorised: number; absent_unauthorised: number }> = {
  good: { present: 90, late: 5, absent_authorised: 3.5, absent_unauthorised: 1.5 },
  average: { present: 78, late: 9, absent_authorised: 8, absent_unauthorised: 5 },
  poor: { present: 62, late: 12, absent_authorised: 11, absent_unauthorised: 15 },
  chronic: { present: 70, late: 10, absent_authorised: 8, absent_unauthorised: 12 },
};

export const ATTENDANCE_COLUMNS = [
  'lesson_id', 'learner_id', 'trajectory_id', 'lesson_date', 'lesson_minutes', 'lesson_mode', 'status', 'minutes_late',
  'attended_minutes', 'absence_reason', 'reported_in_advance', 'recorded_by', 'recorded_at',
];

function statusFor(rng: Prng, e: PlanEnrolment, date: string, today: string): string {
  const t = e.trajectory;
  if (t.absenceEpisodes?.some((x) => date >= x.from && date <= x.to)) return 'absent_unauthorised';
  if (t.learner.profile === 'chronic') {
    // A run of unauthorised absence at the end: recent for active learners, before the dropout for the others.
    const runFrom = t.endDate ? addDays(t.endDate, -35) : addDays(today, -24);
    if (date >= runFrom && rng.chance(0.9)) return 'absent_unauthorised';
  }
  return rng.weighted(PATTERNS[t.learner.profile]);
}

/** Registers for past lessons (a few recent ones deliberately left open) and absences reported in advance. */
export function buildAttendance(rng: Prng, plan: DemoPlan, today: string, coordinatorId: string): unknown[][] {
  const byGroup = new Map<string, PlanEnrolment[]>();
  for (const e of plan.enrolments) byGroup.set(e.group.id, [...(byGroup.get(e.group.id) ?? []), e]);
  const lastPast = new Map<string, string>();
  for (const l of plan.lessons) if (l.date < today && !l.cancelled && l.date > (lastPast.get(l.group.id) ?? '')) lastPast.set(l.group.id, l.date);
  const rows: unknown[][] = [];
  const horizon = addDays(today, LESSON_HORIZON_DAYS);
  // The learner login has reported one absence in advance (a lesson next week), which "Mijn traject" shows and can withdraw.
  const own = plan.enrolments.find((e) => e.trajectory.learner.number === learnerNumber(0) && e.toDate === null);
  const ownAdvance = plan.lessons.find((l) => own && l.group === own.group && !l.cancelled && l.date >= addDays(today, 5))?.id;
  plan.groups.forEach((g, gi) => {
    const enrolled = byGroup.get(g.id) ?? [];
    for (const l of plan.lessons) {
      if (l.group !== g || l.cancelled) continue;
      // Every ninth group has not saved its most recent register yet (coordinators see it as missing).
      if (gi % 9 === 4 && l.date === lastPast.get(g.id)) continue;
      for (const e of enrolled) {
        if (l.date < e.fromDate || (e.toDate && l.date > e.toDate)) continue;
        if (l.date >= today) {
          if (l.date <= horizon && e.toDate === null && (e === own ? l.id === ownAdvance : rng.chance(0.012))) {
            const reason = e === own ? 'Afspraak bij de gemeente' : rng.pick(ABSENCE_REASONS);
            rows.push([l.id, e.trajectory.learner.id, e.trajectory.id, l.date, l.minutes, l.mode, 'absent_authorised', 0, 0, reason, true, coordinatorId, new Date(`${today}T08:00:00Z`)]);
          }
          continue;
        }
        const status = e.trajectory.learner.number === learnerNumber(0) && l.date >= addDays(today, -24) ? 'present' : statusFor(rng, e, l.date, today);
        const late = status === 'late' ? Math.min(l.minutes - 1, 5 * rng.int(1, 9)) : 0;
        const reason = status === 'absent_authorised' ? rng.pick(ABSENCE_REASONS) : null;
        // attended_minutes is set by the SQL rule after the insert (demo-seed.ts).
        rows.push([
          l.id, e.trajectory.learner.id, e.trajectory.id, l.date, l.minutes, l.mode, status, late,
          0, reason, status === 'absent_authorised' && rng.chance(0.4), l.teacherId,
          new Date(`${l.date}T17:30:00Z`),
        ]);
      }
    }
  });
  return rows;
}

export const ASSESSMENT_COLUMNS = ['learner_id', 'trajectory_id', 'skill', 'date', 'instrument', 'level', 'level_index', 'passed', 'is_exam', 'assessor_id', 'note'];
const EXAM_INSTRUMENT: Record<string, string> = {
  'B1-ROUTE': 'Inburgeringsexamen B1 (DUO)', ONDERWIJSROUTE: 'Staatsexamen NT2 programma I', 'Z-ROUTE': 'Eindtoets Z-route', ALFA: 'Inburgeringsexamen A2 (DUO)',
};

/** CEFR progress over time, exams for completed trajectories, KNM pass/fail for long-running ones. */
export function buildAssessments(rng: Prng, plan: DemoPlan, today: string, teacherOf: (t: PlanTrajectory) => string): unknown[][] {
  const rows: unknown[][] = [];
  for (const t of plan.trajectories) {
    if (t.status === 'planned' || t.neverActive) continue;
    const assessor = teacherOf(t);
    const evalEnd = minDay(t.attendUntil ?? today, today);
    const levels = { ...t.learner.intakeLevels };
    const cap = (skill: string) => Math.min(4, CEFR_LEVELS.indexOf((t.targets[skill] ?? 'B1') as never) + (t.productCode === 'ONDERWIJSROUTE' ? 1 : 0));
    for (let d = addDays(t.startDate, rng.int(60, 100)); d < addDays(evalEnd, -7); d = addDays(d, rng.int(70, 110))) {
      for (const skill of LANGUAGE_SKILLS) {
        const idx = CEFR_LEVELS.indexOf(levels[skill] as never);
        if (idx < cap(skill) && rng.chance(0.45)) levels[skill] = CEFR_LEVELS[idx + 1];
        rows.push([t.learner.id, t.id, skill, d, 'Voortgangstoets (methode)', levels[skill], CEFR_LEVELS.indexOf(levels[skill] as never), null, false, assessor, null]);
      }
    }
    if (t.status === 'completed' && t.endDate) {
      const examDate = addDays(t.endDate, -rng.int(12, 30));
      for (const skill of LANGUAGE_SKILLS) {
        const target = t.targets[skill];
        const passedFirst = rng.chance(0.85);
        rows.push([t.learner.id, t.id, skill, examDate, EXAM_INSTRUMENT[t.productCode], target, CEFR_LEVELS.indexOf(target as never), passedFirst, true, assessor, null]);
        if (!passedFirst) {
          rows.push([t.learner.id, t.id, skill, addDays(t.endDate, -rng.int(1, 8)), `${EXAM_INSTRUMENT[t.productCode]} (herexamen)`, target, CEFR_LEVELS.indexOf(target as never), true, true, assessor, null]);
        }
      }
      for (const skill of ['knm', PRODUCTS[t.productCode].legalRegime === 'wi2013' ? 'ona' : 'map']) {
        rows.push([t.learner.id, t.id, skill, addDays(examDate, -rng.int(14, 60)), skill === 'knm' ? 'KNM-examen (DUO)' : skill === 'map' ? 'MAP-eindgesprek' : 'ONA-portfolio', null, null, true, skill === 'knm', assessor, null]);
      }
    } else if ((t.status === 'active' || t.status === 'suspended') && t.startDate <= addDays(today, -300)) {
      const passed = rng.chance(0.75);
      rows.push([t.learner.id, t.id, 'knm', addDays(evalEnd, -rng.int(10, 90)), 'KNM-examen (DUO)', null, null, passed, true, assessor, passed ? null : 'Herkansing aangevraagd']);
    }
  }
  return rows;
}

export const NOTE_COLUMNS = ['trajectory_id', 'date', 'summary', 'agreements', 'follow_up_date', 'author_id'];

export function buildProgressNotes(rng: Prng, plan: DemoPlan, today: string, teacherOf: (t: PlanTrajectory) => string): unknown[][] {
  const rows: unknown[][] = [];
  for (const t of plan.trajectories) {
    if (t.status === 'planned' || t.neverActive || (!rng.chance(0.35) && t.learner.number !== learnerNumber(0))) continue;
    const end = minDay(t.attendUntil ?? today, today);
    for (let n = rng.int(1, 2); n > 0; n--) {
      const date = addDays(t.startDate, rng.int(20, Math.max(21, daysBetween(t.startDate, end))));
      const d = date > end ? end : date;
      rows.push([t.id, d, rng.pick(NOTE_SUMMARIES), rng.pick(NOTE_AGREEMENTS), rng.chance(0.5) ? addDays(d, 42) : null, teacherOf(t)]);
    }
  }
  return rows;
}
