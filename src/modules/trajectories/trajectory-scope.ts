import { Scope } from '../../common/auth/scope';

/**
 * SQL condition on alias `t` limiting trajectories to what the caller may read;
 * pushes its parameters onto `params`. Out of scope reads as "does not exist" (404).
 */
export function trajectoryScopeSql(scope: Scope, params: unknown[]): string {
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
    case 'finance':
      return 'TRUE';
    case 'municipality':
      params.push(scope.municipalityId);
      return `t.municipality_id = $${params.length}`;
    case 'learner':
      params.push(scope.learnerId);
      return `t.learner_id = $${params.length}`;
    case 'teacher':
      // Any enrolment (past or current) in a group this teacher teaches.
      params.push(scope.userId);
      return `EXISTS (SELECT 1 FROM enrolment e JOIN group_teacher gt ON gt.group_id = e.group_id
                       WHERE e.trajectory_id = t.id AND gt.user_id = $${params.length})`;
    default:
      return 'FALSE';
  }
}
