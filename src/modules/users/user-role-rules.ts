import { FieldError } from '../../common/errors/domain.exception';

/** What a user's role ties it to, after a create or a change. */
export interface RoleLinks {
  role: string;
  municipalityId: string | null | undefined;
  /** A learner is (or will be) linked to the login. */
  hasLearner: boolean;
  /** The request names a learner. */
  learnerGiven: boolean;
}

/** A municipality user has a municipality and a learner login its learner; no other role has either. */
export function roleLinkProblems({ role, municipalityId, hasLearner, learnerGiven }: RoleLinks): FieldError[] {
  const errors: FieldError[] = [];
  if (role === 'municipality' && !municipalityId) errors.push({ field: 'municipalityId', message: 'is required for role municipality' });
  if (role !== 'municipality' && municipalityId) errors.push({ field: 'municipalityId', message: 'is only allowed for role municipality' });
  if (role === 'learner' && !hasLearner) errors.push({ field: 'learnerId', message: 'is required for role learner' });
  if (role !== 'learner' && learnerGiven) errors.push({ field: 'learnerId', message: 'is only allowed for role learner' });
  return errors;
}
