import { addDays, isoWeekday, maxDay, minDay, mondayOf } from '../common/domain/calendar';
import { CEFR_LEVELS } from '../common/domain/vocabulary';
import { STANDARD_PRODUCTS } from '../modules/products/standard-products';
import { CANCEL_REASONS, DROPOUT_NOTES, DROPOUT_WEIGHTS, GROUP_PLAN, MUNICIPALITY_INFO, PLAN_GOALS, PRODUCT_ABBR, SCHEDULES } from './demo-catalogue';
import { ENSCHEDE } from './demo-users';
import { ORIGINS, randomName } from './names';
import { Prng, randomBsn } from './prng';

export type Profile = 'good' | 'average' | 'poor' | 'chronic';

export interface PlanLearner {
  id: string; number: string; firstName: string; lastName: string; female: boolean; country: string; language: string;
  cbs: string; dateOfBirth: string; intakeDate: string; intakeLevels: Record<string, string>;
  email: string | null; phone: string; street: string; postalCode: string; city: string; bsn: string | null; profile: Profile;
}
export interface PlanTrajectory {
  id: string; learner: PlanLearner; cbs: string; productCode: string; legalRegime: string; status: string;
  startDate: string; plannedEndDate: string; endDate: string | null; pipDate: string | null; contractedHours: number;
  targets: Record<string, string>; dropoutReason: string | null; dropoutNote: string | null;
  /** Dropped out while still planned (no_show): never active, so no enrolment, registers, tests or bills. */
  neverActive: boolean;
  plan: object; agreement: object; attendUntil: string | null;
  /** Stretches of unauthorised absence (demo-episodes.ts), so the absence rules have something to find. */
  absenceEpisodes?: Array<{ from: string; to: string }>;
}
export interface PlanGroup {
  id: string; code: string; name: string; location: string; cbs: string; productCode: string; capacity: number; startDate: string;
  teacherIds: string[]; slots: Array<{ id: string; weekday: number; startTime: string; minutes: number; mode: string }>; load: number;
}
export interface PlanLesson { id: string; group: PlanGroup; date: string; startTime: string; minutes: number; mode: string; cancelled: boolean; cancelReason: string | null; teacherId: string }
export interface PlanEnrolment { id: string; trajectory: PlanTrajectory; group: PlanGroup; fromDate: string; toDate: string | null }

export interface DemoPlan { learners: PlanLearner[]; trajectories: PlanTrajectory[]; groups: PlanGroup[]; lessons: PlanLesson[]; enrolments: PlanEnrolment[] }

export const DEMO_LEARNER_COUNT = 640;
export const LESSON_HORIZON_DAYS = 14;
const PRODUCTS = Object.fromEntries(STANDARD_PRODUCTS.map((p) => [p.code, p]));
const CITY_HUBS = ['GM0153', 'GM0164', 'GM0141'];
export const learnerNumber = (i: number): string => `D${String(i + 1).padStart(6, '0')}`;

function intakeLevels(rng: Prng, productCode: string): Record<string, string> {
  const base = productCode === 'ALFA' || productCode === 'Z-ROUTE' ? 0 : productCode === 'ONDERWIJSROUTE' ? 2 : rng.pick([0, 1, 1, 1, 2]);
  const lv = (d: number) => CEFR_LEVELS[Math.max(0, Math.min(3, base + d))];
  return { reading: lv(rng.pick([0, 0, 1])), listening: lv(rng.pick([0, 1, 1])), writing: lv(rng.pick([-1, 0, 0])), speaking: lv(rng.pick([0, 1])) };
}

