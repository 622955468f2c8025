import 'reflect-metadata';
import { AppConfig } from './config/app-config';
import { preflightOrExit } from './common/startup/preflight';
import { exitWithinDeadline } from './common/startup/shutdown-deadline';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  await preflightOrExit('api');
  const app = await createApp();
  exitWithinDeadline('api');
  const config = app.get(AppConfig);
  await app.listen(config.port, config.host);
  process.stdout.write(`koers api listening on ${config.publicBaseUrl} (OpenAPI at /api/docs)\n`);
}

void bootstrap();
