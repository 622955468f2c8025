import { Scope } from './scope';

/**
 * SQL condition limiting trajectory alias `t` (or `alias`) to what the caller may read; pushes its
 * parameters onto `params`. Municipality: its own municipality's; learner: its own; teacher: trajectories
 * enrolled (now or before) in one of its groups; admin, coordinator, finance: all. Out of scope reads as
 * "does not exist" (404). Role-level access (e.g. finance on portfolios) is decided by @Roles, not here.
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
      // Own aliases so the subquery never clashes with the caller's.
      return `EXISTS (SELECT 1 FROM enrolment scope_e JOIN group_teacher scope_gt ON scope_gt.group_id = scope_e.group_id
                       WHERE scope_e.trajectory_id = ${alias}.id AND scope_gt.user_id = $${params.length}::uuid)`;
    default:
      return 'FALSE';
  }
}
