import { addDays } from '../../../common/domain/calendar';
import { DuoHoursRow } from './duo-hours.repository';

/** One entry of DUO's Gevolgde Uren interface, in its own names. */
export interface DuoHoursEntry {
  bsn: string;
  gemeentecode: string;
  bekendTot: string | null;
  ParticipatieAlsTaalles: { uren: number };
  ParticipatieactiviteitenBredeIntake?: { uren: number };
}

/**
 * Whole hours: the minutes summed over the learner's trajectories (route switches included), then ÷ 60 rounded down;
 * bekendTot the day after the last lesson or participation entry counted (null when nothing was counted).
 */
export function duoHoursEntry(row: DuoHoursRow, bsn: string): DuoHoursEntry {
  const last = [row.lastLesson, row.zRoute ? row.lastEntry : null].filter((d): d is string => !!d).sort().pop() ?? null;
  const entry: DuoHoursEntry = {
    bsn,
    gemeentecode: row.cbsCode.replace(/^GM/, ''),
    bekendTot: last ? addDays(last, 1) : null,
    ParticipatieAlsTaalles: { uren: Math.floor(row.attendedMinutes / 60) },
  };
  if (row.zRoute) entry.ParticipatieactiviteitenBredeIntake = { uren: Math.floor(row.participationMinutes / 60) };
  return entry;
}
