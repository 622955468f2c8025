// @ts-check
/* Dutch words of the network and the exchange with municipalities. */
export const KIND_NL = {
  sport_club: 'sportvereniging',
  religious_community: 'kerk of geloofsgemeenschap',
  library: 'bibliotheek',
  employer: 'werkgever',
  welfare_organisation: 'welzijnsorganisatie',
  volunteer_organisation: 'vrijwilligersorganisatie',
  neighbourhood_team: 'wijkteam',
  other: 'anders',
};
export const THEME_NL = { sport: 'sport', culture: 'cultuur', religion: 'geloof', work: 'werk', housing: 'wonen', neighbourhood: 'buurt' };
export const REFERRAL_NL = { planned: 'gepland', first_contact: 'eerste contact gehad', participating: 'neemt deel', ended: 'beëindigd', not_started: 'niet gestart' };
export const REASON_NL = { wish: 'wens', need: 'behoefte', ability: 'mogelijkheid' };
export const OUTCOME_NL = { new: 'nieuw', known: 'al bekend', refused: 'geweigerd' };
/** The list's state of an import. */
export const IMPORT_STATE_NL = { dry_run: 'proefimport', committed: 'verwerkt', failed: 'mislukt' };
export const IMPORT_KIND_NL = { learners: 'nieuwe deelnemers', exam_results: 'examenuitslagen DUO' };
export const IMPORT_STATUS_NL = { uploaded: 'proefimport loopt', checked: 'proefimport klaar', refused: 'bestand geweigerd', committed: 'verwerkt' };
