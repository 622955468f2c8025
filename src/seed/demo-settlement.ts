import { EntityManager } from 'typeorm';
import { SettlementRunRepository } from '../modules/settlement/settlement-run.repository';

/** Quarter [from, to] that holds `day` (YYYY-MM-DD). */
function quarterOf(day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const end = new Date(Date.UTC(y, q * 3 + 3, 0));
  return { from: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: end.toISOString().slice(0, 10) };
}

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Invoice history of the demo trajectories: removed with them when the demo is loaded again. */
export async function removeDemoSettlement(m: EntityManager, trajectoryIds: string, params: unknown[]): Promise<void> {
  const runs = `SELECT DISTINCT run_id FROM settlement_line WHERE trajectory_id IN (${trajectoryIds})`;
  await m.query(`DELETE FROM settlement_billing WHERE run_id IN (${runs})`, params);
  await m.query(`DELETE FROM settlement_line WHERE corrects_line_id IN (SELECT id FROM settlement_line WHERE run_id IN (${runs}))`, params);
  await m.query(`DELETE FROM settlement_run WHERE id IN (${runs})`, params);
  // Numbering stays gap-free: the counter continues after the highest number that remains.
  await m.query(`UPDATE settlement_invoice_counter c SET last_number = coalesce((SELECT max(split_part(r.invoice_number, '-', 2)::int)
                   FROM settlement_run r WHERE r.invoice_number LIKE c.year || '-%'), 0)`);
}

/**
 * Settlement has something to show: for Enschede and Hengelo the previous quarter as a final invoice (everything up to
 * its end, with the late events as nagekomen), and the current quarter so far as a draft; the other municipalities
 * a draft of the previous quarter. Computed by the real SQL, finalised as the service does.
 */
export async function createDemoSettlement(m: EntityManager, municipalities: Record<string, string>, today: string, financeUserId: string | null): Promise<void> {
  const runs = new SettlementRunRepository();
  const current = quarterOf(today);
  const previous = quarterOf(dayBefore(current.from));
  for (const [cbs, municipalityId] of Object.entries(municipalities)) {
    const billed = cbs === 'GM0153' || cbs === 'GM0164';
    const id = await runs.insertDraft(m, municipalityId, previous.from, previous.to, financeUserId);
    const state = { id, municipalityId, periodFrom: previous.from, periodTo: previous.to, status: 'draft' };
    await runs.computeLines(m, state, today);
    if (!billed) continue;
    await runs.recordBilling(m, id);
    const number = await runs.nextInvoiceNumber(m, Number(current.from.slice(0, 4)));
    await runs.markFinal(m, id, number, current.from, financeUserId);
    const draft = await runs.insertDraft(m, municipalityId, current.from, today < current.to ? today : current.to, financeUserId);
    await runs.computeLines(m, { id: draft, municipalityId, periodFrom: current.from, periodTo: today < current.to ? today : current.to, status: 'draft' }, today);
  }
}
