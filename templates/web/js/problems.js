// @ts-check
/* application/problem+json → Dutch: a summary for the whole request and a message per field. */
import { FIELD_NL } from './labels.js';
import { GROUP_CODE_NL, GROUP_FIELD_NL, GROUP_MESSAGE_NL } from './group-labels.js';
import { html } from './html.js';

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
  advance_absence_closed: 'De les is al begonnen of voorbij; een vooraf gemelde afwezigheid kan niet meer worden ingetrokken.',
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

/**
 * A field message in Dutch. The API puts the common ones into Dutch itself when asked (src/common/errors/problem-nl.ts);
 * a feature's own messages it leaves in English for the feature's table here (group-labels.js).
 * @param {unknown} msg @param {boolean} apiDutch the API answered in Dutch
 */
function messageNl(msg, apiDutch) {
  const text = String(msg ?? '').trim();
  for (const [re, fn] of GROUP_MESSAGE_NL) {
    const m = text.match(re);
    if (m) return fn(m);
  }
  if (apiDutch && text) return text;
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
  const fields = (p.errors || []).map((f) => ({ field: f.field, message: e.problem?.dutch ? f.message : messageNl(f.message, e.problem?.lang === 'nl') }));
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
