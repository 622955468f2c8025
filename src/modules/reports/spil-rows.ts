import { LANGUAGE_SKILLS } from '../../common/domain/vocabulary';
import { DROPOUT_REASON_LABELS, SKILL_LABELS, SPIL_DEFINITIONS, SpilUnit } from './spil-definitions';
import { Indicator, SpilIndicators } from './spil-indicators';

/** One line of a report table (spreadsheet, PDF): a flattened indicator with its Dutch label. */
export interface SpilRow {
  /** The JSON path, e.g. `dropout_rate`, `level_gain.reading`, `dropouts_by_reason.moved`. */
  code: string;
  label: string;
  unit: SpilUnit;
  indicator: Indicator;
  /** Indented under the row before (per reason, per skill, per kind). */
  detail?: boolean;
}

const CERTIFICATE_KIND_LABELS: Record<string, string> = { level: 'niveau', participation: 'deelname', completion: 'afronding' };

/** Every indicator in report order, the nested ones (per reason, skill, kind) as detail rows under their parent. */
export function spilRows(ind: SpilIndicators): SpilRow[] {
  const rows: SpilRow[] = [];
  for (const def of SPIL_DEFINITIONS) {
    const name = def.name as keyof SpilIndicators;
    if (name === 'dropouts_by_reason') {
      for (const [reason, v] of Object.entries(ind.dropouts_by_reason)) {
        const label = DROPOUT_REASON_LABELS[reason as keyof typeof DROPOUT_REASON_LABELS] ?? reason;
        rows.push({ code: `dropouts_by_reason.${reason}`, label: `Uitval: ${label}${v.neutral ? ' (neutraal)' : ''}`, unit: 'count', indicator: v, detail: true });
      }
    } else if (name === 'level_gain') {
      for (const skill of LANGUAGE_SKILLS) {
        rows.push({ code: `level_gain.${skill}`, label: `Niveauwinst ${SKILL_LABELS[skill].toLowerCase()}`, unit: 'levels', indicator: ind.level_gain[skill] });
      }
    } else if (name === 'certificates_issued') {
      const { total, ...kinds } = ind.certificates_issued;
      rows.push({ code: 'certificates_issued', label: def.label, unit: 'count', indicator: total as Indicator });
      for (const [kind, byLevel] of Object.entries(kinds)) {
        for (const [level, v] of Object.entries(byLevel as Record<string, Indicator>)) {
          const suffix = level === 'all' ? '' : ` ${level}`;
          rows.push({ code: `certificates_issued.${kind}.${level}`, label: `Certificaat ${CERTIFICATE_KIND_LABELS[kind] ?? kind}${suffix}`, unit: 'count', indicator: v, detail: true });
        }
      }
    } else if (name === 'z_route') {
      const z = ind.z_route;
      const plain = (value: number): Indicator => ({ value, target: null, met: null, numerator: null, denominator: null });
      rows.push({ code: 'z_route', label: 'Z-route: beide normen (800 + 800 uur) gehaald', unit: 'rate', indicator: z });
      rows.push({ code: 'z_route.trajectories', label: 'Z-route: trajecten', unit: 'count', indicator: plain(z.trajectories), detail: true });
      rows.push({ code: 'z_route.language_hours', label: 'Z-route: taaluren', unit: 'hours', indicator: plain(z.languageHours), detail: true });
      rows.push({ code: 'z_route.participation_hours', label: 'Z-route: participatie-uren', unit: 'hours', indicator: plain(z.participationHours), detail: true });
      rows.push({ code: 'z_route.language_norm_met', label: 'Z-route: taalnorm 800 uur gehaald', unit: 'count', indicator: plain(z.languageNormMet), detail: true });
      rows.push({ code: 'z_route.participation_norm_met', label: 'Z-route: participatienorm 800 uur gehaald', unit: 'count', indicator: plain(z.participationNormMet), detail: true });
    } else {
      rows.push({ code: def.name, label: def.label, unit: def.unit, indicator: ind[name] as Indicator });
    }
  }
  return rows;
}

/** Dutch display of a value: "–" for none, 71,5% for a rate, 14,50 for hours. */
export function formatValue(unit: SpilUnit, value: number | null): string {
  if (value === null || value === undefined) return '–';
  const nl = (n: number, digits: number) => n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (unit) {
    case 'rate':
      return `${nl(value * 100, 1)}%`;
    case 'hours':
      return nl(value, 2);
    case 'levels':
      return nl(value, 2);
    default:
      return nl(value, 0);
  }
}

export const metLabel = (met: boolean | null): string => (met === null ? '' : met ? 'gehaald' : 'niet gehaald');
