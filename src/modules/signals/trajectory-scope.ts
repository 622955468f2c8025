import { Scope } from '../../common/auth/scope';

/**
 * SQL condition that limits trajectory alias `t` to what the caller may read; appends its
 * parameters to `params`. Municipality: its own trajectories; learner: its own; teacher:
 * trajectories enrolled (ever) in one of its groups; staff and finance: all.
 */
export function trajectoryScopeSql(alias: string, scope: Scope, params: unknown[]): string {
  switch (scope.role) {
    case 'municipality':
      params.push(scope.municipalityId);
      return `${alias}.municipality_id = $${params.length}::uuid`;
    case 'learner':
      params.push(scope.learnerId);
      return `${alias}.learner_id = $${params.length}::uuid`;
    case 'teacher':
      params.push(scope.userId);
      return `EXISTS (SELECT 1 FROM enrolment se JOIN group_teacher sgt ON sgt.group_id = se.group_id
                       WHERE se.trajectory_id = ${alias}.id AND sgt.user_id = $${params.length}::uuid)`;
    default:
      return 'TRUE';
  }
}
