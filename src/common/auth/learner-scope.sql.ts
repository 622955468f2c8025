import { Scope } from './scope';

/** Roles whose learner scope is every learner (learnerScopeSql gives TRUE). */
export const seesAllLearners = (scope: Scope): boolean =>
  scope.role === 'admin' || scope.role === 'coordinator' || scope.role === 'finance';

/**
 * SQL condition limiting learner alias `l` (or `alias`) to what the caller may read; pushes its parameters
 * onto `params`. The rules are SQL functions in src/common/auth/sql/ (inlined by PostgreSQL). Municipality: learners living there or with a trajectory it pays for; learner: itself;
 * teacher: learners with a trajectory enrolled (now or before) in one of its groups; admin, coordinator,
 * finance: all. Out of scope reads as "does not exist" (404).
 */
export function learnerScopeSql(scope: Scope, params: unknown[], alias = 'l'): string {
  if (seesAllLearners(scope)) return 'TRUE';
  switch (scope.role) {
    case 'municipality':
      if (!scope.municipalityId) return 'FALSE';
      params.push(scope.municipalityId);
      return `koers_municipality_sees_learner(${alias}.municipality_id, ${alias}.other_payers, $${params.length}::uuid)`;
    case 'learner':
      if (!scope.learnerId) return 'FALSE';
      params.push(scope.learnerId);
      return `${alias}.id = $${params.length}::uuid`;
    case 'teacher':
      params.push(scope.userId);
      return `${alias}.id IN (SELECT scope_ids.id FROM koers_teacher_learner_ids($${params.length}::uuid) AS scope_ids(id))`;
    default:
      return 'FALSE';
  }
}

/**
 * The teacher scope of learnerScopeSql as the set of learner ids (`l.id IN (...)`), for reads of many learners
 * (src/common/auth/sql/koers_teacher_learner_ids.sql says why it is shaped as it is).
 */
export function teacherLearnerIdsSql(scope: Scope, params: unknown[]): string {
  params.push(scope.userId);
  return `SELECT scope_ids.id FROM koers_teacher_learner_ids($${params.length}::uuid) AS scope_ids(id)`;
}
