import { Trajectory } from './trajectory.entity';
export const TrajectoryEntities = [Trajectory];
