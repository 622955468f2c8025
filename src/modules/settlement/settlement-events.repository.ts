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
  /** One trajectory's events (municipalityId null), or a municipality's (trajectoryId null), or the region's (both null). */
  async find(m: EntityManager, sel: { municipalityId?: string | null; trajectoryId?: string | null }, today: string): Promise<BillableEvent[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT e.trajectory_id AS "trajectoryId", e.kind, e.event_key AS "eventKey", to_char(e.event_date, 'YYYY-MM-DD') AS "eventDate",
              e.percent, e.minutes, e.amount_cents::int AS "amountCents"
         FROM koers_settlement_events($1::uuid, $2::uuid, $3::date) e
        ORDER BY e.trajectory_id, e.event_date, e.event_key`,
      [sel.municipalityId ?? null, sel.trajectoryId ?? null, today],
    );
    return rows as unknown as BillableEvent[];
  }
}
