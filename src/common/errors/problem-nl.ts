import { dutchDate } from '../../modules/certificates/pdf/dutch-format';
import { FieldError } from './domain.exception';

/**
 * Dutch problem+json for the pages (and any client asking `Accept-Language: nl`): the field messages of
 * class-validator and of the services are English in code; this turns the ones users meet into Dutch.
 */

/** True when the client's most preferred language (by q) is Dutch. */
export function prefersDutch(acceptLanguage: string | string[] | undefined): boolean {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return false;
  let best = { tag: '', q: -1 };
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (tag && Number.isFinite(q) && q > best.q) best = { tag, q };
  }
  return best.q > 0 && (best.tag === 'nl' || best.tag.startsWith('nl-'));
}

const STATUS_NL: Record<string, string> = {
  planned: 'gepland', active: 'actief', suspended: 'onderbroken', completed: 'afgerond', dropped_out: 'uitgevallen',
  registered: 'geregistreerd', in_progress: 'in behandeling', closed: 'gesloten', withdrawn: 'ingetrokken',
};

const MESSAGE_NL: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required and must be > 0 for status late$/, () => 'vul bij ‘te laat’ het aantal minuten in (meer dan 0)'],
  [/^is only allowed for status late$/, () => 'minuten te laat horen alleen bij ‘te laat’'],
  [/^is required for absent_authorised$/, () => 'vul bij ‘geoorloofd afwezig’ een reden in'],
  [/^is only allowed for an absence$/, () => 'een reden hoort alleen bij afwezigheid'],
  [/^cannot exceed the lesson's (\d+) minutes$/, (m) => `mag niet meer zijn dan de ${m[1]} minuten van de les`],
  [/^is not enrolled in group (\S+) on (\d{4}-\d{2}-\d{2})$/, (m) => `is niet ingeschreven in groep ${m[1]} op ${dutchDate(m[2])}`],
  [/^appears twice/, () => 'staat twee keer op de lijst'],
  [/^cannot be in the future/, () => 'mag niet in de toekomst liggen'],
  [/^must be on or after the start date \((\d{4}-\d{2}-\d{2})\)$/, (m) => `moet op of na de startdatum (${dutchDate(m[1])}) liggen`],
  [/^must be on or after the start of participation \((\d{4}-\d{2}-\d{2})\)$/, (m) => `moet op of na het begin van de deelname (${dutchDate(m[1])}) liggen`],
  [/^must be on or before the end of the referral \((\d{4}-\d{2}-\d{2})\)$/, (m) => `moet op of vóór het einde van de koppeling (${dutchDate(m[1])}) liggen`],
  [/^is required when reason is other$/, () => 'vul een toelichting in bij ‘anders’'],
  [/must be an email/, () => 'vul een geldig e-mailadres in'],
  [/must not be empty|should not be empty|must be longer than or equal to 1 characters|must be a string/, () => 'vul dit veld in'],
  [/must not contain control characters/, () => 'bevat tekens die hier niet zijn toegestaan'],
  [/must be an ISO 8601 date|pick a real day|must be a date YYYY-MM-DD|must be a calendar date/, () => 'vul een bestaande datum in'],
  [/^must be on or before|^must not be after/, () => 'ligt te laat'],
  [/^must not be in the future/, () => 'mag niet in de toekomst liggen'],
  [/^must not be before/, () => 'ligt te vroeg'],
  [/must be a whole number from 0 to (\d+)/, (m) => `vul een heel getal van 0 tot en met ${m[1]} in`],
  [/learnerNumber must be 1-20 letters/, () => 'gebruik 1 tot 20 letters, cijfers of streepjes'],
  [/^is not a skill/, () => 'is geen vaardigheid'],
  [/^is not a known municipality|must be the id \(uuid\) of a municipality/, () => 'is geen bekende gemeente'],
  [/^belongs to another municipality/, () => 'hoort bij een andere gemeente'],
  [/^is not a trajectory of this learner/, () => 'is geen traject van deze deelnemer'],
  [/^already has an unfinished trajectory/, () => 'heeft al een traject dat nog niet is afgesloten'],
  [/^falls outside the contract period/, () => 'valt buiten de looptijd van het contract'],
  [/^is no longer offered/, () => 'wordt niet meer aangeboden'],
  [/^is empty$|must be an object/, () => 'vul dit onderdeel in'],
  [/must be a Dutch postcode/, () => 'vul een postcode in zoals 7511 AB'],
  [/must be digits, spaces/, () => 'gebruik alleen cijfers, spaties, ( ) - en eventueel een + vooraan'],
  [/must be a CEFR level|must be one of A0/, () => 'kies een niveau (A0 t/m C2)'],
  [/^already has a login$/, () => 'heeft al een inlog'],
  [/must be a boolean/, () => 'kies ja of nee'],
  [/must be longer than or equal to (\d+) characters/, (m) => `moet minstens ${m[1]} tekens lang zijn`],
  [/is not a valid BSN|11-test|elfproef/i, () => 'is geen geldig BSN (de elfproef klopt niet)'],
  [/already exists|already in use|is taken/, () => 'bestaat al'],
  [/^cannot be before the signal was triggered \((\d{4}-\d{2}-\d{2})\)$/, (m) => `mag niet vóór de datum van het signaal (${dutchDate(m[1])}) liggen`],
  [/^cannot be before/, () => 'ligt te vroeg'],
  [/^must be on or after from$/, () => 'moet op of na de begindatum liggen'],
  [/^is not the current version$/, () => 'is intussen door iemand anders gewijzigd'],
  [/^is (registered|in_progress|closed|withdrawn)$/, (m) => `status is al ‘${STATUS_NL[m[1]]}’`],
  [/^is (planned|active|suspended|completed|dropped_out)$/, (m) => `het traject is nu ‘${STATUS_NL[m[1]]}’`],
  [/must be a Date instance|must be a valid ISO 8601 date string/, () => 'vul een geldige datum in'],
  [/must be shorter than or equal to (\d+) characters/, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/must not be less than (\d+)/, (m) => `moet minstens ${m[1]} zijn`],
  [/must not be greater than (\d+)/, (m) => `mag hoogstens ${m[1]} zijn`],
  [/must be an integer number|must be a number/, () => 'vul een heel getal in'],
  [/must be one of the following values/, () => 'kies een van de mogelijke waarden'],
  [/^must be a UUID$/, () => UUID_MESSAGE_NL],
  [/should not exist/, () => 'dit veld hoort niet in het verzoek'],
  [/must be a JSON object/, () => 'moet een JSON-object zijn'],
  [/cannot sort by/, () => 'op deze kolom kan niet gesorteerd worden'],
  // Users: a role's own link, and no admin locking itself out.
  [/^is required for role municipality$/, () => 'kies een gemeente: die hoort bij de rol gemeente'],
  [/^is only allowed for role municipality$/, () => 'alleen een gebruiker met de rol gemeente heeft een gemeente'],
  [/^is required for role learner$/, () => 'kies de deelnemer: een deelnemer-inlog hoort bij een deelnemer'],
  [/^is only allowed for role learner$/, () => 'alleen een gebruiker met de rol deelnemer hoort bij een deelnemer'],
  [/^cannot be changed for your own account$/, () => 'kunt u voor uw eigen account niet wijzigen; vraag een andere applicatiebeheerder'],
  [/^would leave no active admin$/, () => 'dan is er geen actieve applicatiebeheerder meer; maak eerst iemand anders applicatiebeheerder'],
  [/may not be null|^is required/, () => 'vul dit veld in'],
  [/^is only allowed for/, () => 'hoort hier niet bij'],
];

