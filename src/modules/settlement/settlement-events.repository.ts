import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface BillableEvent {
  trajectoryId: string;
  kind: string;
  eventKey: string;
  eventDate: string;
  percent: number | null;
  minutes: number | null;
  amountCents: number;
}

/** The billable events come from one SQL rule: koers_settlement_events (sql/koers_settlement_events.sql). */
@Injectable()
export class SettlementEventsRepository {
  async forTrajectories(m: EntityManager, trajectoryIds: string[], today: string): Promise<BillableEvent[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT e.trajectory_id AS "trajectoryId", e.kind, e.event_key AS "eventKey", to_char(e.event_date, 'YYYY-MM-DD') AS "eventDate",
              e.percent, e.minutes, e.amount_cents::int AS "amountCents"
         FROM koers_settlement_events($1::uuid[], $2::date) e
        ORDER BY e.trajectory_id, e.event_date, e.event_key`,
      [trajectoryIds, today],
    );
    return rows as unknown as BillableEvent[];
  }
}
