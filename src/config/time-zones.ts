/**
 * The college's time zone: its lesson times are wall-clock times there and the demo data is laid out around its
 * today. The only place in src/ that spells it; everything that reports by day reads REPORT_TIMEZONE (AppConfig).
 */
export const COLLEGE_TIME_ZONE = 'Europe/Amsterdam';

/** The values REPORT_TIMEZONE may take: the college's zone (default), or UTC. */
export const REPORT_TIME_ZONES = [COLLEGE_TIME_ZONE, 'UTC'] as const;
