// @ts-check
/* Dutch words of groups, lessons and enrolments, and the groups API's messages in Dutch (problems.js uses these). */
import { fmtDate, nl } from './format.js';

/** ISO weekday 1..7 → Dutch day. */
export const WEEKDAY_NL = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
/** @type {Record<string, string>} */
export const MODE_NL = { physical: 'fysiek', online: 'online' };

/** Field names of the groups API. @type {Record<string, string>} */
export const GROUP_FIELD_NL = {
  code: 'Groepscode', name: 'Naam', location: 'Locatie', municipalityId: 'Gemeente', productId: 'Product', capacity: 'Aantal plaatsen',
  startDate: 'Startdatum', endDate: 'Einddatum', teacherIds: 'Docenten', schedule: 'Rooster', weekday: 'Dag', startTime: 'Begintijd',
  minutes: 'Duur in minuten', mode: 'Vorm', trajectoryId: 'Traject', fromDate: 'Ingeschreven vanaf', toDate: 'Laatste dag',
};

/** The groups API's field messages (English) in Dutch. @type {[RegExp, (m: RegExpMatchArray) => string][]} */
export const GROUP_MESSAGE_NL = [
  [/^is before the group's start date (\S+)$/, (m) => `ligt vóór de startdatum van de groep (${fmtDate(m[1])})`],
  [/^is after the group's end date (\S+)$/, (m) => `ligt na de einddatum van de groep (${fmtDate(m[1])})`],
  [/^is before the trajectory's start date (\S+)$/, (m) => `ligt vóór de startdatum van het traject (${fmtDate(m[1])})`],
  [/^trajectory is (\w+); only planned, active or suspended/, (m) => `het traject is ‘${nl(m[1])}’; alleen een gepland, actief of onderbroken traject kan worden ingeschreven`],
  [/^overlaps an existing enrolment/, () => 'dit traject is in (een deel van) deze periode al in deze groep ingeschreven'],
  [/^must be on or after fromDate(?: (\S+))?$/, (m) => (m[1] ? `moet op of na de eerste dag (${fmtDate(m[1])}) liggen` : 'moet op of na de eerste dag liggen')],
  [/^(?:endDate )?must be on or after startDate$/, () => 'de einddatum moet op of na de startdatum liggen'],
  [/^repeats weekday (\d) at (\S+)$/, (m) => `${WEEKDAY_NL[Number(m[1])] || m[1]} om ${m[2]} staat al in het rooster`],
  [/^must be a time HH:MM/, () => 'vul een tijd in als uu:mm (00:00–23:59)'],
  [/^may contain letters, digits, dot, dash, underscore and slash$/, () => 'mag alleen letters, cijfers, punt, streepje, laag streepje en schuine streep bevatten, en begint met een letter of cijfer'],
  [/not an active user with role teacher/, () => 'is geen actieve docent'],
  [/^must be between (\S+) and (\S+)$/, (m) => `moet tussen ${fmtDate(m[1])} en ${fmtDate(m[2])} liggen`],
  [/^the range may span at most (\d+) days$/, (m) => `de periode mag hoogstens ${m[1]} dagen lang zijn`],
  [/^has attendance recorded at (\d+) lessons after this date \(the last on (\S+)\)$/, (m) => `na deze datum is er nog aanwezigheid vastgelegd bij ${m[1] === '1' ? '1 les' : `${m[1]} lessen`} (de laatste op ${fmtDate(m[2])})`],
  [/^does not exist$/, () => 'bestaat niet (meer)'],
  [/must not be empty or only spaces/, () => 'vul dit veld in'],
];

/** The groups API's problem codes in Dutch. @type {Record<string, string>} */
export const GROUP_CODE_NL = {
  group_full: 'De groep is vol: op ten minste één dag van deze periode zijn alle plaatsen bezet. Kies een latere eerste dag, beëindig eerst een andere inschrijving of kies een andere groep.',
  enrolment_overlap: 'Dit traject is in (een deel van) deze periode al in deze groep ingeschreven.',
  trajectory_not_enrollable: 'Alleen een gepland, actief of onderbroken traject kan in een groep worden ingeschreven.',
  capacity_below_enrolments: 'Zo weinig plaatsen kan niet: op een dag van de periode zijn er meer deelnemers ingeschreven. Beëindig eerst inschrijvingen of kies een hoger aantal.',
  enrolment_has_attendance: 'De inschrijving kan niet eindigen vóór lessen waarbij de aanwezigheid van deze deelnemer al is vastgelegd. Kies een latere laatste dag, of laat de docent die presentielijsten eerst aanpassen.',
  lesson_already_cancelled: 'Deze les is al vervallen.',
  lesson_has_register: 'Voor deze les is al een presentielijst ingevuld; een les met een presentielijst kan niet vervallen.',
  lesson_not_cancelled: 'Deze les is niet vervallen.',
};
