-- The trajectory table was emptied: no learner has other payers.
CREATE OR REPLACE FUNCTION koers_trajectory_touch_learners_truncated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE learner SET other_payers = NULL WHERE other_payers IS NOT NULL;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_trajectory_payers_truncate AFTER TRUNCATE ON trajectory FOR EACH STATEMENT EXECUTE FUNCTION koers_trajectory_touch_learners_truncated();
