import { Module } from '@nestjs/common';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryReferencesRepository } from './trajectory-references.repository';
import { TrajectoryTransitionsController } from './trajectory-transitions.controller';
import { TrajectoryTransitionsService } from './trajectory-transitions.service';
import { TrajectoryRepository } from './trajectory.repository';

@Module({
  controllers: [TrajectoriesController, TrajectoryTransitionsController],
  providers: [TrajectoriesService, TrajectoryTransitionsService, TrajectoryRepository, TrajectoryReferencesRepository],
})
export class TrajectoriesModule {}
