import 'reflect-metadata';
import { AppConfig } from './config/app-config';
import { preflightOrExit } from './common/startup/preflight';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  await preflightOrExit('api');
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen(config.port, config.host);
  process.stdout.write(`koers api listening on ${config.publicBaseUrl} (OpenAPI at /api/docs)\n`);
}

void bootstrap();
