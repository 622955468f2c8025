import { TRAJECTORY_STATUSES, TrajectoryStatus } from '../../common/domain/vocabulary';
import { RuleViolationException } from '../../common/errors/domain.exception';
import { canTransition, isEnded, nextStatus, TRAJECTORY_TRANSITION_NAMES, TrajectoryTransition } from './trajectory-status';

const ALLOWED: Array<[TrajectoryStatus, TrajectoryTransition, TrajectoryStatus]> = [
  ['planned', 'activate', 'active'],
  ['planned', 'drop_out', 'dropped_out'],
  ['active', 'suspend', 'suspended'],
  ['active', 'complete', 'completed'],
  ['active', 'drop_out', 'dropped_out'],
  ['suspended', 'resume', 'active'],
  ['suspended', 'drop_out', 'dropped_out'],
];

const isAllowed = (from: string, t: string) => ALLOWED.some(([f, tr]) => f === from && tr === t);
const REFUSED: Array<[TrajectoryStatus, TrajectoryTransition]> = TRAJECTORY_STATUSES.flatMap((from) =>
  TRAJECTORY_TRANSITION_NAMES.filter((t) => !isAllowed(from, t)).map((t): [TrajectoryStatus, TrajectoryTransition] => [from, t]),
);

describe('trajectory status machine', () => {
  it('covers every (status, transition) pair: 7 allowed, the rest refused', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(TRAJECTORY_STATUSES.length * TRAJECTORY_TRANSITION_NAMES.length);
    expect(REFUSED).toHaveLength(18);
  });

  it.each(ALLOWED)('%s --%s--> %s', (from, transition, to) => {
    expect(canTransition(from, transition)).toBe(true);
    expect(nextStatus(from, transition)).toBe(to);
  });

  it.each(REFUSED)('refuses %s --%s--> with a 422 naming the current status', (from, transition) => {
    expect(canTransition(from, transition)).toBe(false);
    let thrown: unknown;
    try {
      nextStatus(from, transition);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RuleViolationException);
    const err = thrown as RuleViolationException;
    expect(err.kind).toBe('rule');
    expect(err.code).toBe('transition_not_allowed');
    expect(err.detail).toContain(`is ${from}`);
    expect(err.errors).toEqual([{ field: 'status', message: `is ${from}` }]);
  });

  it('treats completed and dropped_out as ended, the rest as unfinished', () => {
    expect(TRAJECTORY_STATUSES.filter(isEnded)).toEqual(['completed', 'dropped_out']);
  });

  it('has no way out of an ended status', () => {
    for (const t of TRAJECTORY_TRANSITION_NAMES) {
      expect(canTransition('completed', t)).toBe(false);
      expect(canTransition('dropped_out', t)).toBe(false);
    }
  });
});
