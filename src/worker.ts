import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { preflightOrExit } from './common/startup/preflight';
import { exitWithinDeadline } from './common/startup/shutdown-deadline';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  await preflightOrExit('worker');
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  exitWithinDeadline('worker');
  process.stdout.write('koers worker started\n');
}

void bootstrap();
