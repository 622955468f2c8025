import { DROPOUT_REASONS, isNeutralDropout, LANGUAGE_SKILLS } from '../../common/domain/vocabulary';
import { MAXIMUM_TARGETS, Z_ROUTE_LANGUAGE_NORM_HOURS, Z_ROUTE_PARTICIPATION_NORM_HOURS } from './spil-definitions';
import type {
  AttendanceRow,
  CompletenessRow,
  ExamRow,
  FlowRow,
  LevelGainRow,
  MonthlyRow,
  PortfolioRow,
  ReasonRow,
  SignalRow,
  TargetReachedRow,
  ZRouteRow,
} from './spil-report.repository';

/** One figure: the value, the contract target beside it, met / not met, and the counts behind a rate. */
export interface Indicator {
  value: number | null;
  target: number | null;
  /** null when there is no target or no value. */
  met: boolean | null;
  numerator: number | null;
  denominator: number | null;
}

export interface DropoutReasonIndicator extends Indicator {
  neutral: boolean;
}

export interface ZRouteIndicator extends Indicator {
  trajectories: number;
  languageHours: number;
  participationHours: number;
  languageNormHours: number;
  participationNormHours: number;
  languageNormMet: number;
  participationNormMet: number;
}

export interface SpilIndicators {
  in_scope: Indicator;
  started: Indicator;
  completed: Indicator;
  dropped_out: Indicator;
  dropped_out_neutral: Indicator;
  dropouts_by_reason: Record<string, DropoutReasonIndicator>;
  dropout_rate: Indicator;
  rendement: Indicator;
  registered_minutes: Indicator;
  attended_minutes: Indicator;
  attendance_rate: Indicator;
  attendance_rate_excl_authorised: Indicator;
  absent_authorised_hours: Indicator;
  absent_unauthorised_hours: Indicator;
  attended_hours_physical: Indicator;
  attended_hours_online: Indicator;
  registration_completeness: Indicator;
  target_reached_rate: Indicator;
  level_gain: Record<string, Indicator>;
  exam_pass_rate: Indicator;
  certificates_issued: Record<string, Record<string, Indicator>> & { total?: Indicator };
  signals_raised: Indicator & { byRule: Record<string, number> };
  portfolio_completeness: Indicator;
  z_route: ZRouteIndicator;
}

export interface MonthlyPoint {
  /** First day of the month within the period (clipped). */
  from: string;
  /** Last day of the month within the period (clipped). */
  to: string;
  attendance_rate: Indicator;
  attended_hours: number;
  registered_hours: number;
  started: number;
  completed: number;
  dropped_out: number;
}

/** All rows of one municipality (or the region total) from the repository's queries. */
export interface IndicatorRows {
  flows?: FlowRow;
  reasons: ReasonRow[];
  attendance?: AttendanceRow;
  completeness?: CompletenessRow;
  targetReached?: TargetReachedRow;
  levelGain: LevelGainRow[];
  exams?: ExamRow;
  signals?: SignalRow;
  portfolio?: PortfolioRow;
  zRoute?: ZRouteRow;
  certificates: { kind: string; level: string | null; n: number }[];
}

/** The comparison with a target: a maximum for dropout_rate, a minimum for every other indicator. */
export function isMet(name: string, value: number | null, target: number | null): boolean | null {
  if (value === null || target === null || target === undefined) return null;
  return MAXIMUM_TARGETS.has(name) ? value <= target : value >= target;
}

const count = (n: number | undefined): Indicator => ({ value: n ?? 0, target: null, met: null, numerator: null, denominator: null });
const hours = (minutes: number | undefined): Indicator => ({ value: (minutes ?? 0) / 60, target: null, met: null, numerator: minutes ?? 0, denominator: 60 });

/** A rate: null value when the denominator is 0 (never NaN or 0). */
export function rate(name: string, numerator: number, denominator: number, targets: Record<string, number> | null): Indicator {
  const value = denominator > 0 ? numerator / denominator : null;
  const target = targets && typeof targets[name] === 'number' ? targets[name] : null;
  return { value, target, met: isMet(name, value, target), numerator, denominator };
}

