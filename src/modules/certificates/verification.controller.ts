import { Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/auth.decorators';
import { AppConfig } from '../../config/app-config';
import { normaliseVerificationCode } from './certificate-code';
import { CertificateRepository } from './certificate.repository';
import { notFoundHtml, tooManyHtml, verificationHtml, verificationView } from './verification-page';

type Limiter = (req: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttl?: number }>;

const wantsJson = (accept: string | undefined): boolean => /\bapplication\/(?:[\w.+-]*\+)?json\b/i.test(accept ?? '') && !/text\/html/i.test(accept ?? '');

/**
 * The public verification page printed on every certificate (QR code). Rate-limited per client address
 * (@fastify/rate-limit, registered in create-app). An unknown or malformed code gets one and the same 404, so the page
 * says nothing about which codes exist. A page, not an API operation: left out of the OpenAPI document (its 404 is HTML).
 */
@ApiExcludeController()
@Controller('verify')
export class VerificationController {
  private limiter?: Limiter;

  constructor(
    private readonly repo: CertificateRepository,
    private readonly config: AppConfig,
    private readonly adapter: HttpAdapterHost,
  ) {}

  @Public()
  @Get(':code')
  async verify(@Param('code') raw: string, @Headers('accept') accept: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const json = wantsJson(accept);
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    const limit = await this.limit(req);
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', String(Math.ceil((limit.ttl ?? this.config.verifyRateWindowMs) / 1000)));
      if (json) return void reply.code(429).type('application/problem+json').send({ status: 429, code: 'too_many_requests', title: 'Too many requests', detail: 'Te veel controles vanaf dit adres; probeer het over een minuut opnieuw' });
      return void reply.code(429).type('text/html; charset=utf-8').send(tooManyHtml());
    }
    const code = normaliseVerificationCode(raw);
    const row = code ? await this.repo.findForVerification(code) : null;
    if (!row) {
      if (json) return void reply.code(404).type('application/problem+json').send({ status: 404, code: 'not_found', title: 'Not found', detail: 'niet gevonden' });
      return void reply.code(404).type('text/html; charset=utf-8').send(notFoundHtml());
    }
    const view = verificationView(row);
    if (json) return void reply.code(200).type('application/json; charset=utf-8').send(view);
    return void reply.code(200).type('text/html; charset=utf-8').send(verificationHtml(view));
  }

  private limit(req: FastifyRequest): ReturnType<Limiter> {
    if (!this.limiter) {
      const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance & { createRateLimit?: (o: object) => Limiter }>();
      if (!fastify.createRateLimit) return Promise.resolve({ isAllowed: true });
      this.limiter = fastify.createRateLimit({ max: this.config.verifyRateLimit, timeWindow: this.config.verifyRateWindowMs });
    }
    return this.limiter(req);
  }
}
