-- learner_count: learners removed (see koers_learner_count_insert.sql).
CREATE OR REPLACE FUNCTION koers_learner_count_delete()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT municipality_id, -count(*) FROM learner_count_rows GROUP BY municipality_id ORDER BY municipality_id
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_count_delete AFTER DELETE ON learner REFERENCING OLD TABLE AS learner_count_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_learner_count_delete();
