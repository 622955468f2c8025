import { DROPOUT_REASONS, LANGUAGE_SKILLS } from '../../common/domain/vocabulary';
import { COLLEGE_TIME_ZONE } from '../../config/time-zones';

/** How an indicator's value reads: a rate 0..1, a count, hours, minutes, or a mean level step. */
export type SpilUnit = 'rate' | 'count' | 'hours' | 'minutes' | 'levels';

export interface SpilDefinition {
  name: string;
  /** Dutch label, as on screen and in the documents. */
  label: string;
  unit: SpilUnit;
  /** Dutch definition (DOMAIN.md "SPIL indicators"), printed with every report. */
  definition: string;
}

/** Indicators whose contract target is a maximum (met at or below it); every other target is a minimum. */
export const MAXIMUM_TARGETS: ReadonlySet<string> = new Set(['dropout_rate']);

/** In report order. The names are DOMAIN.md's and the JSON keys. */
export const SPIL_DEFINITIONS: readonly SpilDefinition[] = [
  { name: 'in_scope', label: 'Trajecten in de periode', unit: 'count', definition: 'Trajecten van de gemeente met een status anders dan gepland, gestart op of vóór het einde van de periode en niet beëindigd vóór het begin ervan.' },
  { name: 'started', label: 'Gestart', unit: 'count', definition: 'Trajecten in de periode met een startdatum in de periode.' },
  { name: 'completed', label: 'Afgerond', unit: 'count', definition: 'Trajecten die in de periode zijn beëindigd met de status afgerond.' },
  { name: 'dropped_out', label: 'Uitgevallen', unit: 'count', definition: 'Trajecten die in de periode zijn beëindigd met de status uitgevallen (neutraal en niet-neutraal).' },
  { name: 'dropped_out_neutral', label: 'Neutrale uitstroom', unit: 'count', definition: 'Uitgevallen trajecten met een neutrale reden (verhuisd, vrijstelling, routewissel, beëindigd door de gemeente, overleden); apart geteld en buiten het rendement.' },
  { name: 'dropouts_by_reason', label: 'Uitval per reden', unit: 'count', definition: 'Uitgevallen trajecten in de periode per reden van uitval.' },
  { name: 'dropout_rate', label: 'Uitvalpercentage', unit: 'rate', definition: 'Niet-neutraal uitgevallen trajecten ÷ trajecten in de periode. De norm is een maximum.' },
  { name: 'rendement', label: 'Rendement', unit: 'rate', definition: 'Afgerond ÷ (afgerond + niet-neutraal uitgevallen).' },
  { name: 'registered_minutes', label: 'Geregistreerde lesminuten', unit: 'minutes', definition: 'Som van de lesminuten van de presentieregistraties van trajecten in de periode, voor lessen in de periode.' },
  { name: 'attended_minutes', label: 'Aanwezige minuten', unit: 'minutes', definition: 'Som van de aanwezige minuten: aanwezig = lesminuten, te laat = lesminuten − minuten te laat, afwezig = 0.' },
  { name: 'attendance_rate', label: 'Aanwezigheid', unit: 'rate', definition: 'Aanwezige minuten ÷ geregistreerde lesminuten.' },
  { name: 'attendance_rate_excl_authorised', label: 'Aanwezigheid zonder geoorloofd verzuim', unit: 'rate', definition: 'Aanwezige minuten ÷ (geregistreerde lesminuten − lesminuten geoorloofd afwezig).' },
  { name: 'absent_authorised_hours', label: 'Geoorloofd afwezig (uren)', unit: 'hours', definition: 'Som van de lesminuten met status geoorloofd afwezig ÷ 60. Vooraf gemelde afwezigheid telt pas vanaf de lesdatum.' },
  { name: 'absent_unauthorised_hours', label: 'Ongeoorloofd afwezig (uren)', unit: 'hours', definition: 'Som van de lesminuten met status ongeoorloofd afwezig ÷ 60.' },
  { name: 'attended_hours_physical', label: 'Aanwezige uren fysiek', unit: 'hours', definition: 'Aanwezige minuten in fysieke lessen ÷ 60.' },
  { name: 'attended_hours_online', label: 'Aanwezige uren online', unit: 'hours', definition: 'Aanwezige minuten in online lessen ÷ 60.' },
  { name: 'registration_completeness', label: 'Volledigheid presentielijsten', unit: 'rate', definition: 'Geregistreerde (les, deelnemer)-paren ÷ verwachte paren: niet-vervallen lessen in de periode tot en met vandaag, van groepen waarin het traject op de lesdatum was ingeschreven, terwijl het traject was gestart en nog niet beëindigd.' },
  { name: 'target_reached_rate', label: 'Streefniveau behaald', unit: 'rate', definition: 'Van de in de periode beëindigde trajecten met ten minste één streefniveau: het deel waarvan het niveau op de einddatum in elke vaardigheid met een streefniveau ≥ dat streefniveau is (geslaagd/gezakt: geslaagd op of vóór de einddatum). Een niet-behaalde toets verhoogt nooit een niveau.' },
  { name: 'level_gain', label: 'Niveauwinst per vaardigheid', unit: 'levels', definition: 'Per vaardigheid het gemiddelde over trajecten in de periode met een instroomniveau in die vaardigheid van index(niveau op min(einde periode, einddatum)) − index(instroomniveau), op de schaal A0 = 0 … C2 = 6.' },
  { name: 'exam_pass_rate', label: 'Slagingspercentage examens', unit: 'rate', definition: 'Examens in de periode: geslaagd ÷ afgelegd. Een examen zonder resultaat ("Geen") telt niet als afgelegd.' },
  { name: 'certificates_issued', label: 'Uitgereikte certificaten', unit: 'count', definition: 'Certificaten uitgereikt in de periode, per soort en niveau.' },
  { name: 'signals_raised', label: 'Verzuimsignalen', unit: 'count', definition: 'Verzuimsignalen waarvan de lesdatum die het signaal veroorzaakte in de periode ligt.' },
  { name: 'portfolio_completeness', label: 'Volledigheid portfolio', unit: 'rate', definition: 'Gemiddelde over trajecten in de periode waarvan het product domeinen vereist: goedgekeurde verschillende vereiste domeinen ÷ vereiste domeinen, met onderdelen goedgekeurd op of vóór het einde van de periode.' },
  { name: 'z_route', label: 'Z-route: taal- en participatie-uren', unit: 'rate', definition: 'Z-route-trajecten in de periode: gevolgde taaluren en participatie-uren tot en met het einde van de periode tegen de norm van 800 + 800 uur; het deel van de trajecten dat beide normen haalt.' },
];

