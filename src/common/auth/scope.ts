import { Role } from '../domain/vocabulary';

/**
 * Who is asking, and so what they may see. Every repository query takes it:
 * a municipality user sees one municipality, a learner only itself, a teacher
 * its own groups for writes.
 */
export interface Scope {
  userId: string;
  role: Role;
  /** Set for role municipality. */
  municipalityId: string | null;
  /** Set for role learner. */
  learnerId: string | null;
  requestId?: string;
}

export const isStaff = (s: Scope): boolean => s.role === 'admin' || s.role === 'coordinator';

/** A scope for work done by the system itself (seeds, jobs). */
export const SYSTEM_SCOPE: Scope = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  municipalityId: null,
  learnerId: null,
};
