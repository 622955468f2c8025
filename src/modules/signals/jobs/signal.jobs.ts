import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../../../jobs/job-handler.decorator';
import { JobPayloads } from '../../../jobs/job-types';
import { SignalEvaluationRepository } from '../signal-evaluation.repository';

const SYSTEM_ACTOR = { userId: null, role: 'system' };

/** Worker handlers; both are idempotent (the open-signal index and the "after the last signal" rule). */
@Injectable()
export class SignalJobs {
  private readonly logger = new Logger('SignalJobs');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly evaluation: SignalEvaluationRepository,
  ) {}

  @JobHandler('signals.evaluate')
  async evaluate(payload: JobPayloads['signals.evaluate']): Promise<{ raised: number }> {
    const raised = await this.db.transaction((m) => this.evaluation.evaluate(m, payload.trajectoryIds, null, SYSTEM_ACTOR));
    return { raised: raised.length };
  }

  /** Every unfinished trajectory in one set-based statement, records up to `asOf`. */
  @JobHandler('signals.nightly-pass')
  async nightlyPass(payload: JobPayloads['signals.nightly-pass']): Promise<{ asOf: string; raised: number; ms: number }> {
    const started = Date.now();
    const raised = await this.db.transaction((m) => this.evaluation.evaluate(m, null, payload.asOf, SYSTEM_ACTOR));
    const result = { asOf: payload.asOf, raised: raised.length, ms: Date.now() - started };
    this.logger.log(result, 'Nightly signal pass done');
    return result;
  }
}
