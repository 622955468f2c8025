-- DOMAIN.md (Who sees what): a teacher sees the trajectories enrolled, now or before, in one of its groups. A set
-- (`t.id IN (SELECT ... FROM koers_teacher_trajectory_ids($1))`), which PostgreSQL inlines when called in FROM: the
-- teacher's groups first, then their enrolments by group on ix_enrolment_group_trajectory (see
-- koers_teacher_learner_ids.sql for why the groups are an array).
CREATE OR REPLACE FUNCTION koers_teacher_trajectory_ids(p_teacher uuid)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT scope_e.trajectory_id FROM enrolment scope_e
   WHERE scope_e.group_id = ANY (ARRAY(SELECT scope_gt.group_id FROM group_teacher scope_gt WHERE scope_gt.user_id = p_teacher))
$function$;
