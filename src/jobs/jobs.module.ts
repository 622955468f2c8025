import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { redisConnectionOptions } from './redis-connection';
import { JobQueueService } from './job-queue.service';
import { QUEUES } from './job-types';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: redisConnectionOptions(config.redisUrl), prefix: config.queuePrefix }),
    }),
    ...QUEUES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobQueueService],
  exports: [JobQueueService, BullModule],
})
export class JobsModule {}
