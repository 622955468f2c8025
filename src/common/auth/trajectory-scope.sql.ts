import { Scope } from './scope';

/**
 * SQL condition limiting trajectory alias `t` (or `alias`) to what the caller may read; pushes its
 * parameters onto `params`. Municipality: its own municipality's; learner: its own; teacher: trajectories
 * enrolled (now or before) in one of its groups; admin, coordinator, finance: all. Out of scope reads as
 * "does not exist" (404). The teacher rule is src/common/auth/sql/koers_teacher_trajectory_ids.sql. Role-level access (e.g. finance on portfolios) is decided by @Roles, not here.
 */
export function trajectoryScopeSql(scope: Scope, params: unknown[], alias = 't'): string {
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
    case 'finance':
      return 'TRUE';
    case 'municipality':
      if (!scope.municipalityId) return 'FALSE';
      params.push(scope.municipalityId);
      return `${alias}.municipality_id = $${params.length}::uuid`;
    case 'learner':
      if (!scope.learnerId) return 'FALSE';
      params.push(scope.learnerId);
      return `${alias}.learner_id = $${params.length}::uuid`;
    case 'teacher':
      params.push(scope.userId);
      return `${alias}.id IN (SELECT scope_ids.id FROM koers_teacher_trajectory_ids($${params.length}::uuid) AS scope_ids(id))`;
    default:
      return 'FALSE';
  }
}
