import { DomainException, ValidationFailedException } from '../../common/errors/domain.exception';
import { Candidate } from './certificate-candidates.repository';
import { HoursFact, LevelFact } from './certificate-facts.repository';
import { NoHoursAttendedException, NoLevelsReachedException, TrajectoryNotCompletedException } from './certificates.exception';
import { CertificateKind } from './entities/certificate.entity';
import { NewCertificate } from './certificate.repository';

export interface Period { from: string; to: string }

/**
 * The period of a participation certificate: within the trajectory (start to its end, or today while it runs),
 * by default all of it. Bad bounds name the field.
 */
export function participationPeriod(c: Candidate, today: string, from?: string, to?: string): Period {
  const last = c.endDate && c.endDate < today ? c.endDate : today;
  const period = { from: from ?? c.startDate, to: to ?? last };
  if (period.from < c.startDate) throw ValidationFailedException.field('from', `must be on or after the start date (${c.startDate})`);
  if (period.to > last) throw ValidationFailedException.field('to', `must be on or before ${last} (the trajectory's end, or today)`);
  if (period.to < period.from) throw ValidationFailedException.field('to', 'must be on or after from');
  return period;
}

/** The certificate to issue for a candidate, or the rule that refuses it (thrown as a domain exception). */
export function certificateFor(
  kind: CertificateKind,
  c: Candidate,
  facts: { levels?: LevelFact[]; hours?: HoursFact; period?: Period; today: string },
  groupId: string | null,
): NewCertificate {
  const base = { kind, learnerId: c.learnerId, trajectoryId: c.trajectoryId, groupId, periodFrom: null, periodTo: null };
  switch (kind) {
    case 'level': {
      if (!facts.levels?.length) throw new NoLevelsReachedException(facts.today);
      return { ...base, facts: { product: c.product, levels: facts.levels } };
    }
    case 'participation': {
      const h = facts.hours ?? { physicalMinutes: 0, onlineMinutes: 0 };
      const p = facts.period as Period;
      if (h.physicalMinutes + h.onlineMinutes <= 0) throw new NoHoursAttendedException(p.from, p.to);
      return { ...base, periodFrom: p.from, periodTo: p.to, facts: { product: c.product, hours: h } };
    }
    case 'completion': {
      if (c.status !== 'completed' || !c.endDate) throw new TrajectoryNotCompletedException(c.status);
      return { ...base, facts: { product: c.product, startDate: c.startDate, endDate: c.endDate } };
    }
  }
}

export const isDomainError = (e: unknown): e is DomainException => e instanceof DomainException;