/** A malformed id (in the address or the body): the pages show "niet gevonden" for one in the address. */
export const UUID_MESSAGE_NL = 'is geen geldige verwijzing';

/**
 * One field message in Dutch. One not in the list stays as it is: a feature's own messages may be put into Dutch
 * on its pages (e.g. templates/web/js/group-labels.js), which match the English.
 */
export function fieldMessageNl(message: string): string {
  const text = String(message ?? '').trim();
  for (const [re, fn] of MESSAGE_NL) {
    const m = text.match(re);
    if (m) return fn(m);
  }
  return text;
}

export const STATUS_TITLES_NL: Record<number, string> = {
  400: 'Ongeldig verzoek',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  406: 'Niet aanvaardbaar',
  409: 'Conflict',
  410: 'Niet meer beschikbaar',
  413: 'Te groot',
  414: 'Adres te lang',
  415: 'Bestandstype niet toegestaan',
  422: 'Niet toegestaan',
  429: 'Te veel pogingen',
  500: 'Interne fout',
  503: 'Tijdelijk niet beschikbaar',
};

/** What the problem body says in Dutch: title, field messages and (when there is one) the detail. */
export function toDutch(body: { status: number; code: string; title: string; detail?: string; errors?: FieldError[] }, detailNl?: string): void {
  body.title = STATUS_TITLES_NL[body.status] ?? body.title;
  if (body.errors) body.errors = body.errors.map((e) => ({ field: e.field, message: fieldMessageNl(e.message) }));
  if (detailNl) body.detail = detailNl;
  else if (body.code === 'validation_failed' && body.errors?.length) {
    body.detail = `Niet alle velden zijn goed ingevuld: ${body.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`;
  } else if (body.status === 404) body.detail = 'Dit gegeven bestaat niet (meer), of u heeft er geen toegang toe.';
  else if (body.status === 403) body.detail = 'Uw rol mag dit niet.';
}
