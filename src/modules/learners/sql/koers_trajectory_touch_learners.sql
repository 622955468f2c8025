-- Trajectory rows added or removed: re-fire koers_learner_other_payers_fill on their learners (ids in order, so two
-- writers never deadlock on them).
CREATE OR REPLACE FUNCTION koers_trajectory_touch_learners()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  
  PERFORM 1 FROM learner WHERE id IN (SELECT learner_id FROM trajectory_payer_rows) ORDER BY id FOR NO KEY UPDATE;
  UPDATE learner SET other_payers = NULL WHERE id IN (SELECT learner_id FROM trajectory_payer_rows);
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_trajectory_payers_delete AFTER DELETE ON trajectory REFERENCING OLD TABLE AS trajectory_payer_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_trajectory_touch_learners();

CREATE OR REPLACE TRIGGER koers_trajectory_payers_insert AFTER INSERT ON trajectory REFERENCING NEW TABLE AS trajectory_payer_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_trajectory_touch_learners();
