-- The teacher scope of koers_teacher_sees_learner as a set of learner ids, for reads of many learners: the teacher's
-- groups first, then their enrolments by group. `= ANY (ARRAY(...))` keeps the enrolment lookup on the btree index
-- ix_enrolment_group_trajectory; with a join the planner takes the gist index ex_enrolment_no_overlap, which cannot
-- seek by group and reads all of it for every group (~15 ms). Inlined by PostgreSQL when called in FROM.
CREATE OR REPLACE FUNCTION koers_teacher_learner_ids(p_teacher uuid)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT scope_t.learner_id FROM enrolment scope_e JOIN trajectory scope_t ON scope_t.id = scope_e.trajectory_id
   WHERE scope_e.group_id = ANY (ARRAY(SELECT scope_gt.group_id FROM group_teacher scope_gt WHERE scope_gt.user_id = p_teacher))
$function$;
