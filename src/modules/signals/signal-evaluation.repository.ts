import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface RaisedSignal {
  id: string;
  trajectoryId: string;
  rule: string;
  triggeredOn: string;
}

export interface EvaluationActor {
  userId: string | null;
  role: string | null;
  requestId?: string | null;
}

/**
 * R1/R2 are evaluated set-based by src/modules/signals/sql/koers_evaluate_absence_signals.sql, which
 * koers_save_register calls too: one definition of the rules (signal-rules.ts is its test oracle).
 */
@Injectable()
export class SignalEvaluationRepository {
  /**
   * Evaluates the given trajectories (null = every unfinished one) through `asOf`
   * (null = all records) and raises new signals; runs in the caller's transaction.
   */
  async evaluate(m: EntityManager, trajectoryIds: string[] | null, asOf: string | null, actor: EvaluationActor): Promise<RaisedSignal[]> {
    if (trajectoryIds && !trajectoryIds.length) return [];
    return m.query(
      `SELECT signal_id AS id, signal_trajectory AS "trajectoryId", signal_rule AS rule, signal_date AS "triggeredOn"
         FROM koers_evaluate_absence_signals($1, $2, $3, $4, $5)`,
      [trajectoryIds, asOf, actor.userId, actor.role, actor.requestId ?? null],
    );
  }
}
