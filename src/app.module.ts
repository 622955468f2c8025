import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { NoQueryParametersInterceptor } from './common/http/no-query-parameters.interceptor';
import { ProblemFilter } from './common/errors/problem.filter';
import { CoreModule } from './core.module';
import { FEATURE_MODULES } from './feature-modules';
import { HealthModule } from './modules/health/health.module';
import { QueueBoardModule } from './modules/queue-board/queue-board.module';

@Module({
  imports: [CoreModule, HealthModule, ...FEATURE_MODULES, QueueBoardModule],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }, { provide: APP_INTERCEPTOR, useClass: NoQueryParametersInterceptor }],
})
export class AppModule {}
