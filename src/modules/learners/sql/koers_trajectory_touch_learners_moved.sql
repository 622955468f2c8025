-- A trajectory moved to another learner or municipality: re-fire koers_learner_other_payers_fill on both learners.
CREATE OR REPLACE FUNCTION koers_trajectory_touch_learners_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  
  PERFORM 1 FROM learner WHERE id IN (OLD.learner_id, NEW.learner_id) ORDER BY id FOR NO KEY UPDATE;
  UPDATE learner SET other_payers = NULL WHERE id IN (OLD.learner_id, NEW.learner_id);
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_trajectory_payers_move AFTER UPDATE OF learner_id, municipality_id ON trajectory FOR EACH ROW WHEN (((old.learner_id IS DISTINCT FROM new.learner_id) OR (old.municipality_id IS DISTINCT FROM new.municipality_id))) EXECUTE FUNCTION koers_trajectory_touch_learners_moved();
