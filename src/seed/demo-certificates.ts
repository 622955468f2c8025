import { EntityManager } from 'typeorm';
import { Scope } from '../common/auth/scope';
import { addDays, isoWeekday, minDay } from '../common/domain/calendar';
import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import { Candidate, CertificateCandidatesRepository } from '../modules/certificates/certificate-candidates.repository';
import { certificateFor, isDomainError } from '../modules/certificates/certificate-issuing';
import { CertificateFactsRepository } from '../modules/certificates/certificate-facts.repository';
import { CertificateRepository, NewCertificate } from '../modules/certificates/certificate.repository';
import { CertificateKind } from '../modules/certificates/entities/certificate.entity';
import { assertPrintable } from '../modules/certificates/pdf/certificate-renderer';
import { DEMO_REQUEST_ID } from './demo-signals';
import { DemoPlan, learnerNumber } from './demo-plan';
import { Prng } from './prng';

const workday = (day: string): string => (isoWeekday(day) === 6 ? addDays(day, 2) : isoWeekday(day) === 7 ? addDays(day, 1) : day);
const REVOCATION = 'Uitgereikt met een verkeerd ingevoerde toetsuitslag; na correctie wordt een nieuw certificaat uitgereikt.';

/** Certificates of the demo trajectories: removed with them when the demo is loaded again (numbers counted on after the highest left). */
export async function removeDemoCertificates(m: EntityManager, trajectoryIds: string, params: unknown[]): Promise<void> {
  await m.query(`DELETE FROM certificate WHERE trajectory_id IN (${trajectoryIds})`, params);
  await m.query(`UPDATE certificate_counter c SET last_number = coalesce((SELECT max(seq) FROM certificate x WHERE x.year = c.year), 0)`);
}

/**
 * Certificates as a coordinator issued them over the demo's history, by the real rules (certificateFor) and facts
 * (levels reached and hours attended at the issue date), numbered per year in the order of issue: a completion and a
 * level certificate shortly after each completion, a participation certificate for some dropouts and running
 * trajectories (the learner login among them), and one revoked certificate. The PDFs are made on demand.
 */
export async function issueDemoCertificates(
  m: EntityManager,
  opts: { rng: Prng; plan: DemoPlan; today: string; coordinatorId: string },
): Promise<void> {
  const { rng, today } = opts;
  const planned: Array<{ day: string; kind: CertificateKind; trajectoryId: string; period?: { from: string; to: string } }> = [];
  for (const t of opts.plan.trajectories) {
    if (t.neverActive || t.status === 'planned') continue;
    if (t.status === 'completed' && t.endDate) {
      const day = minDay(workday(addDays(t.endDate, rng.int(2, 10))), today);
      planned.push({ day, kind: 'completion', trajectoryId: t.id }, { day, kind: 'level', trajectoryId: t.id });
    } else if (t.status === 'dropped_out' && t.endDate && rng.chance(0.35)) {
      const day = minDay(workday(addDays(t.endDate, rng.int(3, 14))), today);
      planned.push({ day, kind: 'participation', trajectoryId: t.id, period: { from: t.startDate, to: t.endDate } });
    } else if ((t.status === 'active' && t.startDate <= addDays(today, -120) && rng.chance(0.12)) || t.learner.number === learnerNumber(0)) {
      const day = workday(addDays(today, -rng.int(7, 45)));
      planned.push({ day, kind: 'participation', trajectoryId: t.id, period: { from: t.startDate, to: addDays(day, -1) } });
    }
  }
  planned.sort((a, b) => a.day.localeCompare(b.day) || a.trajectoryId.localeCompare(b.trajectoryId) || a.kind.localeCompare(b.kind));

  const candidates = new CertificateCandidatesRepository();
  const facts = new CertificateFactsRepository();
  const repo = new CertificateRepository(m as never);
  const coordinator: Scope = { userId: opts.coordinatorId, role: 'coordinator', municipalityId: null, learnerId: null, requestId: DEMO_REQUEST_ID };
  const issued: Array<{ id: string; kind: string; day: string }> = [];
  for (let i = 0; i < planned.length; ) {
    const day = planned[i].day;
    const batch: typeof planned = [];
    while (i < planned.length && planned[i].day === day) batch.push(planned[i++]);
    const items: NewCertificate[] = [];
    const list: Candidate[] = [];
    // One at a time: the transaction has one connection.
    for (const p of batch) list.push((await candidates.trajectory(m, p.trajectoryId, coordinator)) as Candidate);
    // The facts as they stood on the issue day: levels reached and hours attended up to then (one query each per day).
    const levelsOf = await facts.levelsAt(m, list.filter((_, k) => batch[k].kind === 'level').map((c) => c.learnerId), day);
    const hoursOf = await facts.hours(m, batch.flatMap((p) => (p.period ? [{ trajectoryId: p.trajectoryId, ...p.period }] : [])));
    for (const [k, p] of batch.entries()) {
      const c = list[k];
      const then = { ...c, endDate: c.endDate && c.endDate <= day ? c.endDate : null };
      const levels = p.kind === 'level' ? levelsOf.get(c.learnerId) : undefined;
      const hours = p.period ? hoursOf.get(c.trajectoryId) : undefined;
      try {
        const item = certificateFor(p.kind, then, { levels, hours, period: p.period, today: day }, null);
        assertPrintable({ holder: { fullName: `${c.firstName} ${c.lastName}`, dateOfBirth: '' }, facts: item.facts });
        items.push(item);
      } catch (e) {
        // Refused by the rules (no passed assessment, no hours): a coordinator would not have issued it either.
        if (!isDomainError(e)) throw e;
      }
    }
    const rows = await repo.insertNumbered(m, day, opts.coordinatorId, items);
    rows.forEach((r, k) => issued.push({ id: r.id, kind: items[k].kind, day }));
  }
  if (!issued.length) return;
  await m.query(
    `UPDATE certificate c SET created_at = x.at::timestamptz, updated_at = x.at::timestamptz
       FROM unnest($1::uuid[], $2::text[]) AS x(id, at) WHERE c.id = x.id AND x.at::timestamptz < now()`,
    [issued.map((c) => c.id), issued.map((c) => `${c.day} 11:00 Europe/Amsterdam`)],
  );
  await m.insert(AuditEvent, issued.map((c) => ({
    actorId: coordinator.userId, actorRole: coordinator.role, action: 'issue', entityType: 'certificate', entityId: c.id, fields: ['kind', 'trajectoryId'], requestId: DEMO_REQUEST_ID,
  })));
  // One level certificate was issued with a wrong result and revoked a week later.
  const wrong = issued.filter((c) => c.kind === 'level' && c.day < addDays(today, -30));
  if (wrong.length) {
    const c = wrong[rng.int(0, wrong.length - 1)];
    await repo.revoke(m, c.id, REVOCATION, opts.coordinatorId);
    await m.query(`UPDATE certificate SET revoked_at = $2::timestamptz, updated_at = $2::timestamptz WHERE id = $1`, [c.id, `${workday(addDays(c.day, 7))} 14:00 Europe/Amsterdam`]);
    await m.insert(AuditEvent, { actorId: coordinator.userId, actorRole: coordinator.role, action: 'revoke', entityType: 'certificate', entityId: c.id, fields: ['revokedAt', 'revocationReason'], requestId: DEMO_REQUEST_ID });
  }
}