export function buildIndicators(r: IndicatorRows, targets: Record<string, number> | null): SpilIndicators {
  const f = r.flows;
  const inScope = f?.inScope ?? 0;
  const completed = f?.completed ?? 0;
  const droppedOut = f?.droppedOut ?? 0;
  const neutral = f?.droppedOutNeutral ?? 0;
  const nonNeutral = droppedOut - neutral;
  const a = r.attendance;
  const registered = a?.registeredMinutes ?? 0;
  const attended = a?.attendedMinutes ?? 0;
  const authorised = a?.authorisedMinutes ?? 0;

  const reasons: Record<string, DropoutReasonIndicator> = {};
  for (const reason of DROPOUT_REASONS) reasons[reason] = { ...count(0), neutral: isNeutralDropout(reason) };
  for (const row of r.reasons) reasons[row.reason] = { ...count(row.n), neutral: isNeutralDropout(row.reason) };

  const levelGain: Record<string, Indicator> = {};
  for (const skill of LANGUAGE_SKILLS) {
    const row = r.levelGain.find((g) => g.skill === skill);
    levelGain[skill] = rate('level_gain', row?.gainSum ?? 0, row?.n ?? 0, null);
  }

  const certificates: SpilIndicators['certificates_issued'] = {};
  let certificatesTotal = 0;
  for (const c of r.certificates) {
    const byLevel = (certificates[c.kind] ??= {});
    byLevel[c.level ?? 'all'] = count(c.n);
    certificatesTotal += c.n;
  }
  certificates.total = count(certificatesTotal);

  const z = r.zRoute;
  return {
    in_scope: count(inScope),
    started: count(f?.started),
    completed: count(completed),
    dropped_out: count(droppedOut),
    dropped_out_neutral: count(neutral),
    dropouts_by_reason: reasons,
    dropout_rate: rate('dropout_rate', nonNeutral, inScope, targets),
    rendement: rate('rendement', completed, completed + nonNeutral, targets),
    registered_minutes: count(registered),
    attended_minutes: count(attended),
    attendance_rate: rate('attendance_rate', attended, registered, targets),
    attendance_rate_excl_authorised: rate('attendance_rate_excl_authorised', attended, registered - authorised, targets),
    absent_authorised_hours: hours(authorised),
    absent_unauthorised_hours: hours(a?.unauthorisedMinutes),
    attended_hours_physical: hours(a?.physicalMinutes),
    attended_hours_online: hours(a?.onlineMinutes),
    registration_completeness: rate('registration_completeness', a?.registeredPairs ?? 0, r.completeness?.expected ?? 0, targets),
    target_reached_rate: rate('target_reached_rate', r.targetReached?.reached ?? 0, r.targetReached?.ended ?? 0, targets),
    level_gain: levelGain,
    exam_pass_rate: rate('exam_pass_rate', r.exams?.passed ?? 0, r.exams?.taken ?? 0, targets),
    certificates_issued: certificates,
    signals_raised: { ...count(r.signals?.raised), byRule: { R1: r.signals?.r1 ?? 0, R2: r.signals?.r2 ?? 0 } },
    portfolio_completeness: {
      ...rate('portfolio_completeness', r.portfolio?.completenessSum ?? 0, r.portfolio?.n ?? 0, targets),
    },
    z_route: {
      // value: the share of Z-route trajectories that reached both norms.
      ...rate('z_route', z?.bothMet ?? 0, z?.trajectories ?? 0, null),
      trajectories: z?.trajectories ?? 0,
      languageHours: (z?.languageMinutes ?? 0) / 60,
      participationHours: (z?.participationMinutes ?? 0) / 60,
      languageNormHours: Z_ROUTE_LANGUAGE_NORM_HOURS,
      participationNormHours: Z_ROUTE_PARTICIPATION_NORM_HOURS,
      languageNormMet: z?.languageMet ?? 0,
      participationNormMet: z?.participationMet ?? 0,
    },
  };
}

/** Calendar months of [from, to], the first and last clipped. */
export function monthsOf(from: string, to: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const start = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const end = `${start.slice(0, 8)}${String(last).padStart(2, '0')}`;
    if (start > to) break;
    out.push({ from: start < from ? from : start, to: end > to ? to : end });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function buildMonthly(from: string, to: string, rows: MonthlyRow[], attendance: AttendanceRow[], targets: Record<string, number> | null): MonthlyPoint[] {
  return monthsOf(from, to).map((month) => {
    const row = rows.find((r) => r.month === month.from);
    const a = attendance.find((r) => r.month === month.from);
    return {
      ...month,
      attendance_rate: rate('attendance_rate', a?.monthAttendedMinutes ?? 0, a?.monthRegisteredMinutes ?? 0, targets),
      attended_hours: (a?.monthAttendedMinutes ?? 0) / 60,
      registered_hours: (a?.monthRegisteredMinutes ?? 0) / 60,
      started: row?.started ?? 0,
      completed: row?.completed ?? 0,
      dropped_out: row?.droppedOut ?? 0,
    };
  });
}
