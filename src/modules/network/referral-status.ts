import { ReferralStatus } from './network-vocabulary';

/** The moves of a referral: planned → first_contact → participating → ended, or planned → not_started. */
export const REFERRAL_MOVES = {
  'first-contact': { from: ['planned'], to: 'first_contact' },
  participating: { from: ['first_contact'], to: 'participating' },
  end: { from: ['participating'], to: 'ended' },
  'not-started': { from: ['planned'], to: 'not_started' },
} as const satisfies Record<string, { from: readonly ReferralStatus[]; to: ReferralStatus }>;
export type ReferralMove = keyof typeof REFERRAL_MOVES;

const DUTCH: Record<ReferralStatus, string> = {
  planned: 'gepland',
  first_contact: 'eerste contact gehad',
  participating: 'neemt deel',
  ended: 'beëindigd',
  not_started: 'niet gestart',
};

/** Null when the move is allowed, else why not (names the current and the required status). */
export function refusedMove(move: ReferralMove, status: ReferralStatus): string | null {
  const rule = REFERRAL_MOVES[move];
  if ((rule.from as readonly string[]).includes(status)) return null;
  return `Cannot move a referral that is ${status} (${DUTCH[status]}) to ${rule.to}: it must be ${rule.from.join(' or ')} (${rule.from
    .map((s) => DUTCH[s])
    .join(' of ')})`;
}

/** Participation hours are written while participating, or afterwards for days up to the end. */
export const HOURS_STATUSES: readonly ReferralStatus[] = ['participating', 'ended'];
