import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import * as path from 'path';
import { projectRoot } from './common/startup/project-root';
import { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { ProblemFilter } from './common/errors/problem.filter';
import { validationExceptionFactory } from './common/errors/validation-exception.factory';
import { FieldErrorDto, ProblemDto } from './common/http/api-problems.decorator';
import { RequestValidationPipe } from './common/http/request-validation.pipe';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Protected controllers carry @ApiBearerAuth; an operation without a security requirement is public (login,
 * health), which OpenAPI says with an explicit empty list rather than by leaving it out.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method];
      if (op && !op.security) op.security = [];
    }
  }
}

/**
 * No request hangs: a client that stops sending (a multipart body without its closing boundary, fewer bytes than its
 * Content-Length, headers that never end) gets a 408 and its connection closed once HTTP_REQUEST_TIMEOUT_SECONDS
 * (headers: HTTP_HEADERS_TIMEOUT_SECONDS) are up. Node checks open requests every connectionsCheckingInterval; the
 * socket inactivity timeout (connectionTimeout) is a backstop. The answer itself has no limit (a long download).
 */
function serverTimeouts(config: AppConfig) {
  const requestTimeout = config.httpRequestTimeoutMs;
  return {
    requestTimeout,
    connectionTimeout: requestTimeout + 30_000,
    keepAliveTimeout: config.httpKeepAliveMs,
    http: { headersTimeout: config.httpHeadersTimeoutMs, requestTimeout, connectionsCheckingInterval: Math.min(1_000, requestTimeout / 2) },
  };
}

/**
 * Headers on the pages and the API: scripts and styles only from our own origin (no inline scripts; the pages have
 * none), never framed, no Referer leaving the site (URLs hold record ids), no MIME sniffing.
 */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      // Evidence previews: a PDF fetched with the bearer token is shown from a blob: URL in an iframe.
      frameSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
};

/** Builds the HTTP application (used by main.ts and by the e2e tests). */
export async function createApp(opts: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  // maxParamLength: a long path id reaches the UuidPipe (a 400 naming the parameter) instead of Fastify's 414.
  // trustProxy: X-Forwarded-For only from the proxies TRUST_PROXY names; off by default, so a client cannot pick
  // its own address (and with it a fresh login counter) by sending the header.
  const config = new AppConfig();
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: config.trustProxy, ...serverTimeouts(config), routerOptions: { maxParamLength: 16 * 1024 }, frameworkErrors: ProblemFilter.frameworkErrors });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, abortOnError: false });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  await app.register(helmet as never, SECURITY_HEADERS);
  // API answers hold personal data: no browser or proxy cache keeps them (a route may set its own, e.g. downloads).
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      // Swagger UI ships an inline <style> block and sets style attributes; its scripts are files, as ours are.
      if (request.url.startsWith('/api/docs')) {
        const csp = reply.getHeader('content-security-policy');
        if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
      }
      return payload;
    });
  await app.register(multipart as never, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  // Limits are applied per route (the public certificate verification calls createRateLimit), none globally.
  await app.register(rateLimit as never, { global: false });
  await app.register(fastifyStatic as never, { root: path.join(projectRoot(), 'templates', 'web'), prefix: '/', index: ['index.html'], wildcard: false });
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'health', method: RequestMethod.GET }, { path: 'health/ready', method: RequestMethod.GET }, { path: 'verify/:code', method: RequestMethod.GET }] });
  app.useGlobalPipes(
    new RequestValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory }),
  );
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Koers API')
    .setDescription(
      'Course trajectories and learner tracking for inburgering courses. Log in at POST /api/v1/auth/login and send the token as a bearer token. Errors are application/problem+json.',
    )
    .setVersion('1')
    .addServer('/', 'this server')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, doc, { extraModels: [ProblemDto, FieldErrorDto] });
  markPublicOperations(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