function buildLearner(rng: Prng, i: number, cbs: string, productCode: string, usedBsn: Set<string>, today: string): PlanLearner {
  const n = randomName(rng);
  const info = MUNICIPALITY_INFO[cbs];
  let bsn: string | null = null;
  if (rng.chance(0.35)) {
    do bsn = randomBsn(rng); while (usedBsn.has(bsn));
    usedBsn.add(bsn);
  }
  const ascii = `${n.firstName}.${n.lastName}`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z.]+/g, '');
  return {
    id: rng.uuid(), number: learnerNumber(i), firstName: n.firstName, lastName: n.lastName, female: n.female,
    country: n.origin.country, language: n.origin.language, cbs,
    dateOfBirth: addDays(today, -rng.int(18 * 365, 62 * 365)), intakeDate: today, intakeLevels: intakeLevels(rng, productCode),
    email: ascii.length > 3 && rng.chance(0.6) ? `${ascii}${rng.int(1, 99)}@example.nl` : null,
    phone: `06-${rng.int(10000000, 99999999)}`,
    street: `${rng.pick(info.streets)} ${rng.int(1, 240)}`,
    postalCode: `${info.postal}${String(rng.int(0, 10 ** (4 - info.postal.length) - 1)).padStart(4 - info.postal.length, '0')} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`,
    city: info.location.split(',')[0], bsn, profile: rng.weighted({ good: 55, average: 30, poor: 10, chronic: 5 }) as Profile,
  };
}

function buildGroups(rng: Prng, today: string, teacherIds: string[]): PlanGroup[] {
  const groups: PlanGroup[] = [];
  const mainStart = mondayOf(addDays(today, -182));
  let teacherCursor = 1;
  for (const [cbs, products] of Object.entries(GROUP_PLAN)) {
    const seq: Record<string, number> = {};
    for (const code of products) {
      seq[code] = (seq[code] ?? 0) + 1;
      const abbr = `${MUNICIPALITY_INFO[cbs].abbr}-${PRODUCT_ABBR[code]}-${String(seq[code]).padStart(2, '0')}`;
      const recent = groups.length % 8 === 7;
      // teacher@koers.test teaches the first five Enschede groups; the others rotate.
      const primary = cbs === ENSCHEDE && groups.length < 5 ? teacherIds[0] : teacherIds[teacherCursor++ % (teacherIds.length - 1) + 1];
      const second = rng.chance(0.35) ? teacherIds[rng.int(1, teacherIds.length - 1)] : null;
      const schedule = SCHEDULES[groups.length % SCHEDULES.length];
      groups.push({
        id: rng.uuid(), code: abbr, name: `${PRODUCTS[code].name} ${MUNICIPALITY_INFO[cbs].location.split(',')[0]} ${seq[code]}`,
        location: MUNICIPALITY_INFO[cbs].location, cbs, productCode: code, capacity: rng.pick([14, 16, 16, 18]),
        startDate: recent ? mondayOf(addDays(today, -7 * rng.int(6, 12))) : mainStart,
        teacherIds: second && second !== primary ? [primary, second] : [primary],
        slots: schedule.map(([weekday, startTime, minutes, mode]) => ({ id: rng.uuid(), weekday, startTime, minutes, mode })), load: 0,
      });
    }
  }
  return groups;
}

function buildLessons(rng: Prng, groups: PlanGroup[], today: string): PlanLesson[] {
  const lessons: PlanLesson[] = [];
  const horizon = addDays(today, LESSON_HORIZON_DAYS);
  for (const g of groups) {
    for (let d = g.startDate; d <= horizon; d = addDays(d, 1)) {
      for (const s of g.slots.filter((x) => x.weekday === isoWeekday(d))) {
        const cancelled = d < today && rng.chance(0.03);
        lessons.push({
          id: rng.uuid(), group: g, date: d, startTime: s.startTime, minutes: s.minutes,
          mode: s.mode === 'physical' && rng.chance(0.02) ? 'online' : s.mode, cancelled,
          cancelReason: cancelled ? rng.pick(CANCEL_REASONS) : null, teacherId: g.teacherIds[rng.chance(0.85) ? 0 : g.teacherIds.length - 1],
        });
      }
    }
  }
  return lessons;
}

