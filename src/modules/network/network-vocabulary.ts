/** The network's fixed words (DOMAIN.md "Network"; issue 14). */
export const PARTNER_KINDS = [
  'sport_club',
  'religious_community',
  'library',
  'employer',
  'welfare_organisation',
  'volunteer_organisation',
  'neighbourhood_team',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Themes of the integration agreement a partner serves. */
export const NETWORK_THEMES = ['sport', 'culture', 'religion', 'work', 'housing', 'neighbourhood'] as const;
export type NetworkTheme = (typeof NETWORK_THEMES)[number];

/** Where a referral's reason comes from in the integration agreement (its keys are wishes, needs, abilities). */
export const REFERRAL_REASON_KINDS = ['wish', 'need', 'ability'] as const;
export type ReferralReasonKind = (typeof REFERRAL_REASON_KINDS)[number];
export const AGREEMENT_KEY: Record<ReferralReasonKind, 'wishes' | 'needs' | 'abilities'> = { wish: 'wishes', need: 'needs', ability: 'abilities' };

export const REFERRAL_STATUSES = ['planned', 'first_contact', 'participating', 'ended', 'not_started'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The college treats a VOG as expired this many years after its issue date. */
export const VOG_VALID_YEARS = 3;
/** The overview lists volunteers whose VOG expires within this many days. */
export const VOG_WARNING_DAYS = 60;

/** Ended trajectories are read-only (DOMAIN.md). */
export const ENDED_TRAJECTORY_STATUSES = ['completed', 'dropped_out'];
