-- learner_count: the learner table was emptied.
CREATE OR REPLACE FUNCTION koers_learner_count_truncate()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  DELETE FROM learner_count;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_count_truncate AFTER TRUNCATE ON learner FOR EACH STATEMENT EXECUTE FUNCTION koers_learner_count_truncate();
