import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'crypto';
import { AuthCoreModule } from './common/auth/auth-core.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { JobsModule } from './jobs/jobs.module';
import { AuditModule } from './modules/audit/audit.module';
import { loggableUrl, safeErrorLog } from './common/errors/safe-error-log';

/** What both processes need: settings, logging, database, queues, auth, audit. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req, res) => {
            const incoming = req.headers['x-request-id'];
            const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
            res.setHeader('x-request-id', id);
            return id;
          },
          // Never log credentials, tokens or request bodies (which may hold a BSN).
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body', '*.password', '*.bsn', '*.token'], remove: true },
          serializers: {
            // Query values are search terms (names, numbers): only their names are logged.
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: loggableUrl(req.url) }),
            // The status only: serialising every response's headers (the CSP and the rest of helmet's) cost more
            // per request than a small authenticated read itself.
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            err: (err: unknown) => safeErrorLog(err),
          },
          // Probes are not logged. Fastify's middleware layer may hand over the URL without the part it matched on,
          // so the original URL decides.
          autoLogging: { ignore: (req) => ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').startsWith('/health') },
        },
      }),
    }),
    DatabaseModule,
    JobsModule,
    AuthCoreModule,
    AuditModule,
  ],
})
export class CoreModule {}
