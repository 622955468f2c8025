import { Scope } from '../../common/auth/scope';

/**
 * The SQL condition on learner `l` for what the caller may read; adds its
 * parameters to `params`. Out of scope means "does not exist" (404, left out of lists).
 */
export function learnerScopeSql(scope: Scope, params: unknown[]): string {
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
    case 'finance':
      return 'TRUE';
    case 'municipality':
      if (!scope.municipalityId) return 'FALSE';
      params.push(scope.municipalityId);
      return `l.municipality_id = $${params.length}`;
    case 'learner':
      if (!scope.learnerId) return 'FALSE';
      params.push(scope.learnerId);
      return `l.id = $${params.length}`;
    case 'teacher':
      // Learners who are or were enrolled in one of the teacher's groups.
      params.push(scope.userId);
      return `EXISTS (SELECT 1 FROM trajectory t
                        JOIN enrolment e ON e.trajectory_id = t.id
                        JOIN group_teacher gt ON gt.group_id = e.group_id
                       WHERE t.learner_id = l.id AND gt.user_id = $${params.length})`;
    default:
      return 'FALSE';
  }
}
