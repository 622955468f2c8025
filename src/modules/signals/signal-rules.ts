import { daysBetween } from '../../common/domain/calendar';
import { AttendanceStatus, SignalRule } from '../../common/domain/vocabulary';

/**
 * Test oracle only: the absence rules as pure functions, the TypeScript twin of
 * src/modules/signals/sql/koers_evaluate_absence_signals.sql (which evaluates them set-based);
 * test/signals-runs.e2e-spec.ts compares the two on random histories, the unit specs pin them down.
 *
 * - R1: N consecutive registered lessons (by date, then start time) are all absent_unauthorised, anywhere in
 *   the records (a back-filled older register counts too); fires on the first such run, at its N-th lesson.
 *   Any other status, authorised absence included, breaks the run.
 * - R2: within some window of W calendar days (end date inclusive, so [d − W + 1, d]),
 *   the lesson minutes of absent_unauthorised records reach M. Authorised absence never counts.
 * - Only records dated after the previous signal of the same rule count (`since`), so a
 *   closed signal is not raised again by the same absences; fresh ones raise a new one.
 */
export interface RuleRecord {
  lessonId: string;
  lessonDate: string;
  startTime?: string;
  status: AttendanceStatus;
  lessonMinutes: number;
}

export interface SignalThresholds {
  r1ConsecutiveLessons: number;
  r2WindowDays: number;
  r2UnauthorisedMinutes: number;
}

export const DEFAULT_THRESHOLDS: SignalThresholds = { r1ConsecutiveLessons: 3, r2WindowDays: 28, r2UnauthorisedMinutes: 960 };

export interface RuleHit {
  rule: SignalRule;
  /** Date of the lesson that made the rule fire. */
  triggeredOn: string;
  details: Record<string, unknown>;
}

const chronological = (a: RuleRecord, b: RuleRecord): number =>
  a.lessonDate.localeCompare(b.lessonDate) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.lessonId.localeCompare(b.lessonId);

const after = (records: RuleRecord[], since?: string | null, asOf?: string | null): RuleRecord[] =>
  records.filter((r) => (!since || r.lessonDate > since) && (!asOf || r.lessonDate <= asOf)).sort(chronological);

export function evaluateR1(records: RuleRecord[], n: number, since?: string | null, asOf?: string | null): RuleHit | null {
  if (n < 1) return null;
  let run: RuleRecord[] = [];
  for (const r of after(records, since, asOf)) {
    run = r.status === 'absent_unauthorised' ? [...run, r] : [];
    if (run.length === n) {
      return { rule: 'R1', triggeredOn: r.lessonDate, details: { consecutiveLessons: n, lessonIds: run.map((x) => x.lessonId) } };
    }
  }
  return null;
}

/** Fires at the first date on which some window ending there reaches the threshold. */
export function evaluateR2(
  records: RuleRecord[],
  windowDays: number,
  thresholdMinutes: number,
  since?: string | null,
  asOf?: string | null,
): RuleHit | null {
  const unauthorised = after(records, since, asOf).filter((r) => r.status === 'absent_unauthorised');
  for (const end of unauthorised) {
    const minutes = unauthorised
      .filter((r) => {
        const daysBefore = daysBetween(r.lessonDate, end.lessonDate);
        return daysBefore >= 0 && daysBefore < windowDays;
      })
      .reduce((sum, r) => sum + r.lessonMinutes, 0);
    if (minutes >= thresholdMinutes) {
      return {
        rule: 'R2',
        triggeredOn: end.lessonDate,
        details: { windowDays, thresholdMinutes, unauthorisedMinutes: minutes },
      };
    }
  }
  return null;
}

export function evaluateRules(
  records: RuleRecord[],
  t: SignalThresholds = DEFAULT_THRESHOLDS,
  since: Partial<Record<SignalRule, string | null>> = {},
  asOf?: string | null,
): RuleHit[] {
  return [
    evaluateR1(records, t.r1ConsecutiveLessons, since.R1, asOf),
    evaluateR2(records, t.r2WindowDays, t.r2UnauthorisedMinutes, since.R2, asOf),
  ].filter((h): h is RuleHit => h !== null);
}
