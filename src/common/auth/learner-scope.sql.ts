import { Scope } from './scope';

/** Roles whose learner scope is every learner (learnerScopeSql gives TRUE). */
export const seesAllLearners = (scope: Scope): boolean =>
  scope.role === 'admin' || scope.role === 'coordinator' || scope.role === 'finance';

/**
 * SQL condition limiting learner alias `l` (or `alias`) to what the caller may read; pushes its parameters
 * onto `params`. Municipality: learners living there or with a trajectory it pays for; learner: itself;
 * teacher: learners with a trajectory enrolled (now or before) in one of its groups; admin, coordinator,
 * finance: all. Out of scope reads as "does not exist" (404).
 */
export function learnerScopeSql(scope: Scope, params: unknown[], alias = 'l'): string {
  if (seesAllLearners(scope)) return 'TRUE';
  switch (scope.role) {
    case 'municipality':
      if (!scope.municipalityId) return 'FALSE';
      params.push(scope.municipalityId);
      return `(${alias}.municipality_id = $${params.length}::uuid
               OR EXISTS (SELECT 1 FROM trajectory scope_t WHERE scope_t.learner_id = ${alias}.id AND scope_t.municipality_id = $${params.length}::uuid))`;
    case 'learner':
      if (!scope.learnerId) return 'FALSE';
      params.push(scope.learnerId);
      return `${alias}.id = $${params.length}::uuid`;
    case 'teacher':
      params.push(scope.userId);
      return `EXISTS (SELECT 1 FROM trajectory scope_t
                        JOIN enrolment scope_e ON scope_e.trajectory_id = scope_t.id
                        JOIN group_teacher scope_gt ON scope_gt.group_id = scope_e.group_id
                       WHERE scope_t.learner_id = ${alias}.id AND scope_gt.user_id = $${params.length}::uuid)`;
    default:
      return 'FALSE';
  }
}

/**
 * The teacher scope of learnerScopeSql as the set of learner ids (`l.id IN (...)`), for reads of many learners: the
 * teacher's groups first, then their enrolments by group. `= ANY (ARRAY(...))` keeps the enrolment lookup on the
 * btree index ix_enrolment_group_trajectory; with a join the planner takes the gist index ex_enrolment_no_overlap,
 * which cannot seek by group and reads all of it for every group (~15 ms).
 */
export function teacherLearnerIdsSql(scope: Scope, params: unknown[]): string {
  params.push(scope.userId);
  return `SELECT scope_t.learner_id FROM enrolment scope_e JOIN trajectory scope_t ON scope_t.id = scope_e.trajectory_id
           WHERE scope_e.group_id = ANY (ARRAY(SELECT scope_gt.group_id FROM group_teacher scope_gt WHERE scope_gt.user_id = $${params.length}::uuid))`;
}
