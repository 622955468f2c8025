import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SYSTEM_SCOPE } from '../../common/auth/scope';
import { INSERT_DRAFT_LINES, UPDATE_RUN_TOTALS } from './settlement-lines.sql';

/** The system itself (seeds, jobs) is no user row. */
const userOrNull = (id: string | null): string | null => (id === SYSTEM_SCOPE.userId ? null : id);

export interface RunState {
  id: string;
  municipalityId: string;
  periodFrom: string;
  periodTo: string;
  status: string;
}

/** Writes of settlement runs; every method runs in the caller's transaction. */
@Injectable()
export class SettlementRunRepository {
  async insertDraft(m: EntityManager, municipalityId: string, from: string, to: string, userId: string | null): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO settlement_run (municipality_id, period_from, period_to, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [municipalityId, from, to, userOrNull(userId)],
    );
    return row.id;
  }

  /** The run, locked against a concurrent recompute, discard or finalisation. */
  async lockState(m: EntityManager, id: string): Promise<RunState | null> {
    const [row] = await m.query(
      `SELECT id, municipality_id AS "municipalityId", to_char(period_from, 'YYYY-MM-DD') AS "periodFrom",
              to_char(period_to, 'YYYY-MM-DD') AS "periodTo", status
         FROM settlement_run WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** (Re)computes a draft's lines and totals in the database. */
  async computeLines(m: EntityManager, run: RunState, today: string): Promise<void> {
    await m.query(`DELETE FROM settlement_line WHERE run_id = $1`, [run.id]);
    await m.query(INSERT_DRAFT_LINES, [run.id, run.municipalityId, run.periodFrom, run.periodTo, today]);
    await m.query(UPDATE_RUN_TOTALS, [run.id]);
  }

  async deleteDraft(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM settlement_run WHERE id = $1 AND status = 'draft'`, [id]);
  }

  /** Records every line as billed; the unique key (trajectory, event, seq) refuses an event billed by another run (23505). */
  async recordBilling(m: EntityManager, runId: string): Promise<void> {
    await m.query(
      `INSERT INTO settlement_billing (line_id, run_id, trajectory_id, event_key, correction_seq, amount_cents)
       SELECT id, run_id, trajectory_id, event_key, correction_seq, amount_cents FROM settlement_line WHERE run_id = $1`,
      [runId],
    );
  }

  /** The next number of the year; the counter row stays locked until the transaction ends, so numbers have no gaps. */
  async nextInvoiceNumber(m: EntityManager, year: number): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO settlement_invoice_counter (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = settlement_invoice_counter.last_number + 1
       RETURNING last_number`,
      [year],
    );
    return `${year}-${String(row.last_number).padStart(4, '0')}`;
  }

  async markFinal(m: EntityManager, id: string, invoiceNumber: string, invoiceDate: string, userId: string | null): Promise<void> {
    await m.query(
      `UPDATE settlement_run SET status = 'final', invoice_number = $2, invoice_date = $3, finalised_at = now(), finalised_by = $4
        WHERE id = $1 AND status = 'draft'`,
      [id, invoiceNumber, invoiceDate, userOrNull(userId)],
    );
  }
}
