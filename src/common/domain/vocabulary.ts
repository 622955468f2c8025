/** The fixed vocabulary of DOMAIN.md, in one place. */
export const ROLES = ['admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner'] as const;
export type Role = (typeof ROLES)[number];

export const CEFR_LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
export const cefrIndex = (level: CefrLevel): number => CEFR_LEVELS.indexOf(level);

export const LANGUAGE_SKILLS = ['reading', 'listening', 'writing', 'speaking'] as const;
export type LanguageSkill = (typeof LANGUAGE_SKILLS)[number];
export const PASS_FAIL_SKILLS = ['knm', 'map', 'ona'] as const;
export type PassFailSkill = (typeof PASS_FAIL_SKILLS)[number];
export const SKILLS = [...LANGUAGE_SKILLS, ...PASS_FAIL_SKILLS] as const;
export type Skill = (typeof SKILLS)[number];
export const PASS = 'pass';
export type TargetValue = CefrLevel | typeof PASS;

export const COMPETENCE_DOMAINS = [
  'work',
  'parenting',
  'health_care',
  'education',
  'knowledge_of_society',
  'citizenship',
  'housing',
  'neighbourhood',
] as const;
export type CompetenceDomain = (typeof COMPETENCE_DOMAINS)[number];

export const NEUTRAL_DROPOUT_REASONS = ['moved', 'exemption', 'route_switch', 'ended_by_municipality', 'deceased'] as const;
export const OTHER_DROPOUT_REASONS = [
  'health_pregnancy',
  'care_duties',
  'work_conflict',
  'motivation_absence',
  'no_show',
  'level_mismatch',
  'other',
] as const;
export const DROPOUT_REASONS = [...NEUTRAL_DROPOUT_REASONS, ...OTHER_DROPOUT_REASONS] as const;
export type DropoutReason = (typeof DROPOUT_REASONS)[number];
export const isNeutralDropout = (r: string): boolean => (NEUTRAL_DROPOUT_REASONS as readonly string[]).includes(r);

export const LEGAL_REGIMES = ['wi2021', 'wi2013'] as const;
export type LegalRegime = (typeof LEGAL_REGIMES)[number];

export const TRAJECTORY_STATUSES = ['planned', 'active', 'suspended', 'completed', 'dropped_out'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];
export const UNFINISHED_TRAJECTORY_STATUSES: TrajectoryStatus[] = ['planned', 'active', 'suspended'];

export const LESSON_MODES = ['physical', 'online'] as const;
export type LessonMode = (typeof LESSON_MODES)[number];

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent_authorised', 'absent_unauthorised'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const SIGNAL_RULES = ['R1', 'R2'] as const;
export type SignalRule = (typeof SIGNAL_RULES)[number];
export const SIGNAL_STATUSES = ['registered', 'in_progress', 'closed', 'withdrawn'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const PORTFOLIO_STATUSES = ['draft', 'submitted', 'approved', 'needs_revision'] as const;
export type PortfolioStatus = (typeof PORTFOLIO_STATUSES)[number];

export const BILLING_BASES = ['per_trajectory', 'per_attended_hour'] as const;
export type BillingBasis = (typeof BILLING_BASES)[number];
export const MILESTONE_KINDS = ['start', 'halfway', 'completion'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const DROPOUT_RULES = ['pro_rata_hours', 'none'] as const;
export type DropoutRule = (typeof DROPOUT_RULES)[number];

/** SQL for a CHECK constraint: `col IN ('a','b')`. */
export const sqlIn = (column: string, values: readonly string[]): string =>
  `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;