function buildTrajectory(rng: Prng, learner: PlanLearner, productCode: string, status: string, today: string): PlanTrajectory {
  const p = PRODUCTS[productCode];
  let start: string;
  let end: string | null = null;
  let attendUntil: string | null = null;
  let reason: string | null = null;
  if (status === 'planned') start = addDays(today, rng.int(7, 60));
  else if (status === 'completed') {
    start = addDays(today, -rng.int(420, 620));
    end = addDays(today, -rng.int(7, 150));
  } else if (status === 'dropped_out') {
    start = addDays(today, -rng.int(90, 480));
    end = addDays(today, -rng.int(3, 150));
    reason = rng.weighted(DROPOUT_WEIGHTS);
    // A no-show never came: the coordinator closes the planned trajectory a few weeks after its start date.
    if (reason === 'no_show') end = minDay(addDays(start, rng.int(10, 28)), addDays(today, -3));
  } else if (status === 'suspended') {
    start = addDays(today, -rng.int(120, 480));
    attendUntil = addDays(today, -rng.int(14, 40));
  } else start = addDays(today, -rng.int(30, 520));
  if (end && end < addDays(start, 30) && reason !== 'no_show') end = addDays(start, 30);
  learner.intakeDate = addDays(start, -rng.int(14, 45));
  const goals = Object.fromEntries(Object.entries(PLAN_GOALS).filter(() => rng.chance(0.5)).map(([k, v]) => [k, rng.pick(v)]));
  return {
    id: rng.uuid(), learner, cbs: learner.cbs, productCode, legalRegime: p.legalRegime, status, startDate: start,
    plannedEndDate: addDays(start, p.plannedDurationWeeks * 7), endDate: end,
    pipDate: p.legalRegime === 'wi2021' ? addDays(start, -rng.int(10, 40)) : null, contractedHours: p.contractedHours,
    targets: { ...p.defaultTargets }, dropoutReason: reason, dropoutNote: reason ? DROPOUT_NOTES[reason] : null, neverActive: reason === 'no_show',
    plan: { goals, agreements: rng.pick(['Twee dagdelen les per week en één dagdeel vrijwilligerswerk.', 'Drie dagdelen les per week.', 'Lessen combineren met parttime werk.']) },
    agreement: {
      wishes: { work: rng.pick(['Werken in de zorg', 'Chauffeur', 'Werken in de horeca', 'Technisch werk', 'Administratief werk']), sport: rng.pick(['Voetbal', 'Zwemmen', 'Fitness', 'Wandelen']) },
      needs: { housing: rng.pick(['Hulp bij contact met de woningcorporatie', 'Geen', 'Grotere woning nodig']), culture: rng.pick(['Taalmaatje', 'Bibliotheekpas']) },
      abilities: { work: rng.pick(['Ervaring als kapper', 'Ervaring in de bouw', 'Diploma verpleegkunde', 'Rijbewijs B', 'Ervaring als kok']), religion: rng.pick(['Wil graag een gebedsruimte weten', 'Geen bijzonderheden']) },
    },
    attendUntil: attendUntil ?? end,
  };
}

function pickGroup(groups: PlanGroup[], t: PlanTrajectory): PlanGroup {
  const sameProduct = groups.filter((g) => g.productCode === t.productCode);
  let candidates = sameProduct.filter((g) => g.cbs === t.cbs);
  if (!candidates.length) candidates = sameProduct.filter((g) => CITY_HUBS.includes(g.cbs));
  if (!candidates.length) candidates = sameProduct;
  const open = candidates.filter((g) => g.load < g.capacity);
  return (open.length ? open : candidates).reduce((a, b) => (b.load < a.load ? b : a));
}

