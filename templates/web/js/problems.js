// @ts-check
/* application/problem+json → Dutch: a summary for the whole request and a message per field. */
import { FIELD_NL } from './labels.js';
import { fmtDate, nl } from './format.js';
import { GROUP_CODE_NL, GROUP_FIELD_NL, GROUP_MESSAGE_NL } from './group-labels.js';
import { html } from './html.js';

// The API's validation messages are English; these are the ones users actually meet.
/** @type {[RegExp, (m: RegExpMatchArray) => string][]} */
const MESSAGE_NL = [
  [/^is required and must be > 0 for status late$/, () => 'vul bij ‘te laat’ het aantal minuten in (meer dan 0)'],
  [/^is only allowed for status late$/, () => 'minuten te laat horen alleen bij ‘te laat’'],
  [/^is required for absent_authorised$/, () => 'vul bij ‘geoorloofd afwezig’ een reden in'],
  [/^is only allowed for an absence$/, () => 'een reden hoort alleen bij afwezigheid'],
  [/^cannot exceed the lesson's (\d+) minutes$/, (m) => `mag niet meer zijn dan de ${m[1]} minuten van de les`],
  [/^is not enrolled in group (\S+) on (\S+)$/, (m) => `is niet ingeschreven in groep ${m[1]} op ${fmtDate(m[2])}`],
  [/^appears twice/, () => 'staat twee keer op de lijst'],
  [/^cannot be in the future/, () => 'mag niet in de toekomst liggen'],
  [/^must not be in the future/, () => 'mag niet in de toekomst liggen'],
  [/^must be on or after the start of participation \((\S+)\)$/, (m) => `moet op of na het begin van de deelname (${fmtDate(m[1])}) liggen`],
  [/^must be on or before the end of the referral \((\S+)\)$/, (m) => `moet op of vóór het einde van de koppeling (${fmtDate(m[1])}) liggen`],
  [/^must be on or after the start date \((\S+)\)$/, (m) => `moet op of na de startdatum (${fmtDate(m[1])}) liggen`],
  [/^is required when reason is other$/, () => 'vul een toelichting in bij ‘anders’'],
  [/must be an email/, () => 'vul een geldig e-mailadres in'],
  [/must not be empty or blank|should not be empty/, () => 'vul dit veld in'],
  [/must be a boolean/, () => 'kies ja of nee'],
  [/must be longer than or equal to (\d+) characters/, (m) => (m[1] === '1' ? 'vul dit veld in' : `moet minstens ${m[1]} tekens lang zijn`)],
  [/is not a valid BSN|11-test|elfproef/i, () => 'is geen geldig BSN (de elfproef klopt niet)'],
  [/already exists|already in use|is taken/, () => 'bestaat al'],
  // Already in Dutch (the close rule of a signal, src/modules/signals/signals.service.ts).
  [/^(vul de datum in waarop het signaal|een reden van niet melden) .*/, (m) => m[0]],
  [/^cannot be before the signal was triggered \((\S+)\)$/, (m) => `mag niet vóór de datum van het signaal (${fmtDate(m[1])}) liggen`],
  [/^cannot be before/, () => 'ligt te vroeg'],
  [/^must be on or after from$/, () => 'moet op of na de begindatum liggen'],
  [/^is not the current version$/, () => 'is intussen door iemand anders gewijzigd'],
  [/^is (registered|in_progress|closed|withdrawn)$/, (m) => `status is al ‘${nl(m[1])}’`],
  [/^is (planned|active|suspended|completed|dropped_out)$/, (m) => `het traject is nu ‘${nl(m[1])}’`],
  [/must be a Date instance|must be a valid ISO 8601 date string/, () => 'vul een geldige datum in'],
  [/must be an ISO 8601 date or date-time that exists/, () => 'vul een bestaande datum in'],
  [/must be longer than or equal to 1 characters|should not be empty|must be a string/, () => 'vul dit veld in'],
  [/must be shorter than or equal to (\d+) characters/, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/must not be less than (\d+)/, (m) => `moet minstens ${m[1]} zijn`],
  [/must not be greater than (\d+)/, (m) => `mag hoogstens ${m[1]} zijn`],
  [/must be an integer number|must be a number/, () => 'vul een heel getal in'],
  [/must be one of the following values/, () => 'kies een van de mogelijke waarden'],
  [/must be a UUID/, () => 'is geen geldige verwijzing'],
  [/cannot sort by/, () => 'op deze kolom kan niet gesorteerd worden'],
];
const CODE_NL = {
  network: null,
  session_expired: null,
  unauthorized: 'Uw sessie is verlopen; log opnieuw in.',
  forbidden: 'U heeft geen toegang tot deze gegevens of handeling.',
  not_found: 'Dit gegeven bestaat niet (meer), of u heeft er geen toegang toe.',
  version_conflict: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en voer uw wijziging nog eens in.',
  lesson_cancelled: 'Deze les is vervallen; er is geen presentielijst.',
  lesson_in_future: 'Deze les is nog niet begonnen. Alleen vooraf gemelde afwezigheid kan al worden vastgelegd.',
  lesson_started: 'De les is al begonnen of voorbij; de docent legt afwezigheid vast in de presentielijst.',
  learner_not_enrolled: 'Niet alle deelnemers zijn op de lesdatum in deze groep ingeschreven.',
  validation_failed: 'Niet alle velden zijn goed ingevuld.',
  invalid_transition: 'Deze stap kan niet vanuit de huidige status.',
  transition_not_allowed: 'Deze stap kan niet vanuit de huidige status van het traject.',
  trajectory_ended: 'Dit traject is afgesloten en kan niet meer worden gewijzigd.',
  own_account: 'Uw eigen rol wijzigen of uzelf deactiveren kan niet: zo zou u zichzelf buitensluiten.',
  last_admin: 'Dit is de laatste actieve applicatiebeheerder: maak eerst een andere gebruiker applicatiebeheerder.',
  learner_has_login: 'Deze deelnemer heeft al een inlog.',
  unfinished_trajectory_exists: 'Deze deelnemer heeft al een traject dat nog niet is afgesloten.',
};

/** @param {unknown} msg */
function messageNl(msg) {
  const text = String(msg ?? '').trim();
  for (const [re, fn] of [...GROUP_MESSAGE_NL, ...MESSAGE_NL]) {
    const m = text.match(re);
    if (m) return fn(m);
  }
  return text ? `ongeldige waarde (${text})` : 'ongeldige waarde';
}

/** @param {string} field */
function fieldLabel(field) {
  const last = String(field).replace(/^entries\[\d+\]\./, '').split('.').pop();
  return FIELD_NL[last] || GROUP_FIELD_NL[last] || last;
}

/**
 * { summary, fields: [{ field, message }] } with Dutch text, for any ApiError.
 * @param {any} e
 * @returns {{ summary: string, fields: { field: string, message: string }[] }}
 */
export function problemNl(e) {
  /** @type {Partial<import('./types.js').Problem> & { requestId?: string }} */
  const p = e.problem || {};
  // Messages the page made itself (`dutch`) are already in Dutch.
  const fields = (p.errors || []).map((f) => ({ field: f.field, message: e.problem?.dutch ? f.message : messageNl(f.message) }));
  let summary = CODE_NL[p.code] ?? GROUP_CODE_NL[p.code];
  if (p.code === 'network' || p.code === 'session_expired') summary = p.detail;
  if (!summary) {
    if (p.status === 429) summary = 'Te veel pogingen; probeer het over een minuut opnieuw.';
    else if (p.status >= 500) summary = `Er ging iets mis op de server. Probeer het later opnieuw${p.requestId ? ` (referentie ${p.requestId})` : ''}.`;
    else if (p.status === 404) summary = CODE_NL.not_found;
    else if (p.status === 403) summary = CODE_NL.forbidden;
    else if (p.status === 409) summary = 'Dit botst met gegevens die al bestaan of intussen gewijzigd zijn. Laad de pagina opnieuw.';
    else if (p.status === 422) summary = 'Dit is in de huidige situatie niet toegestaan.';
    else if (fields.length) summary = CODE_NL.validation_failed;
    else summary = 'Dat lukte niet.';
  }
  if (p.code === 'invalid_transition' || (p.status === 422 && fields.some((f) => f.field === 'status'))) {
    summary = 'Deze stap kan niet vanuit de huidige status. Laad de pagina opnieuw.';
  }
  return { summary, fields };
}

/** A summary followed by a list of field errors. @param {string} summary @param {{ field: string, message: string }[]} fields */
export function summaryHtml(summary, fields) {
  return html`${summary}${fields.length ? html`<ul>${fields.map((f) => html`<li>${fieldLabel(f.field)}: ${f.message}</li>`)}</ul>` : ''}`;
}

/** @param {any} e */
export function problemHtml(e) {
  const { summary, fields } = problemNl(e);
  return summaryHtml(summary, fields);
}
