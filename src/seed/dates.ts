import { todayIn } from '../common/domain/calendar';

/**
 * Kept for scripts/seed-scale.ts; the seed modules use src/common/domain/calendar directly.
 * The demo data is laid out around today in Europe/Amsterdam, whatever REPORT_TIMEZONE says.
 */
export const todayInAmsterdam = (now: Date = new Date()): string => todayIn('Europe/Amsterdam', now);