/** Builds the whole demo world in memory from the fixed seed; nothing touches the database here. */
export function buildDemoPlan(rng: Prng, today: string, teacherIds: string[]): DemoPlan {
  const groups = buildGroups(rng, today, teacherIds);
  const learners: PlanLearner[] = [];
  const trajectories: PlanTrajectory[] = [];
  const usedBsn = new Set<string>();
  const muniWeights = Object.fromEntries(Object.entries(MUNICIPALITY_INFO).map(([k, v]) => [k, v.weight]));
  for (let i = 0; i < DEMO_LEARNER_COUNT; i++) {
    const cbs = i === 0 ? ENSCHEDE : rng.weighted(muniWeights);
    const productCode = i === 0 ? 'B1-ROUTE' : rng.weighted({ 'B1-ROUTE': 55, ONDERWIJSROUTE: 12, 'Z-ROUTE': 18, ALFA: 15 });
    const learner = buildLearner(rng, i, cbs, productCode, usedBsn, today);
    if (i === 0) {
      // The learner@koers.test login: a Ukrainian learner in Enschede, active in the B1-route, good attendance.
      Object.assign(learner, { firstName: 'Ольга', lastName: 'Шевченко', female: true, country: 'Oekraïne', language: 'Oekraïens', profile: 'good', email: 'olga.shevchenko@example.nl' });
      learner.country = ORIGINS.find((o) => o.key === 'ukrainian-cyrillic')!.country;
    }
    learners.push(learner);
    const status = i === 0 ? 'active' : rng.weighted({ active: 63, suspended: 4, completed: 13, dropped_out: 12, planned: 8 });
    if (status === 'active' && productCode === 'Z-ROUTE' && rng.chance(0.15)) {
      // Route switch: an earlier Alfabetisering trajectory ended neutrally before the Z-route started.
      const prior = buildTrajectory(rng, learner, 'ALFA', 'dropped_out', today);
      trajectories.push(prior);
      const current = buildTrajectory(rng, learner, productCode, status, today);
      Object.assign(prior, { dropoutReason: 'route_switch', neverActive: false, dropoutNote: DROPOUT_NOTES.route_switch, startDate: addDays(current.startDate, -rng.int(120, 240)) });
      prior.endDate = prior.attendUntil = addDays(current.startDate, -1);
      prior.plannedEndDate = addDays(prior.startDate, 52 * 7);
      learner.intakeDate = addDays(prior.startDate, -20);
      trajectories.push(current);
    } else {
      trajectories.push(buildTrajectory(rng, learner, productCode, status, today));
    }
    if (i === 0) {
      const own = trajectories[trajectories.length - 1];
      Object.assign(own, { startDate: addDays(today, -200), plannedEndDate: addDays(today, -200 + 78 * 7), pipDate: addDays(today, -221) });
      learner.intakeDate = addDays(today, -230);
    }
  }
  // Poor attenders are over-represented among dropouts for absence.
  for (const t of trajectories) if (t.dropoutReason === 'motivation_absence') t.learner.profile = 'chronic';
  const enrolments: PlanEnrolment[] = [];
  const enschedeTeacherGroup = groups.find((g) => g.cbs === ENSCHEDE && g.productCode === 'B1-ROUTE')!;
  for (const t of trajectories) {
    if (t.status === 'planned' || t.neverActive) continue;
    const g = t.learner.number === learnerNumber(0) ? enschedeTeacherGroup : pickGroup(groups, t);
    const from = maxDay(t.startDate, g.startDate);
    const to = t.attendUntil;
    if (to && to < from) continue;
    if (!to) g.load++;
    enrolments.push({ id: rng.uuid(), trajectory: t, group: g, fromDate: from, toDate: to });
  }
  return { learners, trajectories, groups, lessons: buildLessons(rng, groups, today), enrolments };
}

/**
 * A few learners whose Wi2021 term (3 years from the day after the first PIP date) ends within the coming months,
 * or has just passed while the trajectory still runs: they started long after their PIP (waiting list, illness,
 * a move), so the coordinator's term worklist has work on it. Own generator: the rest of the plan stays as it is.
 */
export function planLongTerms(rng: Prng, plan: DemoPlan, today: string): void {
  const eligible = plan.trajectories.filter((t) => t.status === 'active' && t.legalRegime === 'wi2021' && t.pipDate
    && t.startDate <= addDays(today, -300) && t.learner.number !== learnerNumber(0)
    && !plan.trajectories.some((o) => o !== t && o.learner === t.learner));
  for (let n = Math.min(14, eligible.length); n > 0; n--) {
    const t = eligible.splice(rng.int(0, eligible.length - 1), 1)[0];
    t.pipDate = addDays(today, -3 * 365 + rng.int(-25, 170));
  }
}
