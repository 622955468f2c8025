import { todayIn } from '../common/domain/calendar';
import { COLLEGE_TIME_ZONE } from '../config/time-zones';

/**
 * Kept for scripts/seed-scale.ts; the seed modules use src/common/domain/calendar directly.
 * The demo data is laid out around today in the college's time zone, whatever REPORT_TIMEZONE says.
 */
export const todayInAmsterdam = (now: Date = new Date()): string => todayIn(COLLEGE_TIME_ZONE, now);
