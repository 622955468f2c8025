import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportsDataSource } from '../../database/reports-data-source';
import { SPIL_SQL, SpilQueryName } from './spil-report.sql';

/** The parameters of every SPIL query ($1..$5, see spil-sql-rules.ts). */
export interface SpilQueryParams {
  municipalityIds: string[];
  from: string;
  to: string;
  today: string;
  timeZone: string;
}

/** The positional values of every SPIL query. */
export const spilQueryValues = (p: SpilQueryParams): unknown[] => [p.municipalityIds, p.from, p.to, p.today, p.timeZone];

/** Rows carry `municipalityId`; null is the region total (GROUPING SETS: computed over all records, not averaged). */
export interface ByMunicipality {
  municipalityId: string | null;
}

export interface FlowRow extends ByMunicipality {
  inScope: number;
  started: number;
  completed: number;
  droppedOut: number;
  droppedOutNeutral: number;
}
export interface ReasonRow extends ByMunicipality {
  reason: string;
  n: number;
}
export interface AttendanceRow extends ByMunicipality {
  /** First day of the (clipped) month; null for the period's sums. */
  month: string | null;
  /** The month's sums over records whose trajectory is in scope for that month (the series). */
  monthRegisteredMinutes: number;
  monthAttendedMinutes: number;
  /** Records of lessons up to today while the trajectory ran: registration_completeness' numerator. */
  registeredPairs: number;
  registeredMinutes: number;
  attendedMinutes: number;
  authorisedMinutes: number;
  unauthorisedMinutes: number;
  physicalMinutes: number;
  onlineMinutes: number;
}
export interface CompletenessRow extends ByMunicipality {
  expected: number;
}
export interface TargetReachedRow extends ByMunicipality {
  ended: number;
  reached: number;
}
export interface LevelGainRow extends ByMunicipality {
  skill: string;
  n: number;
  gainSum: number;
}
export interface ExamRow extends ByMunicipality {
  taken: number;
  passed: number;
}
export interface SignalRow extends ByMunicipality {
  raised: number;
  r1: number;
  r2: number;
}
export interface PortfolioRow extends ByMunicipality {
  n: number;
  completenessSum: number;
}
export interface ZRouteRow extends ByMunicipality {
  trajectories: number;
  languageMinutes: number;
  participationMinutes: number;
  languageMet: number;
  participationMet: number;
  bothMet: number;
}
export interface MonthlyRow extends ByMunicipality {
  month: string;
  started: number;
  completed: number;
  droppedOut: number;
}
export interface CertificateCountRow extends ByMunicipality {
  kind: string;
  /** For `level` certificates the highest CEFR level stated on it; null for the other kinds. */
  level: string | null;
  n: number;
}
export interface ContractTargetsRow {
  municipalityId: string;
  contractId: string;
  reference: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  spilTargets: Record<string, number>;
}
export interface MunicipalityRow {
  id: string;
  name: string;
  cbsCode: string;
}


/**
 * The SPIL indicators (DOMAIN.md), each group computed by one named query in the database over the reports data
 * source (DATABASE_READ_URL); nothing loads attendance rows into Node. Every query answers one row per
 * municipality that has any, plus the region total (municipalityId null).
 */
@Injectable()
export class SpilReportRepository {
  constructor(@InjectReportsDataSource() private readonly db: DataSource) {}

  private run<T>(name: SpilQueryName, p: SpilQueryParams): Promise<T[]> {
    // The name travels as a comment so pg_stat_statements and slow-query logs say which indicator group it was.
    // Every query gets all five parameters; one that needs fewer mentions the rest as `$n IS NOT NULL` so
    // PostgreSQL knows their types.
    return this.db.query(`/* spil:${name} */ ${SPIL_SQL[name]}`, spilQueryValues(p));
  }

  municipalities(ids: string[] | null): Promise<MunicipalityRow[]> {
    return this.db.query(
      `SELECT m.id, m.name, m.cbs_code AS "cbsCode" FROM municipality m
        WHERE $1::uuid[] IS NULL OR m.id = ANY($1::uuid[]) ORDER BY m.name, m.id`,
      [ids],
    );
  }

  /** Targets: the municipality's contract valid on the period's last day (the latest starting one if several). */
  contractTargets(p: SpilQueryParams): Promise<ContractTargetsRow[]> {
    return this.run('contract_targets', p);
  }

  /** in_scope, started, completed, dropped_out, dropped_out_neutral. */
  flows(p: SpilQueryParams): Promise<FlowRow[]> {
    return this.run('flows', p);
  }

  /** dropouts_by_reason (a dropout without a recorded reason counts as `other`). */
  dropoutsByReason(p: SpilQueryParams): Promise<ReasonRow[]> {
    return this.run('dropouts_by_reason', p);
  }

  /** registered/attended minutes, absences by kind, attended minutes physical/online. */
  attendance(p: SpilQueryParams): Promise<AttendanceRow[]> {
    return this.run('attendance', p);
  }

  /**
   * registration_completeness: expected (lesson, learner) pairs are the non-cancelled lessons in the period up to
   * today of groups the trajectory was enrolled in on the lesson date (koers_enrolled_on), once it had started;
   * registered are those with a record.
   */
  registrationCompleteness(p: SpilQueryParams): Promise<CompletenessRow[]> {
    return this.run('registration_completeness', p);
  }

  /**
   * target_reached_rate: trajectories ended in the period with at least one target; reached when the level on the
   * end date meets every target (koers_skill_results_at: its level index, for a pass/fail target whether it passed).
   */
  targetReached(p: SpilQueryParams): Promise<TargetReachedRow[]> {
    return this.run('target_reached', p);
  }

  /** level_gain per language skill: Σ and count of index(level at min(to, end)) − index(intake). */
  levelGain(p: SpilQueryParams): Promise<LevelGainRow[]> {
    return this.run('level_gain', p);
  }

  /**
   * exam_pass_rate: exams dated in the period of in-scope trajectories (linked to the trajectory, or unlinked and
   * dated within it); an attempt without a result (passed null) is not taken.
   */
  exams(p: SpilQueryParams): Promise<ExamRow[]> {
    return this.run('exams', p);
  }

  /** signals_raised: signals whose triggering lesson date lies in the period. */
  signals(p: SpilQueryParams): Promise<SignalRow[]> {
    return this.run('signals', p);
  }

  /** portfolio_completeness: mean over in-scope trajectories whose product requires domains, items approved by `to`. */
  portfolio(p: SpilQueryParams): Promise<PortfolioRow[]> {
    return this.run('portfolio', p);
  }

  /**
   * Z-route: per in-scope Z-route trajectory its language hours (attended minutes of its lessons up to `to`) and
   * participation hours up to `to`, against 800 + 800 hours.
   */
  zRoute(p: SpilQueryParams): Promise<ZRouteRow[]> {
    return this.run('z_route', p);
  }

  /** The monthly series: the same definitions per calendar month, the first and last month clipped to the period. */
  monthly(p: SpilQueryParams): Promise<MonthlyRow[]> {
    return this.run('monthly', p);
  }

  /** certificates_issued: certificates of the municipality's trajectories issued in the period (a later revocation does not undo that). */
  certificatesIssued(p: SpilQueryParams): Promise<CertificateCountRow[]> {
    return this.run('certificates_issued', p);
  }
}
