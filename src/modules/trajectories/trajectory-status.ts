import { TrajectoryStatus } from '../../common/domain/vocabulary';
import { TrajectoriesRuleException } from './trajectories.exception';

/**
 * The trajectory status machine (DOMAIN.md): planned → active → completed | dropped_out,
 * active ⇄ suspended.
 *
 * Decisions where DOMAIN.md is silent:
 * - Dropping out is allowed from planned, active and suspended. From planned because a
 *   learner who never shows up (reason `no_show`) or moves before the start must be
 *   closed off; otherwise the unfinished trajectory would block a new one for ever.
 *   From suspended because a learner may leave during a pause.
 * - Completing needs an active trajectory: a suspended one is resumed first.
 * - completed and dropped_out are final (the trajectory is read-only afterwards).
 */
export const TRAJECTORY_TRANSITIONS = {
  activate: { from: ['planned'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  complete: { from: ['active'], to: 'completed' },
  drop_out: { from: ['planned', 'active', 'suspended'], to: 'dropped_out' },
} as const satisfies Record<string, { from: readonly TrajectoryStatus[]; to: TrajectoryStatus }>;

export type TrajectoryTransition = keyof typeof TRAJECTORY_TRANSITIONS;
export const TRAJECTORY_TRANSITION_NAMES = Object.keys(TRAJECTORY_TRANSITIONS) as TrajectoryTransition[];

export const ENDED_TRAJECTORY_STATUSES: readonly TrajectoryStatus[] = ['completed', 'dropped_out'];

export const isEnded = (status: string): boolean => (ENDED_TRAJECTORY_STATUSES as readonly string[]).includes(status);

export function canTransition(from: string, transition: TrajectoryTransition): boolean {
  return (TRAJECTORY_TRANSITIONS[transition].from as readonly string[]).includes(from);
}

/** The status after the transition, or a 422 naming the current status. */
export function nextStatus(from: string, transition: TrajectoryTransition): TrajectoryStatus {
  const rule = TRAJECTORY_TRANSITIONS[transition];
  if (!canTransition(from, transition)) {
    const verb = transition.replace('_', ' ');
    throw new TrajectoriesRuleException(
      'transition_not_allowed',
      `Cannot ${verb} a trajectory that is ${from}; allowed from: ${rule.from.join(', ')}`,
      [{ field: 'status', message: `is ${from}` }],
    );
  }
  return rule.to;
}
