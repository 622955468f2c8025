// @ts-check
/* Dutch words for the API's codes, as the users say them. */

/** @type {Record<string, string>} */
export const STATUS_NL = {
  planned: 'gepland', active: 'actief', suspended: 'onderbroken', completed: 'afgerond', dropped_out: 'uitgevallen',
  present: 'aanwezig', late: 'te laat', absent_authorised: 'geoorloofd afwezig', absent_unauthorised: 'ongeoorloofd afwezig',
  registered: 'geregistreerd', in_progress: 'in behandeling', closed: 'gesloten', withdrawn: 'ingetrokken',
  draft: 'concept', submitted: 'ingediend', approved: 'goedgekeurd', needs_revision: 'aanpassen gevraagd',
};
export const ATTENDANCE = ['present', 'late', 'absent_authorised', 'absent_unauthorised'];
/** @type {Record<string, string>} */
export const SKILL_NL = { reading: 'lezen', listening: 'luisteren', writing: 'schrijven', speaking: 'spreken', knm: 'KNM', map: 'MAP', ona: 'ONA' };
/** @type {Record<string, string>} */
export const SKILL_TITLE = { knm: 'kennis van de Nederlandse maatschappij', map: 'module arbeidsmarkt en participatie', ona: 'oriëntatie op de Nederlandse arbeidsmarkt' };
/** @type {Record<string, string>} */
export const DOMAIN_NL = {
  work: 'werk', parenting: 'opvoeding', health_care: 'gezondheid en zorg', education: 'onderwijs', knowledge_of_society: 'kennis van de samenleving',
  citizenship: 'burgerschap', housing: 'wonen', neighbourhood: 'buurt', sport: 'sport', culture: 'cultuur', religion: 'religie',
};
/** @type {Record<string, string>} */
export const DROPOUT_NL = {
  moved: 'verhuisd', exemption: 'ontheffing', route_switch: 'andere route', ended_by_municipality: 'beëindigd door de gemeente', deceased: 'overleden',
  health_pregnancy: 'gezondheid of zwangerschap', care_duties: 'zorgtaken', work_conflict: 'werk gaat voor', motivation_absence: 'motivatie of verzuim',
  no_show: 'niet verschenen', level_mismatch: 'niveau past niet', other: 'anders',
};
/** @type {Record<string, string>} */
export const REGIME_NL = { wi2021: 'Wi2021 (gemeente)', wi2013: 'Wi2013 (zelf betaald, DUO-lening)' };
/** @type {Record<string, string>} */
export const ROLE_NL = { admin: 'applicatiebeheerder', coordinator: 'coördinator', teacher: 'docent', finance: 'financiële administratie', municipality: 'gemeente', learner: 'deelnemer' };
/** @type {Record<string, string>} */
export const FIELD_NL = {
  email: 'E-mailadres', password: 'Wachtwoord', search: 'Zoeken', sort: 'Sortering', page: 'Pagina', pageSize: 'Aantal per pagina',
  from: 'Van', to: 'Tot en met', status: 'Status', rule: 'Regel', note: 'Toelichting', version: 'Versie',
  reportedToMunicipalityOn: 'Gemeld aan de gemeente op', notReportedReason: 'Reden waarom niet gemeld', overdue: 'Melding', reason: 'Reden', learnerId: 'Deelnemer', minutesLate: 'Minuten te laat', absenceReason: 'Reden',
};
/** Rule names without numbers: the thresholds are the contract's, shown per signal from its details (tables.js). @type {Record<string, string>} */
export const RULE_NL = { R1: 'R1: lessen achter elkaar ongeoorloofd afwezig', R2: 'R2: uren ongeoorloofd afwezig binnen een periode' };
/** The absence reasons a teacher picks from; "overig" takes a note ("overig: …"). */
export const ABSENCE_REASONS = ['ziek', 'arts of ziekenhuis', 'IND of gemeente', 'werk', 'kinderopvang', 'overig'];
/** Short labels for the register's status buttons. @type {Record<string, string>} */
export const ATTENDANCE_SHORT = { present: 'aanwezig', late: 'te laat', absent_authorised: 'geoorloofd', absent_unauthorised: 'ongeoorloofd' };
