import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../jobs/job-handler.decorator';
import { JobPayloads } from '../../../jobs/job-types';

/** maintenance.ping: proves a worker takes jobs from Redis and answers (health checks, tests). */
@Injectable()
export class PingJob {
  @JobHandler('maintenance.ping')
  async handle(payload: JobPayloads['maintenance.ping']): Promise<{ pong: string; at: string }> {
    return { pong: payload.note, at: new Date().toISOString() };
  }
}
