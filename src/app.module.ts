import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemFilter } from './common/errors/problem.filter';
import { CoreModule } from './core.module';
import { FEATURE_MODULES } from './feature-modules';
import { HealthModule } from './modules/health/health.module';
import { QueueBoardModule } from './modules/queue-board/queue-board.module';

@Module({
  imports: [CoreModule, HealthModule, ...FEATURE_MODULES, QueueBoardModule],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
})
export class AppModule {}
