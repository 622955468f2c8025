import { Injectable } from '@nestjs/common';
import { JobHandler } from './job-handler.decorator';
import { JobPayloads } from './job-types';

@Injectable()
export class MaintenanceJobs {
  @JobHandler('maintenance.ping')
  async ping(payload: JobPayloads['maintenance.ping']): Promise<{ pong: string; at: string }> {
    return { pong: payload.note, at: new Date().toISOString() };
  }
}
