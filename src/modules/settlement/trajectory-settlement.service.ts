import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';
import { Scope } from '../../common/auth/scope';
import { todayIn } from '../../common/domain/calendar';
import { NotFoundException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { EventBillingView, TrajectoryEventView, TrajectorySettlementView } from './dto/trajectory-settlement.dto';
import { SettlementEventsRepository } from './settlement-events.repository';

/** A trajectory's billable events now, beside what final runs billed for each. */
@Injectable()
export class TrajectorySettlementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SettlementEventsRepository,
    private readonly config: AppConfig,
  ) {}

  async get(id: string, scope: Scope): Promise<TrajectorySettlementView> {
    const params: unknown[] = [id];
    const [t] = await this.db.query(
      `SELECT t.id, t.status, t.contracted_hours AS "contractedHours", cp.billing_basis AS "billingBasis",
              coalesce(cp.price_cents, 0) AS "priceCents", coalesce(cp.hourly_rate_cents, 0) AS "hourlyRateCents"
         FROM trajectory t
         LEFT JOIN contract_product cp ON cp.contract_id = t.contract_id AND cp.product_id = t.product_id
        WHERE t.id = $1 AND ${trajectoryScopeSql(scope, params)}`,
      params,
    );
    if (!t) throw new NotFoundException('Trajectory', id);
    const now = await this.events.find(this.db.manager, { trajectoryId: id }, todayIn(this.config.reportTimezone));
    const billed: (EventBillingView & { eventKey: string })[] = await this.db.query(
      `SELECT l.event_key AS "eventKey", l.run_id AS "runId", r.invoice_number AS "invoiceNumber", l.line_no AS "lineNo",
              l.kind, l.amount_cents AS "amountCents"
         FROM settlement_billing b JOIN settlement_line l ON l.id = b.line_id JOIN settlement_run r ON r.id = b.run_id
        WHERE b.trajectory_id = $1 ORDER BY b.event_key, b.correction_seq`,
      [id],
    );
    const byKey = new Map<string, TrajectoryEventView>();
    for (const e of now) {
      byKey.set(e.eventKey, { kind: e.kind, eventKey: e.eventKey, eventDate: e.eventDate, percent: e.percent, minutes: e.minutes, amountCents: e.amountCents, billedCents: 0, openCents: 0, billings: [] });
    }
    for (const { eventKey, ...b } of billed) {
      let ev = byKey.get(eventKey);
      if (!ev) {
        // Billed before but no longer occurring: the next run credits it.
        ev = { kind: eventKey.startsWith('hours:') ? 'hours' : eventKey, eventKey, eventDate: null, percent: null, minutes: null, amountCents: 0, billedCents: 0, openCents: 0, billings: [] };
        byKey.set(eventKey, ev);
      }
      ev.billings.push(b);
      ev.billedCents += b.amountCents;
    }
    const events = [...byKey.values()].sort((a, b) => (a.eventDate ?? '9999') .localeCompare(b.eventDate ?? '9999') || a.eventKey.localeCompare(b.eventKey));
    for (const e of events) e.openCents = e.amountCents - e.billedCents;
    return {
      trajectoryId: id,
      status: t.status,
      billingBasis: t.billingBasis ?? null,
      priceCents: t.priceCents,
      hourlyRateCents: t.hourlyRateCents,
      contractedHours: t.contractedHours,
      events,
      amountCents: events.reduce((s, e) => s + e.amountCents, 0),
      billedCents: events.reduce((s, e) => s + e.billedCents, 0),
    };
  }
}
