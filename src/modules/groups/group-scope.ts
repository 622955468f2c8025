import { Scope } from '../../common/auth/scope';

/**
 * SQL condition: the group `groupCol` is visible to the caller. Staff and finance see
 * every group; a teacher its own groups (or, for lessons, lessons it teaches); a
 * municipality groups with at least one enrolled trajectory it pays for; a learner
 * groups it is enrolled in. Pushes its parameters onto `params`.
 */
export function groupVisibleSql(scope: Scope, groupCol: string, params: unknown[], lessonTeacherCol?: string): string {
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
    case 'finance':
      return 'TRUE';
    case 'teacher': {
      params.push(scope.userId);
      const own = `EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = ${groupCol} AND gt.user_id = $${params.length})`;
      return lessonTeacherCol ? `(${own} OR ${lessonTeacherCol} = $${params.length})` : own;
    }
    case 'municipality':
      params.push(scope.municipalityId);
      return `EXISTS (SELECT 1 FROM enrolment se JOIN trajectory st ON st.id = se.trajectory_id
                       WHERE se.group_id = ${groupCol} AND st.municipality_id = $${params.length})`;
    case 'learner':
      params.push(scope.learnerId);
      return `EXISTS (SELECT 1 FROM enrolment se JOIN trajectory st ON st.id = se.trajectory_id
                       WHERE se.group_id = ${groupCol} AND st.learner_id = $${params.length})`;
    default:
      return 'FALSE';
  }
}

/** SQL condition on an enrolment's trajectory alias: which enrolled learners the caller may see. */
export function enrolmentVisibleSql(scope: Scope, trajectoryAlias: string, params: unknown[]): string {
  if (scope.role === 'municipality') {
    params.push(scope.municipalityId);
    return `${trajectoryAlias}.municipality_id = $${params.length}`;
  }
  if (scope.role === 'learner') {
    params.push(scope.learnerId);
    return `${trajectoryAlias}.learner_id = $${params.length}`;
  }
  return 'TRUE';
}
