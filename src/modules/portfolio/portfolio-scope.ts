import { Scope } from '../../common/auth/scope';

/**
 * SQL condition limiting trajectory alias `t` to what the caller may read:
 * a learner its own, a teacher those ever enrolled in one of its groups, a
 * municipality user its own municipality's, staff everything. Pushes params.
 */
export function trajectoryScopeSql(scope: Scope, params: unknown[], t = 't'): string {
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
      return 'TRUE';
    case 'learner':
      if (!scope.learnerId) return 'FALSE';
      params.push(scope.learnerId);
      return `${t}.learner_id = $${params.length}`;
    case 'municipality':
      if (!scope.municipalityId) return 'FALSE';
      params.push(scope.municipalityId);
      return `${t}.municipality_id = $${params.length}`;
    case 'teacher':
      params.push(scope.userId);
      return `EXISTS (SELECT 1 FROM enrolment e JOIN group_teacher gt ON gt.group_id = e.group_id
                       WHERE e.trajectory_id = ${t}.id AND gt.user_id = $${params.length})`;
    default:
      return 'FALSE';
  }
}

export const ENDED_TRAJECTORY_STATUSES = ['completed', 'dropped_out'];
export const EDITABLE_ITEM_STATUSES = ['draft', 'needs_revision'];
