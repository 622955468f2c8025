import { ProgressRuleException } from './progress.exception';

const ENDED = ['completed', 'dropped_out'];

/** Ended trajectories are read-only (DOMAIN.md). */
export function assertNotEnded(status: string): void {
  if (ENDED.includes(status)) {
    throw new ProgressRuleException('trajectory_ended', `The trajectory is ${status}; an ended trajectory is read-only`);
  }
}
