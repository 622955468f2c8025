import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { QUEUES } from '../../jobs/job-types';
import { DocumentQueue } from '../documents/document-queue';
import { BOARD_PATH, QueueBoardSession } from './queue-board-session';

const DENIED_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Geen toegang</title><link rel="stylesheet" href="/style.css"></head>
<body><main><h1>Geen toegang</h1><p>De wachtrijen zijn alleen voor applicatiebeheer. Log in als beheerder en open <a href="/#/queues">Wachtrijen</a> in het menu.</p></main></body></html>`;

/** API process only: Bull Board at /admin/queues, behind the admin's board cookie (QueueBoardSession). */
@Injectable()
export class QueueBoard implements OnModuleInit {
  private readonly logger = new Logger('QueueBoard');

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly documents: DocumentQueue,
    private readonly session: QueueBoardSession,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || typeof fastify.register !== 'function') return;
    const queues: Queue[] = [];
    for (const name of QUEUES) {
      try {
        queues.push(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
      } catch {
        this.logger.warn({ queue: name }, 'Queue not found for Bull Board');
      }
    }
    queues.push(this.documents.queue);
    const adapter = new FastifyAdapter();
    adapter.setBasePath(BOARD_PATH);
    createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter as never, options: { uiConfig: { boardTitle: 'Koers wachtrijen' } } });
    const session = this.session;
    void fastify.register(async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (req, reply) => {
        if (await session.allows(req.headers.cookie)) return;
        await reply.code(401).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(DENIED_PAGE);
        return reply;
      });
      // The board's page uses inline styles and a <base href> (its scripts are files); nothing of it may be cached.
      scope.addHook('onSend', async (_req, reply, payload) => {
        const csp = reply.getHeader('content-security-policy');
        if (typeof csp === 'string') {
          reply.header('content-security-policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("base-uri 'none'", "base-uri 'self'"));
        }
        reply.header('cache-control', 'no-store');
        return payload;
      });
      await scope.register(adapter.registerPlugin() as never, { prefix: BOARD_PATH });
    });
  }
}
