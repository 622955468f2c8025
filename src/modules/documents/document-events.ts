import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'timers/promises';
import { Scope } from '../../common/auth/scope';
import { DocumentsService } from './documents.service';
import { DocumentView } from './dto/document.dto';
import { DocumentRecord } from './entities/document.entity';

const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;
/** A stream ends after this; EventSource-style clients reconnect. */
const MAX_STREAM_MS = 30 * 60 * 1000;
const FINAL = new Set(['done', 'failed', 'expired']);

/**
 * Server-sent events of one document. Progress is read from the row (PostgreSQL is the truth, and it works while
 * Redis is down): a primary-key read every half second per open stream, sent when something changed.
 */
@Injectable()
export class DocumentEvents {
  constructor(private readonly documents: DocumentsService) {}

  async stream(scope: Scope, first: DocumentRecord, req: FastifyRequest, reply: FastifyReply): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let closed = false;
    req.raw.on('close', () => (closed = true));
    const send = (d: DocumentRecord) => raw.write(`event: document\nid: ${d.status}-${d.progress}\ndata: ${JSON.stringify(DocumentView.of(d, this.documents.label(d.kind)))}\n\n`);
    raw.write(`retry: 2000\n\n`);
    send(first);
    let last = `${first.status}:${first.progress}`;
    let doc = first;
    const started = Date.now();
    let lastWrite = Date.now();
    try {
      while (!closed && !FINAL.has(doc.status) && Date.now() - started < MAX_STREAM_MS) {
        await sleep(POLL_MS);
        if (closed) break;
        try {
          doc = await this.documents.get(scope, doc.id);
        } catch {
          break;
        }
        const now = `${doc.status}:${doc.progress}`;
        if (now !== last) {
          send(doc);
          last = now;
          lastWrite = Date.now();
        } else if (Date.now() - lastWrite > HEARTBEAT_MS) {
          raw.write(`: wacht\n\n`);
          lastWrite = Date.now();
        }
      }
    } finally {
      raw.end();
    }
  }
}
