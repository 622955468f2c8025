-- learner_count: a learner moved to another municipality (see koers_learner_count_insert.sql).
CREATE OR REPLACE FUNCTION koers_learner_count_move()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT m, d FROM (VALUES (OLD.municipality_id, -1), (NEW.municipality_id, 1)) v(m, d) ORDER BY m
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_count_move AFTER UPDATE OF municipality_id ON learner FOR EACH ROW WHEN ((old.municipality_id IS DISTINCT FROM new.municipality_id)) EXECUTE FUNCTION koers_learner_count_move();
