import { REFERRAL_STATUSES, ReferralStatus } from './network-vocabulary';
import { REFERRAL_MOVES, ReferralMove, refusedMove } from './referral-status';

describe('referral moves', () => {
  const allowed: Array<[ReferralMove, ReferralStatus]> = [
    ['first-contact', 'planned'],
    ['participating', 'first_contact'],
    ['end', 'participating'],
    ['not-started', 'planned'],
  ];

  it('allows exactly the four moves of the workflow', () => {
    for (const move of Object.keys(REFERRAL_MOVES) as ReferralMove[]) {
      for (const status of REFERRAL_STATUSES) {
        const ok = allowed.some(([m, s]) => m === move && s === status);
        expect({ move, status, refused: refusedMove(move, status) !== null }).toEqual({ move, status, refused: !ok });
      }
    }
  });

  it('explains a refused move with both statuses', () => {
    expect(refusedMove('end', 'planned')).toMatch(/planned.*ended.*participating/);
    expect(refusedMove('not-started', 'participating')).toMatch(/must be planned/);
  });
});