/** Extra rows of the documents and the dashboard that are not indicators of their own. */
export const SPIL_GENERAL_NOTES: readonly string[] = [
  `Periode: begin- en einddatum tellen mee; datums en "vandaag" in de tijdzone ${COLLEGE_TIME_ZONE}.`,
  'Normen komen uit het contract van de gemeente dat geldig is op de laatste dag van de periode; zonder geldig contract geen normen.',
  'Een norm voor het uitvalpercentage is een maximum (gehaald bij een waarde op of onder de norm); elke andere norm is een minimum.',
  'Een percentage waarvan de noemer 0 is heeft geen waarde ("–") en is gehaald noch niet gehaald.',
  'Het regiototaal is berekend over alle trajecten van de regio samen, niet als gemiddelde van de gemeenten.',
  'Maandreeksen volgen dezelfde definities per kalendermaand; de eerste en laatste maand zijn afgekapt op de periode.',
];

export const DROPOUT_REASON_LABELS: Record<(typeof DROPOUT_REASONS)[number], string> = {
  moved: 'Verhuisd',
  exemption: 'Vrijstelling',
  route_switch: 'Routewissel',
  ended_by_municipality: 'Beëindigd door de gemeente',
  deceased: 'Overleden',
  health_pregnancy: 'Gezondheid / zwangerschap',
  care_duties: 'Zorgtaken',
  work_conflict: 'Werk (conflict met rooster)',
  motivation_absence: 'Motivatie / verzuim',
  no_show: 'Niet verschenen',
  level_mismatch: 'Niveau past niet',
  other: 'Overig',
};

export const SKILL_LABELS: Record<(typeof LANGUAGE_SKILLS)[number], string> = {
  reading: 'Lezen',
  listening: 'Luisteren',
  writing: 'Schrijven',
  speaking: 'Spreken',
};

export const Z_ROUTE_LANGUAGE_NORM_HOURS = 800;
export const Z_ROUTE_PARTICIPATION_NORM_HOURS = 800;

export const definitionOf = (name: string): SpilDefinition | undefined => SPIL_DEFINITIONS.find((d) => d.name === name);
