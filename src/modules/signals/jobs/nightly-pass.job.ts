import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../../../jobs/job-handler.decorator';
import { JobPayloads } from '../../../jobs/job-types';
import { SignalEvaluationRepository } from '../signal-evaluation.repository';

const SYSTEM_ACTOR = { userId: null, role: 'system' };

/**
 * signals.nightly-pass: every unfinished trajectory in one set-based statement, records up to `asOf`. Idempotent
 * (the open-signal index and the "after the last signal" rule). A register save evaluates its own trajectories in
 * the same statement as the save (koers_save_register), so no per-save job exists; this pass catches records that
 * arrive otherwise (imports, corrections in the database).
 */
@Injectable()
export class NightlyPassJob {
  private readonly logger = new Logger('NightlyPassJob');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly evaluation: SignalEvaluationRepository,
  ) {}

  @JobHandler('signals.nightly-pass')
  async handle(payload: JobPayloads['signals.nightly-pass']): Promise<{ asOf: string; raised: number; ms: number }> {
    const started = Date.now();
    const raised = await this.db.transaction((m) => this.evaluation.evaluate(m, null, payload.asOf, SYSTEM_ACTOR));
    const result = { asOf: payload.asOf, raised: raised.length, ms: Date.now() - started };
    this.logger.log(result, 'Nightly signal pass done');
    return result;
  }
}
