import { ValidationFailedException } from '../../common/errors/domain.exception';
import { LearnersConflictException } from './learners.exception';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgCode, pgConstraint } from '../../database/pg-errors';

/** Database guards → field-named problems (the constraints are the real guard against races). */
export function learnerWriteError(e: unknown): unknown {
  const code = pgCode(e);
  const constraint = pgConstraint(e);
  if (code === PG_UNIQUE_VIOLATION && constraint === 'uq_learner_bsn_hash') {
    return new LearnersConflictException('duplicate_bsn', 'A learner with this BSN already exists', [{ field: 'bsn', message: 'is already in use' }]);
  }
  if (code === PG_UNIQUE_VIOLATION && constraint === 'uq_learner_number') {
    return new LearnersConflictException('duplicate', 'This learner number is already in use', [{ field: 'learnerNumber', message: 'is already in use' }]);
  }
  if (code === PG_FOREIGN_KEY_VIOLATION && constraint === 'fk_learner_municipality') {
    return ValidationFailedException.field('municipalityId', 'does not exist');
  }
  return e;
}

/** 7511ab → 7511 AB */
export const normalisePostalCode = (pc: string | null | undefined): string | null | undefined =>
  pc ? pc.replace(/^(\d{4}) ?([A-Za-z]{2})$/, (_m, d: string, l: string) => `${d} ${l.toUpperCase()}`) : pc;
